import { describe, expect, it } from "vitest";
import { HANDWRITTEN_THRESHOLD, isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { solve } from "../../src/solver/solve.ts";
import { givensBySymmetry } from "../../src/solver/symmetric-givens.ts";
import { nearestSymmetry, orbit, quarterTurn, SYMMETRIES } from "../../src/solver/symmetry.ts";
import { confidentReads, NORVIG } from "../fixtures/confident-reads.ts";

// Norvig's puzzle is symmetric under a half turn (and a mirror), as most printed puzzles are.
const solved = solve(Uint8Array.from(NORVIG, Number));
if (solved.kind !== "solved") throw new Error("fixture must be solvable");
const SOLUTION = solved.solution;
/** Open cells whose images under every symmetry are open too (rows 1, 2, 3 and 7). */
const [ENTRY, NEAT, OTHER] = [0, 10, 64] as const;

function read(cell: number, handwritten: number, confidence = 0.98): CellRead {
  const digit = SOLUTION[cell]!;
  return { digit, confidence, candidates: [{ digit, p: confidence }], handwritten };
}

/** Norvig's givens (printed: handwriting share 0.01) with a right entry in `ENTRY` read as an entry. */
function halfSolved(): CellRead[] {
  const reads = confidentReads(NORVIG).map((r) => (r.digit === 0 ? r : { ...r, handwritten: 0.01 }));
  reads[ENTRY] = read(ENTRY, 0.9);
  return reads;
}

describe("symmetry of clue layouts", () => {
  it("finds the symmetry fewest cells break, and those cells", () => {
    const givens = [...NORVIG].flatMap((ch, cell) => (ch === "0" ? [] : [cell]));
    expect(nearestSymmetry(givens)).toEqual({ name: "halfTurn", breakers: [] });
    expect(nearestSymmetry([...givens, NEAT]).breakers).toEqual([NEAT]);
    expect(nearestSymmetry([0, 8, 72, 80, 1, 7]).name).toBe("mirror");
    expect(nearestSymmetry([1, 9, 2, 18]).name).toBe("diagonal");
  });

  it("builds orbits of a quarter turn and of several maps", () => {
    expect(orbit(0, [quarterTurn]).sort((a, b) => a - b)).toEqual([0, 8, 72, 80]);
    expect(orbit(40, [quarterTurn])).toEqual([40]);
    expect(orbit(1, [SYMMETRIES.mirror, SYMMETRIES.flip]).sort((a, b) => a - b)).toEqual([1, 7, 73, 79]);
  });
});

describe("givensBySymmetry", () => {
  it("turns into an entry a given that breaks the symmetry opposite an empty cell", () => {
    const reads = halfSolved();
    reads[NEAT] = read(NEAT, 0.02);
    const turned = givensBySymmetry(reads);
    expect(turned[NEAT]).toEqual({ ...reads[NEAT], handwritten: HANDWRITTEN_THRESHOLD });
    for (let cell = 0; cell < 81; cell++) if (cell !== NEAT) expect(turned[cell]).toEqual(reads[cell]);
  });

  it("leaves a puzzle nobody wrote in as printed", () => {
    const reads = halfSolved();
    reads[ENTRY] = read(ENTRY, 0.02);
    expect(givensBySymmetry(reads)).toEqual(reads);
  });

  it("keeps the given when the empty cell opposite is doubtful: a clue may be missed there", () => {
    const reads = halfSolved();
    reads[NEAT] = read(NEAT, 0.02);
    reads[80 - NEAT] = { ...reads[80 - NEAT]!, confidence: 0.5 };
    expect(givensBySymmetry(reads)).toEqual(reads);
  });

  it("makes a printed clue read as an entry a given again when its mirror clue is surely print", () => {
    const reads = halfSolved();
    const clue = 2;
    reads[clue] = { ...reads[clue]!, handwritten: 0.7 };
    const turned = givensBySymmetry(reads);
    expect(isHandwritten(turned[clue]!)).toBe(false);
    expect(isHandwritten(turned[80 - clue]!)).toBe(false);
    expect(turned[clue]!.handwritten).toBeCloseTo((0.7 * 0.01) / (0.7 * 0.01 + 0.3 * 0.99), 6);
  });

  it("makes both cells entries when the pair is likelier written", () => {
    const reads = halfSolved();
    reads[OTHER] = read(OTHER, 0.3);
    reads[80 - OTHER] = read(80 - OTHER, 0.95);
    const turned = givensBySymmetry(reads);
    expect(isHandwritten(turned[OTHER]!)).toBe(true);
    expect(isHandwritten(turned[80 - OTHER]!)).toBe(true);
  });

  it("leaves a layout more than four cells off any symmetry alone", () => {
    const reads = halfSolved();
    for (const cell of [1, 3, 8, NEAT, 11]) reads[cell] = read(cell, 0.02);
    expect(
      nearestSymmetry(reads.flatMap((r, c) => (r.digit && !isHandwritten(r) ? [c] : []))).breakers,
    ).toHaveLength(5);
    expect(givensBySymmetry(reads)).toEqual(reads);
  });

  it("turns nothing when the givens would then have several solutions", () => {
    // Clue 9 and its mirror 71 are both needed for one solution: 71 missed (read empty) leaves 9 a breaker.
    const reads = halfSolved();
    reads[71] = { digit: 0, confidence: 0.98, candidates: [{ digit: 0, p: 0.98 }] };
    expect(
      nearestSymmetry(reads.flatMap((r, c) => (r.digit && !isHandwritten(r) ? [c] : []))).breakers,
    ).toEqual([9]);
    expect(givensBySymmetry(reads)).toEqual(reads);
  });
});
