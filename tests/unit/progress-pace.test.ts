import { expect, test } from "vitest";
import { paceProgress } from "../../src/workers/progress-pace.ts";
import type { PipelineProgress } from "../../src/workers/pipeline-types.ts";

test("download progress reaches the page at most every interval per download, the finished report always", () => {
  const sent: PipelineProgress[] = [];
  let clock = 0;
  const report = paceProgress(
    (p) => sent.push(p),
    () => clock,
    100,
  );
  const opencv = (loaded: number): PipelineProgress => ({
    kind: "download",
    what: "opencv",
    loaded,
    total: 1000,
  });
  const model = (loaded: number): PipelineProgress => ({
    kind: "download",
    what: "model",
    loaded,
    total: 10,
  });
  for (let loaded = 1; loaded < 1000; loaded++) {
    clock = loaded; // one chunk a millisecond
    report(opencv(loaded));
  }
  clock = 1000;
  report(opencv(1000));
  const loads = sent.flatMap((p) => (p.kind === "download" ? [p.loaded] : []));
  expect(loads).toEqual([1, 101, 201, 301, 401, 501, 601, 701, 801, 901, 1000]);
  // Another download is paced on its own, and stages are never held back.
  report(model(5));
  report({ kind: "stage", stage: "load" });
  expect(sent.slice(-2)).toEqual([model(5), { kind: "stage", stage: "load" }]);
});
