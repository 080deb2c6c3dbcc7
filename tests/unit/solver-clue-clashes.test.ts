import { describe, expect, it } from "vitest";
import type { CellRead } from "../../src/shared/reading.ts";
import { cluesClashBeyondOneMisread, readDoubtfulAsWhole } from "../../src/solver/conflicts.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { confidentReads, NORVIG } from "../fixtures/confident-reads.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

/** Norvig's puzzle as read, with `digit` read (as print, or `handwritten`) in each of `cells`. */
function withReads(cells: readonly number[], digit: number, handwritten = 0): CellRead[] {
  const reads = confidentReads(NORVIG);
  for (const cell of cells) {
    reads[cell] = { digit, confidence: 0.98, candidates: [{ digit, p: 0.98 }], handwritten };
  }
  return reads;
}

describe("cluesClashBeyondOneMisread", () => {
  // Norvig's puzzle: row 1 is ..3.2.6.., r2c1 a 9, r3c6 a 6.
  it("is false for a printed puzzle and for one misread clue, however many peers it clashes with", () => {
    expect(cluesClashBeyondOneMisread(confidentReads(NORVIG))).toBe(false);
    // r1c6 misread as 6: it clashes with the 6 of its row and the 6 of its column and box.
    expect(cluesClashBeyondOneMisread(withReads([5], 6))).toBe(false);
  });

  it("is true when no single clue, left out, clears the clashes: at least two are misread", () => {
    // r1c6 read as 6 and r1c1 as 9 (the 9 below it): two clashes, neither explains the other.
    const reads = withReads([5], 6);
    reads[0] = withReads([0], 9)[0]!;
    expect(cluesClashBeyondOneMisread(reads)).toBe(true);
  });

  it("leaves out entries: a player's wrong entries clash with the givens, and the read is not doubted", () => {
    // r1c1 and r1c2 written in as 3, the 3 printed beside them: as entries, no doubt; read as print, doubt.
    expect(cluesClashBeyondOneMisread(withReads([0, 1], 3, 0.99))).toBe(false);
    expect(cluesClashBeyondOneMisread(withReads([0, 1], 3))).toBe(true);
  });
});

describe("readDoubtfulAsWhole", () => {
  /** Norvig's puzzle as read with r1c6 misread as a 6 (one clash), and the first `n` of its clues doubted. */
  function oneClashDoubting(n: number): CellRead[] {
    const reads = withReads([5], 6);
    const clues = reads.flatMap((read, cell) => (read.digit === 0 ? [] : [cell]));
    for (const cell of clues.slice(0, n)) reads[cell] = { ...reads[cell]!, confidence: 0.6 };
    return reads;
  }
  const clueCount = confidentReads(NORVIG).filter((read) => read.digit !== 0).length + 1;
  const half = Math.ceil(clueCount / 2);

  it("is true when the clues clash and the reader doubts at least half of them", () => {
    expect(readDoubtfulAsWhole(oneClashDoubting(half))).toBe(true);
  });

  it("is false for one clash among clues mostly read surely: the misread is flagged on its own", () => {
    expect(readDoubtfulAsWhole(oneClashDoubting(half - 1))).toBe(false);
  });

  it("is false for a doubtful read whose clues agree: it may be right", () => {
    const reads = confidentReads(NORVIG).map((read) =>
      read.digit === 0 ? read : { ...read, confidence: 0.6 },
    );
    expect(readDoubtfulAsWhole(reads)).toBe(false);
  });

  it("is true for clues that clash beyond one misread, however sure", () => {
    const reads = withReads([5], 6);
    reads[0] = withReads([0], 9)[0]!;
    expect(readDoubtfulAsWhole(reads)).toBe(true);
  });
});

const classifier = useShippedClassifier();

it("a blurred 320×240 photo whose digits read wrong in several cells clashes beyond one misread", async () => {
  // A generated book page (see tests/fixtures/README.md): 7 cells read wrong, five printed digits read as
  // another digit that their row, column or box already holds.
  const photo = new URL("../fixtures/photos/clashing/s9012-0144.jpg", import.meta.url).pathname;
  const result = await readGrid(() => loadPhoto(photo), classifier());
  assertRead(result);
  expect(cluesClashBeyondOneMisread(result.cells)).toBe(true);
});

it("a 320×240 photo of a 110-px grid, read with a clash and most clues doubtful, is doubtful as a whole", async () => {
  // A generated plain page (see tests/fixtures/README.md): digits about 6 px tall, read with cells wrong
  // that the reader was sure of; its clues clash, though one misread could explain the clash.
  const photo = new URL("../fixtures/photos/clashing/s9012-0929.jpg", import.meta.url).pathname;
  const result = await readGrid(() => loadPhoto(photo), classifier());
  assertRead(result);
  expect(cluesClashBeyondOneMisread(result.cells)).toBe(false);
  expect(readDoubtfulAsWhole(result.cells)).toBe(true);
});
