import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { predictProbabilities } from "../../src/digits/classifier.ts";
import type { Example } from "../../training/digits/dataset.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { balancedPool, loadGeneratedExamples, uprightTurns } from "../../training/digits/generated-cells.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
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

/** How many of `examples` the shipped model reads as their labels. */
async function agreement(examples: readonly Example[]): Promise<number> {
  const probs = await predictProbabilities(
    shipped,
    examples.map((e) => e.input),
  );
  const reads = probs.map((p) => p.indexOf(Math.max(...p)));
  return reads.filter((d, i) => d === examples[i]!.label).length / examples.length;
}

test("generated photos become training cells cut by the app's pipeline, turned to their labels", async () => {
  const examples = await loadGeneratedExamples([dir], quiet);
  expect(examples.length).toBe(3 * 81);
  // Cells of the drawn grid in the labels' orientation: the shipped model mostly agrees with the labels.
  expect(await agreement(examples)).toBeGreaterThan(0.9);
}, 120_000);

test("photos taken sideways or upside down are turned upright by the corners the generator drew", async () => {
  const turned = await mkdtemp(join(tmpdir(), "gen-photos-turned-"));
  try {
    for (const quarterTurns of [1, 2, 3] as const) {
      const sub = join(turned, String(quarterTurns));
      const sideways = (design: PhotoDesign): PhotoDesign => {
        const plain = printed(design);
        return { ...plain, camera: { ...plain.camera, quarterTurns } };
      };
      await writePhotos({ fonts, puzzles, adjust: sideways }, { seed: 6, count: 1, out: sub, log: quiet });
      const examples = await loadGeneratedExamples([sub], quiet);
      expect(examples.length).toBe(81);
      expect(await agreement(examples)).toBeGreaterThan(0.9);
    }
  } finally {
    await rm(turned, { recursive: true, force: true });
  }
}, 120_000);

test("the turn is where the printed top-left corner was found, and another grid is refused", () => {
  const drawn = [
    { x: 100, y: 100 },
    { x: 300, y: 100 },
    { x: 300, y: 300 },
    { x: 100, y: 300 },
  ];
  // The detector's corners (the photo's top-left first) when the printed top-left is the photo's corner k.
  const found = (k: number) => drawn.map((_, j) => drawn[(j + 4 - k) % 4]!);
  expect(uprightTurns(drawn, drawn)).toBe(0);
  expect(uprightTurns(found(1), drawn)).toBe(3);
  expect(uprightTurns(found(2), drawn)).toBe(2);
  expect(uprightTurns(found(3), drawn)).toBe(1);
  // Within the tolerance (8 % of the side), but not a grid beside it.
  expect(
    uprightTurns(
      drawn.map((p) => ({ x: p.x + 10, y: p.y - 10 })),
      drawn,
    ),
  ).toBe(0);
  expect(
    uprightTurns(
      drawn.map((p) => ({ x: p.x + 40, y: p.y })),
      drawn,
    ),
  ).toBeUndefined();
});

test("cut cells are kept in the cache and taken back until what they depend on changes", async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), "gen-cells-"));
  const dependency = join(cacheDir, "source.ts");
  const cache = { dir: join(cacheDir, "cells"), dependsOn: [dependency] };
  try {
    await writeFile(dependency, "one");
    const cut = await loadGeneratedExamples([dir], quiet, cache);
    // Mark the kept cells (the first label byte, after the header) to tell a cached load from a new cut.
    const [file] = await readdir(cache.dir);
    const bytes = await readFile(join(cache.dir, file!));
    const first = 4 + bytes.readUInt32LE(0);
    bytes[first] = (bytes[first]! + 1) % 10;
    await writeFile(join(cache.dir, file!), bytes);
    const cached = await loadGeneratedExamples([dir], quiet, cache);
    expect(cached[0]!.label).toBe((cut[0]!.label + 1) % 10);
    expect(cached.slice(1).map((e) => e.label)).toEqual(cut.slice(1).map((e) => e.label));
    expect(cached.every((e, i) => e.input.every((v, k) => v === cut[i]!.input[k]))).toBe(true);
    // A changed dependency cuts the photos again.
    await writeFile(dependency, "two");
    const again = await loadGeneratedExamples([dir], quiet, cache);
    expect(again.map((e) => e.label)).toEqual(cut.map((e) => e.label));
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}, 120_000);

test("a few fine-tuning steps run on generated cells", async () => {
  const examples = await loadGeneratedExamples([dir], quiet);
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
    await expect(loadGeneratedExamples([evalDir], quiet)).rejects.toThrow(/reserved for evaluation/);
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
