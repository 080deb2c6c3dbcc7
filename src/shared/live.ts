/** The vocabulary of live scanning shared by the pipeline worker and the page. */
import type { Corners } from "./image.ts";

/** A few digits read earlier, to tell whether the grid in view is still the same puzzle. */
export interface ClueCheck {
  /** Quarter turns clockwise that made the earlier read upright. */
  rotation: number;
  /** Upright row-major cell indices (0–80) and the digit read there. */
  clues: readonly { index: number; digit: number }[];
}

/** What one camera frame showed: the grid's corners in the frame's pixels, or nothing. */
export type GridSighting =
  | { kind: "none" }
  | {
      kind: "grid";
      corners: Corners;
      /** With a ClueCheck: how many of its clues this frame shows as the same digit. */
      matchingClues?: number;
    };

/** A camera frame as the page hands it to the worker: a VideoFrame where WebCodecs exists, else an ImageBitmap. */
export type CameraFrame = VideoFrame | ImageBitmap;
