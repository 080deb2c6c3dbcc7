import { describe, expect, it } from "vitest";
import type { CellRead } from "../../src/shared/reading.ts";
import { cluesClashBeyondOneMisread } from "../../src/solver/conflicts.ts";
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

const classifier = useShippedClassifier();

it("a blurred 320×240 photo whose digits read wrong in several cells clashes beyond one misread", async () => {
  // A generated book page (see tests/fixtures/README.md): 7 cells read wrong, five printed digits read as
  // another digit that their row, column or box already holds.
  const photo = new URL("../fixtures/photos/clashing/s9012-0144.jpg", import.meta.url).pathname;
  const result = await readGrid(() => loadPhoto(photo), classifier());
  assertRead(result);
  expect(cluesClashBeyondOneMisread(result.cells)).toBe(true);
});
