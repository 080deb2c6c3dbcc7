import { describe, expect, test } from "vitest";
import {
  boardFromReads,
  cellDescription,
  cellName,
  emptyBoard,
  givens,
  hasReads,
  readsForRepair,
  withEdit,
  withKindToggled,
  withResult,
} from "../../src/ui/board.ts";
import { project, localAffine, squareToQuad } from "../../src/shared/homography.ts";
import { repairMessage } from "../../src/ui/repair-view.ts";
import { solveMessage } from "../../src/ui/messages.ts";
import { unrotatedCell } from "../../src/ui/overlay.ts";
import { applyTestMisread } from "../../src/ui/test-hooks.ts";
import type { SolveResult } from "../../src/solver/types.ts";
import type { CellRead } from "../../src/shared/reading.ts";

const sure = (digit: number): CellRead => ({ digit, confidence: 0.99, candidates: [{ digit, p: 0.99 }] });
/** A read of `digit` at `p`, with `runnerUp` next. */
const doubtfulRead = (digit: number, p: number, runnerUp: { digit: number; p: number }): CellRead => ({
  digit,
  confidence: p,
  candidates: [{ digit, p }, runnerUp],
});

describe("board", () => {
  test("a doubtful read carries its runner-up into the description; an edit clears it", () => {
    const cells = Array.from({ length: 81 }, () => sure(0));
    cells[30] = doubtfulRead(1, 0.55, { digit: 7, p: 0.4 });
    const board = boardFromReads(cells);
    expect(board[30]!.doubt).toEqual({ read: 1, confidence: 0.55, runnerUp: { digit: 7, p: 0.4 } });
    expect(cellDescription(board[30]!)).toBe("doubtful: read as 1 (55 %), maybe 7");
    expect(board[0]!.doubt).toBeNull();
    const edited = withEdit(board, 30, 7);
    expect(edited[30]).toMatchObject({ given: 7, doubt: null, read: null });
    expect(readsForRepair(edited)[30]).toEqual({ digit: 7, confidence: 1, candidates: [{ digit: 7, p: 1 }] });
    expect(readsForRepair(edited)[29]).toBe(cells[29]);
  });

  test("a doubtful entry's runner-up, often the solution's digit, is not offered while the solution is hidden", () => {
    const cells = Array.from({ length: 81 }, () => sure(0));
    const doubtful = (handwritten: number): CellRead => ({
      ...doubtfulRead(7, 0.4, { digit: 1, p: 0.58 }),
      handwritten,
    });
    cells[1] = doubtful(0.9);
    cells[2] = doubtful(0.1);
    const board = boardFromReads(cells);
    expect(cellDescription(board[1]!)).toBe("your entry; doubtful: read as 7 (40 %), maybe 1");
    expect(cellDescription(board[1]!, true)).toBe("your entry; doubtful: read as 7 (40 %)");
    // A printed clue's runner-up is no answer of the player's: still offered.
    expect(cellDescription(board[2]!, true)).toBe("doubtful: read as 7 (40 %), maybe 1");
  });

  test("a doubtful blank's runner-up is not offered where the cell shows it solved", () => {
    const cells = Array.from({ length: 81 }, () => sure(0));
    cells[3] = doubtfulRead(0, 0.5, { digit: 2, p: 0.4 });
    cells[4] = doubtfulRead(0, 0.5, { digit: 5, p: 0.4 });
    const solution = Uint8Array.from({ length: 81 }, () => 2);
    const board = withResult(boardFromReads(cells), { kind: "solved", solution, unique: true }, false);
    expect(cellDescription(board[3]!)).toBe("solved; doubtful: read as empty (50 %)");
    // A runner-up unlike the solution's digit says the photo may hold another clue: still offered.
    expect(cellDescription(board[4]!)).toBe("solved; doubtful: read as empty (50 %), maybe 5");
    // With the solution hidden, the cell shows nothing, and the runner-up is offered again.
    expect(cellDescription(board[3]!, true)).toBe("doubtful: read as empty (50 %), maybe 2");
  });

  test("a handwritten read is an entry: kept out of the repair search, kept an entry when typed over", () => {
    const cells = Array.from({ length: 81 }, () => sure(0));
    cells[0] = sure(5);
    cells[1] = { ...sure(3), handwritten: 0.9 };
    const board = boardFromReads(cells);
    expect(board[1]).toMatchObject({ given: 0, entry: 3, read: cells[1] });
    expect(readsForRepair(board)[1]).toEqual({ digit: 0, confidence: 1, candidates: [{ digit: 0, p: 1 }] });
    expect(readsForRepair(board)[0]).toBe(cells[0]);
    expect(withEdit(board, 1, 4, true)[1]).toMatchObject({ given: 0, entry: 4, read: null });
    // Only the entry's reading left: nothing for the repair search.
    expect(hasReads(board.map((c, i) => (i === 1 ? c : { ...c, read: null })))).toBe(false);

    const toggled = withKindToggled(board, 1)!;
    expect(toggled[1]).toMatchObject({ given: 3, entry: 0, read: cells[1] });
    expect(readsForRepair(toggled)[1]).toBe(cells[1]);
    expect(withKindToggled(toggled, 1)![1]).toMatchObject({ given: 0, entry: 3 });
    expect(withKindToggled(board, 2)).toBeNull();
  });

  test("solved digits fill only blanks, and a non-unique solution only on request", () => {
    const board = withEdit(emptyBoard(), 0, 5, true);
    const solution = Uint8Array.from({ length: 81 }, (_, i) => (i % 9) + 1);
    const unique = withResult(board, { kind: "solved", solution, unique: true }, false);
    expect(unique[0]).toMatchObject({ given: 5, solved: 0 });
    expect(unique[1]).toMatchObject({ given: 0, solved: 2 });
    expect(cellName(1, unique[1]!)).toBe("Row 1, column 2, 2");
    expect(cellDescription(unique[1]!)).toBe("solved");
    const several = withResult(board, { kind: "solved", solution, unique: false }, false);
    expect(several[1]!.solved).toBe(0);
    expect(withResult(board, { kind: "solved", solution, unique: false }, true)[1]!.solved).toBe(2);
  });

  test("conflict cells are marked and named in the status", () => {
    const board = withEdit(withEdit(emptyBoard(), 0, 5, true), 4, 5, true);
    const result: SolveResult = { kind: "conflict", cells: [0, 4] };
    const marked = withResult(board, result, false);
    expect(marked.map((c, i) => (c.conflict ? i : -1)).filter((i) => i >= 0)).toEqual([0, 4]);
    expect(cellDescription(marked[4]!)).toBe("conflict");
    expect(solveMessage(result, false)).toContain("r1c1, r1c5");
    expect(cellName(2, marked[2]!)).toBe("Row 1, column 3, empty");
    expect(Array.from(givens(marked).slice(0, 5))).toEqual([5, 0, 0, 0, 5]);
  });

  test("the test hook turns a cell into a misread whose runner-up is the truth", () => {
    const cells = Array.from({ length: 81 }, (_, i) => sure(i % 10));
    const out = applyTestMisread(cells, "?test-misread=12,9");
    expect(out[12]).toEqual({
      digit: 9,
      confidence: 0.6,
      candidates: [
        { digit: 9, p: 0.6 },
        { digit: 2, p: 0.38 },
      ],
    });
    expect(applyTestMisread(cells, "")).toEqual(cells);
    expect(applyTestMisread(cells, "?test-misread=99,1")).toEqual(cells);
  });

  test("repair message", () => {
    const solution = new Uint8Array(81);
    expect(repairMessage({ changes: [{ cell: 33, from: 1, to: 7, p: 0.3 }], solution })).toBe(
      "Cell r4c7 read as 1, probably 7 — apply?",
    );
    const two = [
      { cell: 0, from: 0, to: 4, p: 0.2 },
      { cell: 80, from: 8, to: 0, p: 0.3 },
    ];
    expect(repairMessage({ changes: two, solution })).toBe(
      "Cell r1c1 read as empty, probably 4; cell r9c9 read as 8, probably empty — apply?",
    );
  });
});

describe("homography", () => {
  const corners = [
    { x: 100, y: 80 },
    { x: 520, y: 120 },
    { x: 560, y: 470 },
    { x: 70, y: 430 },
  ] as const;

  test("maps the unit square onto the corners", () => {
    const h = squareToQuad(corners);
    const mapped = [project(h, 0, 0), project(h, 1, 0), project(h, 1, 1), project(h, 0, 1)];
    mapped.forEach((p, i) => {
      expect(p.x).toBeCloseTo(corners[i]!.x, 6);
      expect(p.y).toBeCloseTo(corners[i]!.y, 6);
    });
  });

  test("the local affine map is the homography's derivative", () => {
    const h = squareToQuad(corners);
    const [a, b, c, d, e, f] = localAffine(h, 0.3, 0.6);
    const eps = 1e-6;
    const p = project(h, 0.3, 0.6);
    const du = project(h, 0.3 + eps, 0.6);
    const dv = project(h, 0.3, 0.6 + eps);
    expect([e, f]).toEqual([p.x, p.y]);
    expect(a).toBeCloseTo((du.x - p.x) / eps, 3);
    expect(b).toBeCloseTo((du.y - p.y) / eps, 3);
    expect(c).toBeCloseTo((dv.x - p.x) / eps, 3);
    expect(d).toBeCloseTo((dv.y - p.y) / eps, 3);
  });

  test("cells of a rotated grid map back to where the photo shows them", () => {
    expect(unrotatedCell(0, 0, 0)).toEqual([0, 0]);
    // One clockwise turn made it upright: upright top-left was bottom-left before.
    expect(unrotatedCell(0, 0, 1)).toEqual([8, 0]);
    expect(unrotatedCell(0, 8, 1)).toEqual([0, 0]);
    expect(unrotatedCell(2, 3, 2)).toEqual([6, 5]);
    expect(unrotatedCell(2, 3, 4)).toEqual([2, 3]);
  });
});
