import * as tf from "@tensorflow/tfjs";
import { beforeAll, expect, test } from "vitest";
import { CLASS_COUNT } from "../../src/digits/classes.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { registerHandwritingFonts } from "../../training/photos/handwriting.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { createCellRenderer } from "../../training/digits/render-cell.ts";
import { learningRateAt, SYNTHETIC_LR, trainDigitModel } from "../../training/digits/trainer.ts";

beforeAll(async () => {
  await useNodeWasmBackend();
});

test("a few training steps (printed and handwritten cells) on the wasm backend run end to end with a finite loss", async () => {
  const lines: string[] = [];
  const before = tf.memory().numTensors;
  const { model, losses } = await trainDigitModel({
    steps: 3,
    peakLr: SYNTHETIC_LR,
    batchSize: 8,
    seed: 11,
    realExamples: [],
    realShare: 0,
    // Fonts only: a fresh clone has no MNIST.
    render: createCellRenderer(registerFonts(), { mnist: undefined, fonts: registerHandwritingFonts() }),
    handwrittenShare: 0.5,
    log: (l) => lines.push(l),
    logEvery: 1,
  });
  expect(losses).toHaveLength(3);
  for (const loss of losses) expect(Number.isFinite(loss) && loss > 0).toBe(true);
  expect(lines).toHaveLength(3);
  expect(model.outputs[0]!.shape).toEqual([null, CLASS_COUNT]);
  model.dispose();
  // Nothing survives a run: no per-step tensors, no optimizer state.
  expect(tf.memory().numTensors).toBe(before);
});

test("the learning rate stays at its peak for half the run, then decays to its floor", () => {
  expect(learningRateAt(0, 100, 1e-3)).toBe(1e-3);
  expect(learningRateAt(49, 100, 1e-3)).toBe(1e-3);
  expect(learningRateAt(75, 100, 1e-3)).toBeLessThan(1e-3);
  expect(learningRateAt(100, 100, 1e-3)).toBeCloseTo(5e-5);
});
