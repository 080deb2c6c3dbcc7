import { afterEach, expect, test } from "vitest";
import { userEvent } from "vitest/browser";
import { boardFromGrid, boardFromReads, withResult } from "../../src/ui/board.ts";
import { NO_MARKS } from "../../src/ui/grid-marks.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { GridView } from "../../src/ui/grid-view.ts";
import "../../src/ui/styles.css";

let host: HTMLElement;
afterEach(() => host.remove());

function mount(): { view: GridView; edits: [number, number][] } {
  host = document.createElement("div");
  document.body.append(host);
  const edits: [number, number][] = [];
  const view = new GridView(host, (i, d) => edits.push([i, d]));
  return { view, edits };
}

test("81 gridcells in 9 rows, one tab stop, named and described", () => {
  const { view } = mount();
  const grid = host.querySelector('[role="grid"]')!;
  expect(grid.getAttribute("aria-label")).toBe("Sudoku");
  expect(grid.querySelectorAll('[role="row"]')).toHaveLength(9);
  const cells = grid.querySelectorAll<HTMLElement>('[role="gridcell"]');
  expect(cells).toHaveLength(81);
  expect(Array.from(cells).filter((c) => c.tabIndex === 0)).toHaveLength(1);

  const clues = new Uint8Array(81);
  clues[0] = 4;
  const solution = Uint8Array.from({ length: 81 }, () => 8);
  view.render(withResult(boardFromGrid(clues), { kind: "solved", solution, unique: true }, false));
  expect(cells[0]!.textContent).toBe("4");
  expect(cells[0]!.getAttribute("aria-label")).toBe("Row 1, column 1, 4");
  expect(cells[0]!.classList.contains("given")).toBe(true);
  expect(cells[80]!.textContent).toBe("8");
  expect(cells[80]!.classList.contains("solved")).toBe(true);
  const descId = cells[80]!.getAttribute("aria-describedby")!;
  expect(document.getElementById(descId)!.textContent).toBe("solved");
  expect(cells[0]!.hasAttribute("aria-describedby")).toBe(false);
});

test("a doubtful entry shows its runner-up, but not while the solution is hidden", () => {
  const { view } = mount();
  const cells = host.querySelectorAll<HTMLElement>('[role="gridcell"]');
  const reads: CellRead[] = Array.from({ length: 81 }, () => ({
    digit: 0,
    confidence: 1,
    candidates: [{ digit: 0, p: 1 }],
  }));
  reads[4] = {
    digit: 7,
    confidence: 0.4,
    candidates: [
      { digit: 7, p: 0.4 },
      { digit: 1, p: 0.58 },
    ],
    handwritten: 0.9,
  };
  const board = boardFromReads(reads);
  view.render(board);
  expect(cells[4]!.classList.contains("doubt")).toBe(true);
  expect(cells[4]!.dataset["alt"]).toBe("1");
  view.render(board, { ...NO_MARKS, hideSolution: true });
  expect(cells[4]!.classList.contains("doubt")).toBe(true);
  expect(cells[4]!.dataset["alt"]).toBeUndefined();
});

test("keyboard: arrows move the single tab stop, digits and erase keys edit", async () => {
  const { view, edits } = mount();
  const cells = host.querySelectorAll<HTMLElement>('[role="gridcell"]');
  await userEvent.click(cells[10]!);
  expect(view.selected).toBe(10);
  expect(document.activeElement).toBe(cells[10]);
  await userEvent.keyboard("{ArrowRight}{ArrowDown}{ArrowDown}7{ArrowLeft}{Backspace}0{Delete}x");
  expect(view.selected).toBe(28);
  expect(edits).toEqual([
    [29, 7],
    [28, 0],
    [28, 0],
    [28, 0],
  ]);
  expect(Array.from(cells).filter((c) => c.tabIndex === 0)).toEqual([cells[28]]);
  await userEvent.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowLeft}{ArrowLeft}{ArrowLeft}");
  expect(view.selected).toBe(0);
});
