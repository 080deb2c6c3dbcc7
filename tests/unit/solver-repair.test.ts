import { describe, expect, it } from "vitest";
import { gridToString } from "../../src/solver/format.ts";
import { proposeRepair } from "../../src/solver/repair.ts";
import { solve } from "../../src/solver/solve.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { confidentReads, NORVIG, SEVENTEEN } from "../fixtures/confident-reads.ts";

const NORVIG_SOLUTION = "483921657967345821251876493548132976729564138136798245372689514814253769695417382";

/** Cell `cell` read as `read` with confidence `p`, its true digit `truth` the runner-up. */
function misread(reads: CellRead[], cell: number, read: number, truth: number, p = 0.6): void {
  reads[cell] = {
    digit: read,
    confidence: p,
    candidates: [
      { digit: read, p },
      { digit: truth, p: 1 - p - 0.02 },
    ],
  };
}

/** A few unrelated doubtful cells whose runner-ups would be wrong. */
function addDistractors(reads: CellRead[], puzzle: string): void {
  for (const cell of [5, 30, 77]) {
    const digit = puzzle[cell] === "." || puzzle[cell] === "0" ? 0 : Number(puzzle[cell]);
    const other = digit === 0 ? 4 : 0;
    reads[cell] = {
      digit,
      confidence: 0.7,
      candidates: [
        { digit, p: 0.7 },
        { digit: other, p: 0.25 },
      ],
    };
  }
}

describe("proposeRepair", () => {
  it("fixes exactly the misread clue when its runner-up is right", () => {
    const reads = confidentReads(NORVIG);
    addDistractors(reads, NORVIG);
    misread(reads, 2, 8, 3); // r1c3 is a 3, read as 8: a conflict in row 1
    expect(solve(Uint8Array.from(reads, (r) => r.digit)).kind).toBe("conflict");
    const proposal = proposeRepair(reads);
    expect(proposal?.changes).toEqual([{ cell: 2, from: 8, to: 3, p: expect.closeTo(0.38, 5) }]);
    expect(gridToString(proposal!.solution)).toBe(NORVIG_SOLUTION);
  });

  it("restores a clue read as empty when the grid has several solutions", () => {
    const reads = confidentReads(SEVENTEEN);
    misread(reads, 17, 0, 1, 0.55); // r2c9's 1 taken for an empty cell
    const asRead = solve(Uint8Array.from(reads, (r) => r.digit));
    expect(asRead.kind === "solved" && asRead.unique).toBe(false);
    expect(proposeRepair(reads)?.changes).toEqual([{ cell: 17, from: 0, to: 1, p: expect.closeTo(0.43, 5) }]);
  });

  it("finds a pair of misreads when no single change is enough", () => {
    const reads = confidentReads(SEVENTEEN);
    misread(reads, 17, 0, 1); // r2c9's 1 read as empty: any fix must restore it (16 clues never suffice)
    misread(reads, 23, 7, 2); // and r3c6's 2 read as 7
    const proposal = proposeRepair(reads);
    const changes = proposal?.changes.map(({ cell, from, to }) => [cell, from, to]);
    expect(changes?.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [17, 0, 1],
      [23, 7, 2],
    ]);
    expect(gridToString(proposal!.solution)).toMatch(/^[1-9]{81}$/);
  });

  it("prefers the more probable of two possible fixes", () => {
    const reads = confidentReads(NORVIG);
    // r1c3 (3) and r1c5 (2) both read as 3: either could be the misread one.
    misread(reads, 2, 3, 8, 0.9);
    misread(reads, 4, 3, 2, 0.5);
    expect(proposeRepair(reads)?.changes).toEqual([{ cell: 4, from: 3, to: 2, p: expect.closeTo(0.48, 5) }]);
  });

  it("returns null for a grid that already has one solution", () => {
    const reads = confidentReads(NORVIG);
    addDistractors(reads, NORVIG);
    expect(proposeRepair(reads)).toBeNull();
  });

  it("returns null when no runner-up gives one solution", () => {
    const reads = confidentReads(`55${NORVIG.slice(2)}`);
    expect(proposeRepair(reads)).toBeNull();
  });

  it("returns null when the budget runs out", () => {
    const reads = confidentReads(NORVIG);
    misread(reads, 2, 8, 3);
    let clock = 0;
    expect(proposeRepair(reads, { timeoutMs: 0, now: () => (clock += 1) })).toBeNull();
  });
});
