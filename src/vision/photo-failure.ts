import type { PhotoError } from "../shared/reading.ts";

/** Thrown by a stage that cannot go on; the pipeline turns it into `{ kind: "error", error }`. */
export class PhotoFailure extends Error {
  constructor(readonly error: PhotoError) {
    super(`photo rejected: ${error.code}`);
    this.name = "PhotoFailure";
  }
}
