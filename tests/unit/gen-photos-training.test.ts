import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { predictProbabilities } from "../../src/digits/classifier.ts";
import type { PreparedCell } from "../../src/digits/preprocess.ts";
import type { Example } from "../../training/digits/dataset.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { balancedPool, loadGeneratedExamples } from "../../training/digits/generated-cells.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { readDigits } from "../../training/digits/real-eval.ts";
import { createCellRenderer } from "../../training/digits/render-cell.ts";
import { FINE_TUNE_LR, trainDigitModel } from "../../training/digits/trainer.ts";
import type { PhotoDesign } from "../../training/photos/design.ts";
import { FALLBACK_PUZZLES } from "../../training/photos/puzzles.ts";
import { writePhotos } from "../../training/photos/write-photos.ts";
import { modelFilesHandler } from "../../tooling/model-files.ts";

let dir: string;
let shipped: tf.LayersModel;
const fonts = registerFonts();
const puzzles = [...FALLBACK_PUZZLES];
const quiet = (): void => undefined;

/** Printed pages, sharp and square-on enough that the detector finds the drawn grid. */
const printed = (design: PhotoDesign): PhotoDesign => ({
  ...design,
  layout: design.layout.startsWith("app") ? "plain" : design.layout,
  // Plain black lines: this tests the training plumbing, not the grid finder on hard print.
  grid: {
    ...design.grid,
    background: null,
    thin: { width: 0.03, colour: [30, 30, 30] },
    box: { width: 0.08, colour: [20, 20, 20] },
    outer: { width: 0.1, colour: [20, 20, 20] },
  },
  page: { ...design.page, crumple: 0, showThrough: 0 },
  marks: design.marks.map((m) => (m?.kind === "pencil" ? null : m)),
  camera: {
    ...design.camera,
    kind: "photo",
    width: 800,
    height: 600,
    fill: 0.85,
    perspective: 0.02,
    curl: 0,
    shadow: { kind: "none" },
    glare: 0,
    blur: 0,
    noise: 2,
  },
});

beforeAll(async () => {
  await useNodeWasmBackend();
  dir = await mkdtemp(join(tmpdir(), "gen-photos-"));
  await writePhotos({ fonts, puzzles, adjust: printed }, { seed: 5, count: 3, out: dir, log: quiet });
  shipped = await tf.loadLayersModel(
    modelFilesHandler(new URL("../../public/models/digits", import.meta.url).pathname),
  );
}, 120_000);

afterAll(async () => {
  shipped.dispose();
  await rm(dir, { recursive: true, force: true });
});

test("generated photos become training cells cut by the app's pipeline, turned to their labels", async () => {
  const examples = await loadGeneratedExamples([dir], (cells) => readDigits(shipped, cells), quiet);
  expect(examples.length).toBe(3 * 81);
  // Cells of the drawn grid in the labels' orientation: the shipped model mostly agrees with the labels.
  const probs = await predictProbabilities(
    shipped,
    examples.map((e) => e.input),
  );
  const reads = probs.map((p) => p.indexOf(Math.max(...p)));
  const agree = reads.filter((d, i) => d === examples[i]!.label).length;
  expect(agree / examples.length).toBeGreaterThan(0.9);
}, 120_000);

test("cut cells are kept in the cache and taken back without cutting the photos again", async () => {
  const cache = { dir: await mkdtemp(join(tmpdir(), "gen-cells-")), dependsOn: [] };
  try {
    let reads = 0;
    const read = (cells: PreparedCell[]) => (reads++, readDigits(shipped, cells));
    const cut = await loadGeneratedExamples([dir], read, quiet, cache);
    const cutReads = reads;
    expect(cutReads).toBeGreaterThan(0);
    const cached = await loadGeneratedExamples([dir], read, quiet, cache);
    expect(reads).toBe(cutReads);
    expect(cached.map((e) => e.label)).toEqual(cut.map((e) => e.label));
    expect(cached.every((e, i) => e.input.every((v, k) => v === cut[i]!.input[k]))).toBe(true);
  } finally {
    await rm(cache.dir, { recursive: true, force: true });
  }
}, 120_000);

test("a few fine-tuning steps run on generated cells", async () => {
  const examples = await loadGeneratedExamples([dir], (cells) => readDigits(shipped, cells), quiet);
  const before = tf.memory().numTensors;
  const { model, losses } = await trainDigitModel({
    steps: 2,
    peakLr: FINE_TUNE_LR,
    batchSize: 8,
    seed: 3,
    realExamples: examples,
    realShare: 0.5,
    handwrittenShare: 0,
    render: createCellRenderer(fonts),
    log: quiet,
    logEvery: 1,
  });
  expect(losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
}, 120_000);

test("a folder made with an evaluation seed is refused for training", async () => {
  const evalDir = await mkdtemp(join(tmpdir(), "gen-photos-eval-"));
  try {
    await writePhotos(
      { fonts, puzzles, adjust: printed },
      { seed: 9001, count: 1, out: evalDir, log: quiet },
    );
    await expect(loadGeneratedExamples([evalDir], async () => [], quiet)).rejects.toThrow(
      /reserved for evaluation/,
    );
  } finally {
    await rm(evalDir, { recursive: true, force: true });
  }
});

test("real and generated cells are drawn equally often from the photo pool", () => {
  const cell = (label: number): Example => ({ input: new Float32Array(1), label });
  const pool = balancedPool(
    [cell(1), cell(1)],
    Array.from({ length: 10 }, () => cell(2)),
  );
  expect(pool.filter((e) => e.label === 1)).toHaveLength(10);
  expect(pool.filter((e) => e.label === 2)).toHaveLength(10);
  expect(balancedPool([], [cell(2)])).toHaveLength(1);
});
