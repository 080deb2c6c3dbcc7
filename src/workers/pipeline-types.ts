import type { PipelineStage } from "../shared/reading.ts";

/** What the worker is doing: downloading a big asset (first use only, in bytes) or running a stage. */
export type PipelineProgress =
  | { kind: "download"; what: "opencv" | "model"; loaded: number; total: number }
  | { kind: "stage"; stage: PipelineStage };
