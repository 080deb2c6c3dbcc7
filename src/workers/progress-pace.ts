import type { PipelineProgress } from "./pipeline-types.ts";

/** How often download progress may reach the page: a bar redrawn 10 times a second looks smooth. */
export const PROGRESS_EVERY_MS = 100;

/**
 * Passes download progress on to `sink` at most every `everyMs` per download (the first report and the
 * finished one always), and stage progress at once. Streams deliver the 8-MB OpenCV wasm in thousands of
 * chunks; a message to the page for each cost the worker ≈ 0.2 s of the first photo's critical path.
 */
export function paceProgress(
  sink: (p: PipelineProgress) => void,
  now: () => number = () => performance.now(),
  everyMs = PROGRESS_EVERY_MS,
): (p: PipelineProgress) => void {
  const lastSent = new Map<string, number>();
  return (p) => {
    if (p.kind === "download") {
      const at = now();
      const last = lastSent.get(p.what);
      if (last !== undefined && at - last < everyMs && p.loaded < p.total) return;
      lastSent.set(p.what, at);
    }
    sink(p);
  };
}
