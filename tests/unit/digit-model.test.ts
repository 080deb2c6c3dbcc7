import { resolve } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { toCellRead } from "../../src/digits/cell-read.ts";
import { CLASS_COUNT, classOf, digitOf, digitProbabilities } from "../../src/digits/classes.ts";
import { createDigitClassifier, type DigitClassifier } from "../../src/digits/classifier.ts";
import { turnTile } from "../../src/digits/orientation.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { chooseUpright } from "../../src/vision/upright-turn.ts";
import { isHandwritten } from "../../src/shared/reading.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { registerHandwritingFonts } from "../../training/photos/handwriting.ts";
import { modelFilesHandler } from "../../tooling/model-files.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { createCellRenderer } from "../../training/digits/render-cell.ts";
import { createRng } from "../../training/digits/rng.ts";

const MODEL_DIR = resolve(import.meta.dirname, "../../public/models/digits");
let classifier: DigitClassifier;

/**
 * Fresh synthetic cells from a seed that neither training nor its validation uses: empty, then
 * printed digits, or handwritten ones (in handwriting fonts only: a fresh clone has no MNIST).
 */
function freshCells(
  count: number,
  handwritten = false,
): { label: number; prepared: ReturnType<typeof prepareCell> }[] {
  const render = createCellRenderer(registerFonts(), { mnist: undefined, fonts: registerHandwritingFonts() });
  const rng = createRng(handwritten ? 0xbeef : 0xc0ffee);
  return Array.from({ length: count }, (_, i) => {
    const digit = i % 10;
    const label = digit === 0 ? 0 : classOf(digit, handwritten);
    return { label, prepared: prepareCell(render(rng, label)) };
  });
}

beforeAll(async () => {
  await useNodeWasmBackend();
  classifier = createDigitClassifier(modelFilesHandler(MODEL_DIR));
});

afterAll(() => classifier.dispose());

describe("the committed digit model", () => {
  test("reads ≥ 95 % of freshly rendered synthetic cells right (ink test + CNN, as the app does)", async () => {
    const cells = freshCells(300);
    const probs = await classifier.classifyCells(cells.map((c) => c.prepared.input));
    expect(probs).toHaveLength(300);
    const reads = cells.map((c, i) => toCellRead(probs[i]!, c.prepared.empty));
    const right = cells.filter((c, i) => reads[i]!.digit === c.label).length;
    expect(right / cells.length).toBeGreaterThanOrEqual(0.95);
    // Printed digits are givens: almost none is taken for the user's handwriting.
    const printed = cells.filter((c) => c.label !== 0).length;
    expect(reads.filter(isHandwritten).length).toBeLessThanOrEqual(0.03 * printed);
  });

  test("reads handwritten digits as the user's entries, with their digit", async () => {
    const cells = freshCells(200, true).filter((c) => c.label !== 0);
    const probs = await classifier.classifyCells(cells.map((c) => c.prepared.input));
    const reads = cells.map((c, i) => toCellRead(probs[i]!, c.prepared.empty));
    const entries = reads.filter(isHandwritten).length;
    const right = cells.filter((c, i) => reads[i]!.digit === digitOf(c.label)).length;
    expect(entries / cells.length).toBeGreaterThanOrEqual(0.85);
    expect(right / cells.length).toBeGreaterThanOrEqual(0.85);
  });

  test("returns a probability per class summing to 1", async () => {
    const [p] = await classifier.classifyCells([freshCells(2)[1]!.prepared.input]);
    expect(p).toHaveLength(CLASS_COUNT);
    expect(p!.reduce((a, b) => a + b)).toBeCloseTo(1, 4);
  });

  test("leaves no tensors behind over repeated 81-cell batches", async () => {
    const inputs = freshCells(81).map((c) => c.prepared.input);
    await classifier.classifyCells(inputs); // loads the model (its weights stay)
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await classifier.classifyCells(inputs);
    expect(tf.memory().numTensors).toBe(before);
  });

  test("finds the quarter turn that makes a turned grid's digits upright, with no near-tie", async () => {
    const digits = freshCells(40).filter((c) => !c.prepared.empty && c.label !== 0);
    // Each digit sits where a solved grid holds it, so right reads break no sudoku rule.
    const solved = Array.from({ length: 81 }, (_, i) => {
      const [r, c] = [Math.floor(i / 9), i % 9];
      return ((r * 3 + Math.floor(r / 3) + c) % 9) + 1;
    });
    const taken = new Set<number>();
    const inked = digits.map(({ label }) => {
      const cell = solved.findIndex((d, i) => d === label && !taken.has(i));
      taken.add(cell);
      return cell;
    });
    for (const turnedBy of [0, 1, 2, 3]) {
      // A grid turned by `turnedBy` quarter turns needs (4 − turnedBy) more to be upright.
      const tiles = digits.map((c) => turnTile(c.prepared.input, turnedBy));
      const shapes = digits.map(({ prepared: { shape } }) =>
        turnedBy % 2 ? { ...shape!, height: shape!.width, width: shape!.height } : shape!,
      );
      const probsByTurn = [];
      for (let t = 0; t < 4; t++)
        probsByTurn.push(
          (await classifier.classifyCells(tiles.map((x) => turnTile(x, t)))).map(digitProbabilities),
        );
      expect(chooseUpright(inked, shapes, probsByTurn)).toEqual({ turns: (4 - turnedBy) % 4 });
    }
  });
});

test("turnTile: four quarter turns are the identity, one turn moves the top row to the right column", () => {
  const tile = Float32Array.from({ length: 32 * 32 }, (_, i) => i);
  expect(Array.from(turnTile(turnTile(tile, 1), 3))).toEqual(Array.from(tile));
  const once = turnTile(tile, 1);
  expect(once[0 * 32 + 31]).toBe(tile[0]);
  expect(once[31 * 32 + 31]).toBe(tile[31]);
});
