import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDigitClassifier, type DigitClassifier } from "../../src/digits/classifier.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { raisedCell, secondLooks, stepFreeCell } from "../../src/digits/second-look.ts";
import { toCellRead } from "../../src/digits/cell-read.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { modelFilesHandler } from "../../tooling/model-files.ts";
import { grainyCell } from "../fixtures/grainy-cells.ts";

let classifier: DigitClassifier;
beforeAll(async () => {
  await useNodeWasmBackend();
  classifier = createDigitClassifier(
    modelFilesHandler(resolve(import.meta.dirname, "../../public/models/digits")),
  );
});
afterAll(() => classifier.dispose());

const surePrint = (digit: number): CellRead => ({
  digit,
  confidence: 0.99,
  candidates: [{ digit, p: 0.99 }],
  handwritten: 0.01,
});
const blank: CellRead = { digit: 0, confidence: 0.99, candidates: [{ digit: 0, p: 0.99 }] };

/** Pale print (say, red ink in a photo), as in the dev photo whose glare washed out a 7 to a third of it. */
const PRINT_FADE = 50;

test("a digit washed out below the ink test, raised to the grid's print, reads as that digit", async () => {
  const printed = [2, 3, 4, 5, 6].map((value, i) => grainyCell(i + 1, { value, fade: PRINT_FADE }));
  for (const value of [7, 1, 4]) {
    const washed = grainyCell(0, { value, fade: 14 });
    const tiles = [washed, ...printed];
    const prepared = tiles.map(prepareCell);
    expect(prepared[0]!.shape).toBeUndefined();
    const reads = [blank, ...[2, 3, 4, 5, 6].map(surePrint)];
    const [look] = await secondLooks([0], reads, tiles, prepared, classifier);
    expect(look?.digit).toBe(value);
    expect(look!.confidence).toBeGreaterThan(0.9);
    expect(look!.handwritten).toBeLessThan(0.5);
  }
});

test("grainy blank paper raised stays empty; a cell as strong as the print is not raised", () => {
  const strength = prepareCell(grainyCell(1, { value: 5, fade: PRINT_FADE })).peak;
  for (let seed = 10; seed < 30; seed++) {
    const paper = grainyCell(seed);
    expect(raisedCell(paper, prepareCell(paper).peak, strength)?.empty ?? true).toBe(true);
  }
  const printed = grainyCell(2, { value: 8, fade: PRINT_FADE });
  expect(raisedCell(printed, prepareCell(printed).peak, strength * 0.9)).toBeUndefined();
});

test("without a sure printed digit to measure the print by, nothing is looked at again", async () => {
  const washed = grainyCell(0, { value: 7, fade: 14 });
  expect(await secondLooks([0], [blank], [washed], [prepareCell(washed)], classifier)).toEqual([]);
});

test("pale print crossed by a shadow's edge, misread or read as empty, reads right stepped free of the edge", async () => {
  for (const value of [1, 5, 7]) {
    const clean = grainyCell(value, { value, fade: 70 });
    // The shadow covers the cell from row 40 down, 70 levels deep: across the digit's lower part.
    const shadowed = { ...clean, data: clean.data.map((v, i) => (i >= 40 * clean.width ? v - 70 : v)) };
    const first = prepareCell(shadowed);
    const [again, cleanAgain] = [stepFreeCell(shadowed), stepFreeCell(clean)];
    const [firstProbs, againProbs, cleanProbs] = await classifier.classifyCells([
      first.input,
      again!.input,
      cleanAgain!.input,
    ]);
    const firstRead = toCellRead(firstProbs!, first.empty);
    expect(firstRead.digit === value && firstRead.confidence >= 0.9).toBe(false);
    // Without a shadow, the step-free look reads the digit as the first look does.
    for (const probs of [againProbs!, cleanProbs!]) {
      const read = toCellRead(probs, false);
      expect(read.digit).toBe(value);
      expect(read.confidence).toBeGreaterThan(0.99);
    }
  }
});
