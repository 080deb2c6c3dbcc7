import { describe, expect, it } from "vitest";
import { boardFromGrid, cellName, findNextStep } from "../../src/solver/logic/index.ts";
import { parseGrid } from "../../src/solver/parse.ts";
import { at, onlyAt, openBoard, restrict, row } from "./logic-positions.ts";

const NORVIG_SOLUTION = "483921657967345821251876493548132976729564138136798245372689514814253769695417382";

function grid(text: string): Uint8Array {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
}

describe("cell names", () => {
  it("names cells row then column, 1-based", () => {
    expect(cellName(0)).toBe("r1c1");
    expect(cellName(at("r3c4"))).toBe("r3c4");
    expect(cellName(80)).toBe("r9c9");
  });
});

describe("boardFromGrid", () => {
  it("keeps only the digits no peer holds", () => {
    const board = boardFromGrid(
      grid(`003020600900305001001806400008102900700000008006708200002609500800203009005010300`),
    );
    // r1c1 sees 3, 2, 6 in its row, 9, 7, 8 in its column and 1 in its box.
    expect(board.candidates[0]).toBe((1 << 3) | (1 << 4));
    expect(board.candidates[2]).toBe(0);
  });
});

describe("singles", () => {
  it("fills the last empty cell of a unit: full house", () => {
    const text = NORVIG_SOLUTION.slice(0, 40) + "." + NORVIG_SOLUTION.slice(41);
    const step = findNextStep(boardFromGrid(grid(text)));
    expect(step?.technique).toBe("full house");
    expect(step?.placements).toEqual([{ cell: 40, digit: Number(NORVIG_SOLUTION[40]) }]);
    expect(step?.text).toContain("r5c5");
  });

  it("places a cell's last candidate: naked single", () => {
    const board = restrict(openBoard(), { r4c4: [5] });
    const step = findNextStep(board);
    expect(step?.technique).toBe("naked single");
    expect(step?.placements).toEqual([{ cell: at("r4c4"), digit: 5 }]);
    expect(step?.text).toBe("r4c4 can only be 5: every other candidate has been ruled out.");
  });

  it("says a naked single's other digits are placed when they are", () => {
    const board = boardFromGrid(grid("12345678." + ".".repeat(72)));
    const step = findNextStep(board);
    expect(step?.technique).toBe("full house");
    const solo = boardFromGrid(grid("1234.678." + "....5...." + ".".repeat(63)));
    expect(findNextStep(solo)?.text).toBe(
      "r1c5 can only be 9: every other digit is already in its row, column or box.",
    );
  });

  it("places a digit with one place left in a unit: hidden single", () => {
    const board = onlyAt(openBoard(), 7, (cell) => row(cell) !== 3 || cell === at("r3c4"));
    const step = findNextStep(board);
    expect(step?.technique).toBe("hidden single");
    expect(step?.placements).toEqual([{ cell: at("r3c4"), digit: 7 }]);
    expect(step?.units).toEqual([{ kind: "row", index: 2 }]);
    expect(step?.text).toBe("Row 3 needs a 7, and r3c4 is the only cell of row 3 where 7 can go.");
  });

  it("prefers a naked single to a hidden single", () => {
    const board = onlyAt(openBoard(), 7, (cell) => row(cell) !== 3 || cell === at("r3c4"));
    restrict(board, { r9c9: [2] });
    expect(findNextStep(board)?.technique).toBe("naked single");
  });

  it("finds nothing on a board where every digit may go anywhere", () => {
    expect(findNextStep(openBoard())).toBeNull();
  });
});
