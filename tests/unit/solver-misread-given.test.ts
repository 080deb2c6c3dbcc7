import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { entriesMendedBySolution } from "../../src/solver/misread-given.ts";
import { solve } from "../../src/solver/solve.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";

import { confidentReads, NORVIG } from "../fixtures/confident-reads.ts";
import { readGeneratedPhoto, useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

const solved = solve(Uint8Array.from(NORVIG, Number));
if (solved.kind !== "solved") throw new Error("fixture must be solvable");
const SOLUTION = solved.solution;
/** One of Norvig's givens (row 1, column 3), and another open cell (row 1, column 1). */
const GIVEN = 2;
const OPEN = 0;
const RIGHT = SOLUTION[GIVEN]!;
const WRONG = (RIGHT % 9) + 1;
const WRONG_OPEN = (SOLUTION[OPEN]! % 9) + 1;
/** A third open cell (row 1, column 2). */
const SURE = 1;

/** No glyph is the grid's print of any digit (the typeface check has nothing to say). */
const noPrint = () => false;

/** A read of `digit` as handwritten at `confidence`, giving the solution's digit `solutionP`. */
function entry(digit: number, confidence: number, solutionP: number, solutionDigit = RIGHT): CellRead {
  return {
    digit,
    confidence,
    candidates: [
      { digit, p: confidence },
      { digit: solutionDigit, p: solutionP },
    ],
    handwritten: 0.8,
  };
}

/** Norvig's grid with its given in `GIVEN` read as a doubtful handwritten `WRONG`. */
function misreadGiven(confidence = 0.4, solutionP = 0.3): CellRead[] {
  const reads = confidentReads(NORVIG);
  reads[GIVEN] = entry(WRONG, confidence, solutionP);
  return reads;
}

describe("entriesMendedBySolution", () => {
  it("turns a doubtful entry that contradicts the solution into the solution's printed digit, still doubtful", () => {
    const reads = misreadGiven();
    const mended = entriesMendedBySolution(reads, noPrint);
    expect(mended[GIVEN]!.digit).toBe(RIGHT);
    expect(isHandwritten(mended[GIVEN]!)).toBe(false);
    expect(mended[GIVEN]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(mended[GIVEN]!.candidates.map((c) => c.digit)).toEqual([RIGHT, WRONG]);
    for (let cell = 0; cell < 81; cell++) if (cell !== GIVEN) expect(mended[cell]).toEqual(reads[cell]);
  });

  it("reads a doubtful entry the CNN gives the solution's digit little chance as blank, doubtful: a mark", () => {
    // A crease or a speck on a blank cell, in a grid nobody has surely written in.
    const reads = confidentReads(NORVIG);
    reads[OPEN] = entry(WRONG_OPEN, 0.6, 0.05, SOLUTION[OPEN]!);
    const mended = entriesMendedBySolution(reads, noPrint);
    expect(mended[OPEN]!.digit).toBe(0);
    expect(mended[OPEN]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(mended[OPEN]!.candidates.map((c) => c.digit)).toEqual([0, WRONG_OPEN]);
    for (let cell = 0; cell < 81; cell++) if (cell !== OPEN) expect(mended[cell]).toEqual(reads[cell]);
  });

  it("keeps a wrong entry in a grid the player has surely written in: the page points it out", () => {
    const reads = confidentReads(NORVIG);
    reads[OPEN] = entry(WRONG_OPEN, 0.6, 0.05, SOLUTION[OPEN]!);
    reads[SURE] = entry(SOLUTION[SURE]!, 0.97, 0.97, SOLUTION[SURE]!);
    expect(entriesMendedBySolution(reads, noPrint)).toEqual(reads);
  });

  it("leaves a wrong entry read surely: the player's mistake must be pointed out", () => {
    const reads = misreadGiven(0.95, 0.3);
    expect(entriesMendedBySolution(reads, noPrint)).toEqual(reads);
  });

  it("leaves a doubtful entry alone in a grid the player has surely written in", () => {
    const reads = misreadGiven();
    reads[OPEN] = entry(SOLUTION[OPEN]!, 0.97, 0.97, SOLUTION[OPEN]!);
    expect(entriesMendedBySolution(reads, noPrint)).toEqual(reads);
  });

  it("leaves a doubtful entry of the solution's digit alone", () => {
    const reads = confidentReads(NORVIG);
    reads[OPEN] = entry(SOLUTION[OPEN]!, 0.6, 0.6, SOLUTION[OPEN]!);
    expect(entriesMendedBySolution(reads, noPrint)).toEqual(reads);
  });

  it("turns a sure entry that contradicts the solution into the solution's digit when its glyph is that print", () => {
    // A printed 6 the CNN read surely as a 5 written by hand, in a grid the player has surely written in.
    const reads = misreadGiven(0.95, 0.01);
    reads[OPEN] = entry(SOLUTION[OPEN]!, 0.97, 0.97, SOLUTION[OPEN]!);
    const asked: [number, number][] = [];
    const mended = entriesMendedBySolution(reads, (cell, digit) => {
      asked.push([cell, digit]);
      return cell === GIVEN && digit === RIGHT;
    });
    // Only the entry that contradicts the solution is compared, with the solution's digit.
    expect(asked).toEqual([[GIVEN, RIGHT]]);
    expect(mended[GIVEN]!.digit).toBe(RIGHT);
    expect(isHandwritten(mended[GIVEN]!)).toBe(false);
    expect(mended[GIVEN]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(mended[OPEN]).toEqual(reads[OPEN]);
  });

  it("leaves the reads alone when the givens have no single solution", () => {
    const reads = misreadGiven();
    // A 2 read in row 1, column 4, beside the row's printed 2: no solution says which digit the entry hides.
    reads[3] = { digit: 2, confidence: 0.98, candidates: [{ digit: 2, p: 0.98 }] };
    expect(solve(Uint8Array.from(reads, (r) => (isHandwritten(r) ? 0 : r.digit))).kind).not.toBe("solved");
    expect(entriesMendedBySolution(reads, noPrint)).toEqual(reads);
  });
});

const classifier = useShippedClassifier();

/**
 * A printed photo of `tests/fixtures/photos/misread-print/` as read: its cells, and what they show ("h" for a
 * handwritten digit) against its labels, which hold no entry.
 */
async function readPrinted(file: string) {
  const dir = new URL("../fixtures/photos/misread-print/", import.meta.url);
  const labels = JSON.parse(await readFile(new URL("labels.json", dir), "utf8")) as Record<string, string>;
  const result = await readGrid(() => loadPhoto(new URL(file, dir).pathname), classifier());
  assertRead(result);
  const shown = result.cells.map((c) => (isHandwritten(c) ? "h" : String(c.digit))).join("");
  return { cells: result.cells, shown, labelled: labels[file] };
}

it("a 240×320 screenshot photo whose printed 1 reads as a doubtful handwritten 2 is read exactly, the 1 doubtful", async () => {
  // A generated photo of a light app screen (see tests/fixtures/README.md): its r9c4 holds a printed 1,
  // blurred into a 2 written by hand, the grid no entry at all.
  const { cells, shown, labelled } = await readPrinted("s9001-0570.jpg");
  expect(shown).toBe(labelled);
  expect(cells[8 * 9 + 3]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
});

it("a 240×320 crumpled newspaper photo whose creases read as handwritten digits in two blank cells is read exactly", async () => {
  // A generated printed photo (see tests/fixtures/README.md): the CNN reads the creases through r2c7 and
  // r4c6 as a 1 and a 5 written by hand, unsurely, in a grid with no entry; the solution has a 3 in both.
  const { cells, shown, labelled } = await readPrinted("s9001-0974.jpg");
  expect(shown).toBe(labelled);
  for (const cell of [1 * 9 + 6, 3 * 9 + 5]) expect(cells[cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
});

it("a 240×320 photo's printed 7 whose bar the cell cleaner cut off, read as a handwritten 1, is read as the given it is", async () => {
  // A generated printed photo (see tests/fixtures/README.md): r4c1's 7 sits high in its cell and its bar,
  // joined to the stem by paler ink, lies in the edge band; the CNN reads the stem as a 1 written by hand.
  const { cells, shown, labelled } = await readPrinted("s9012-0864.jpg");
  expect(shown).toBe(labelled);
  expect(cells[3 * 9]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
});

describe("printed digits read as another digit by hand, on generated half-filled photos", () => {
  const read = (file: string) => readGeneratedPhoto("print-of-solution", file, classifier());

  it("a printed 7 that the CNN reads surely as a handwritten 2 is read as the given it is, doubtful", async () => {
    // r1c1 holds a printed 7 the solution needs; the grid holds four sure entries (see tests/fixtures/README.md).
    const { cells, givens, labelledGivens } = await read("s9002-0222.jpg");
    expect(givens).toBe(labelledGivens);
    expect(cells[0]!.digit).toBe(7);
    expect(cells[0]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
  });

  it("a pencilled candidate short of the print's height is not taken for the print of the solution's digit", async () => {
    // r6c4 holds a pencilled 6, the solution's digit, that matches part of the printed 6 as well as print matches print.
    const { cells, givens, labelledGivens } = await read("s9003-0183.jpg");
    expect(givens).toBe(labelledGivens);
    expect(isHandwritten(cells[5 * 9 + 3]!) || cells[5 * 9 + 3]!.digit === 0).toBe(true);
  });
});
