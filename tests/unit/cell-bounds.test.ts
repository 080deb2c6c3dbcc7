import { expect, test } from "vitest";
import { CELL_PX, GRID_MARGIN_PX, WARP_PX } from "../../src/digits/geometry.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { gridLines, innerLineShare } from "../../src/vision/cell-bounds.ts";
import { sliceCells } from "../../src/vision/cells.ts";

/**
 * An unskewed grid: paper 230, 2-px lines (40) at `at(k)` for the lines `drawn(k)` keeps, and a tall
 * thin "1" stroke in every cell.
 */
function drawnGrid(at: (k: number) => number, drawn: (k: number) => boolean = () => true): GrayImage {
  const data = new Uint8ClampedArray(WARP_PX * WARP_PX).fill(230);
  const ink = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < WARP_PX && y < WARP_PX) data[y * WARP_PX + x] = 40;
  };
  for (let k = 0; k <= 9; k++) {
    if (!drawn(k)) continue;
    for (let t = 0; t < WARP_PX; t++) {
      for (const d of [-1, 0]) {
        ink(at(k) + d, t);
        ink(t, at(k) + d);
      }
    }
  }
  // The "1": 3 px wide, 75 % of a cell tall, a little right of centre (near where a shifted line is looked for).
  for (let r = 0; r < 9; r++) {
    for (let c = 0; c < 9; c++) {
      for (let y = 0; y < 0.75 * CELL_PX; y++) {
        for (let x = 0; x < 3; x++) ink(at(c) + 44 + x, at(r) + 8 + y);
      }
    }
  }
  return { width: WARP_PX, height: WARP_PX, data };
}

test("a grid whose lines sit where the warp put them is cut at k × CELL_PX, as before", () => {
  const grid = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX));
  const { vertical, horizontal } = gridLines(grid);
  for (const [k, line] of [...vertical, ...horizontal].entries()) {
    if (k % 10 === 0 || k % 10 === 9) continue;
    expect(line).toEqual(line.map(() => (k % 10) * CELL_PX));
  }
});

test("lines a curled page moved up to a quarter cell are found, and a tall digit stroke is no line", () => {
  // Inner lines 11 px off in the middle of the grid, as a bent page leaves them.
  const shift = (k: number) => (k >= 3 && k <= 6 ? 11 : 0);
  const grid = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX + shift(k)));
  const { vertical, horizontal } = gridLines(grid);
  // Found at the strip nearest the expected place that touches the line: within 2 px of its centre.
  for (const [k, line] of [...vertical, ...horizontal].entries()) {
    const expected = (k % 10) * CELL_PX + shift(k % 10);
    if (k % 10 === 0 || k % 10 === 9) continue;
    for (const at of line) expect(Math.abs(at - expected)).toBeLessThanOrEqual(2);
  }
  // The cell between the moved lines has its stroke where a cell cut from an unmoved grid has it.
  const strokeLeft = (cell: GrayImage) => {
    const row = Array.from(cell.data.subarray(32 * CELL_PX, 33 * CELL_PX));
    return row.findIndex((v, x) => x > 8 && v < 128);
  };
  const moved = sliceCells(grid)[4 * 9 + 4]!;
  const plain = sliceCells(drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX)))[4 * 9 + 4]!;
  expect(strokeLeft(plain)).toBe(44);
  expect(Math.abs(strokeLeft(moved) - strokeLeft(plain))).toBeLessThanOrEqual(2);
});

test("the inner lines are all found in a grid, only the box borders when hairlines vanished, few in a misfit quad", () => {
  const grid = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX));
  expect(innerLineShare(grid)).toBe(1);
  // Hairline cell lines that vanished: only the outline and the 3×3 box borders are left.
  const boxesOnly = drawnGrid(
    (k) => Math.min(WARP_PX - 1, k * CELL_PX),
    (k) => k % 3 === 0,
  );
  expect(innerLineShare(boxesOnly)).toBe(0.25);
  // A quad half a cell off the grid: every line lies midway between two expected places.
  const offset = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX + CELL_PX / 2));
  expect(innerLineShare(offset)).toBeLessThan(0.2);
});

/**
 * `grid` on a page that bulges: inner lines bow by up to 16 px mid-grid and tilt by up to 5 px across
 * a cell, while the outline stays where the corners put it.
 */
function bulged(grid: GrayImage): GrayImage {
  const shift = (x: number, y: number) =>
    Math.round(16 * Math.sin((Math.PI * x) / WARP_PX) * Math.sin((Math.PI * y) / WARP_PX));
  const data = new Uint8ClampedArray(WARP_PX * WARP_PX);
  for (let y = 0; y < WARP_PX; y++) {
    for (let x = 0; x < WARP_PX; x++) {
      const fx = Math.min(WARP_PX - 1, Math.max(0, x - shift(x, y)));
      const fy = Math.min(WARP_PX - 1, Math.max(0, y - shift(x, y)));
      data[y * WARP_PX + x] = grid.data[fy * WARP_PX + fx]!;
    }
  }
  return { width: WARP_PX, height: WARP_PX, data };
}

/** How far each cell's "1" stroke (its left edge, mid-cell) lies from where the flat grid's cut has it. */
function strokeShifts(flat: GrayImage, bent: GrayImage): number[] {
  const strokeLeft = (cell: GrayImage) => {
    const row = Array.from(cell.data.subarray(32 * CELL_PX, 33 * CELL_PX));
    return row.findIndex((v, x) => x > 8 && v < 128);
  };
  const plain = sliceCells(flat);
  return sliceCells(bent).map((cell, i) => Math.abs(strokeLeft(cell) - strokeLeft(plain[i]!)));
}

test("lines a bulging page bent and tilted are followed, so every cell is cut around its own digit", () => {
  const flat = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX));
  // Cut at k × CELL_PX, cells mid-grid would have the stroke 8 px off (the bulge shears it by up to 3).
  expect(Math.max(...strokeShifts(flat, bulged(flat)))).toBeLessThanOrEqual(3);
});

test("hairlines too faint to find run between the box borders on a bulging page", () => {
  const boxesOnly = drawnGrid(
    (k) => Math.min(WARP_PX - 1, k * CELL_PX),
    (k) => k % 3 === 0,
  );
  // Hairlines placed where a flat grid has them would put strokes up to 16 px off.
  expect(Math.max(...strokeShifts(boxesOnly, bulged(boxesOnly)))).toBeLessThanOrEqual(6);
});

test("a line seen in one band only follows the bow of the lines beside it on a bulging page", () => {
  // Hairlines vanished but for line 4's piece across the bottom band, where the bulge barely moves it.
  const flat = drawnGrid(
    (k) => Math.min(WARP_PX - 1, k * CELL_PX),
    (k) => k % 3 === 0,
  );
  const data = Uint8ClampedArray.from(flat.data);
  for (let y = 8 * CELL_PX; y < WARP_PX; y++)
    data.fill(40, y * WARP_PX + 4 * CELL_PX - 1, y * WARP_PX + 4 * CELL_PX + 1);
  const { vertical } = gridLines(bulged({ ...flat, data }));
  const bow = (j: number) => 16 * Math.sin((Math.PI * 4) / 9) * Math.sin((Math.PI * j) / 9);
  // Held at its bottom piece's place, the line would lie 12.5 px off mid-grid; between its neighbours, 5.
  const errors = vertical[4]!.map((x, j) => Math.abs(x - (4 * CELL_PX + bow(j))));
  expect(Math.max(...errors)).toBeLessThanOrEqual(6);
});

test("where only one inner line shows, the outline stays where the corners put it and the rest run between", () => {
  // Grain hid every line but the third, found 9 px right of its flat place.
  const { vertical } = gridLines(
    drawnGrid(
      (k) => k * CELL_PX + 9,
      (k) => k === 3,
    ),
  );
  for (let j = 0; j <= 9; j++) {
    const third = vertical[3]![j]!;
    expect(Math.abs(third - (3 * CELL_PX + 9))).toBeLessThanOrEqual(2);
    const expected = (k: number) => (k <= 3 ? (third * k) / 3 : third + ((WARP_PX - third) * (k - 3)) / 6);
    vertical.forEach((line, k) => expect(line[j]).toBeCloseTo(expected(k), 5));
  }
});

/** `grid` framed by GRID_MARGIN_PX of paper, as `warpToSquare` frames a grid with the photo around it. */
function framed(grid: GrayImage): GrayImage {
  const side = WARP_PX + 2 * GRID_MARGIN_PX;
  const data = new Uint8ClampedArray(side * side).fill(230);
  for (let y = 0; y < WARP_PX; y++) {
    data.set(
      grid.data.subarray(y * WARP_PX, (y + 1) * WARP_PX),
      (y + GRID_MARGIN_PX) * side + GRID_MARGIN_PX,
    );
  }
  return { width: side, height: side, data };
}

test("an outline a curled page bowed outward past the corners is followed into the margin", () => {
  const flat = framed(drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX)));
  // The top edge curls up: print moves up by up to 14 px mid-row, less further down, none at the bottom.
  const side = flat.width;
  const lift = (x: number, y: number) =>
    Math.round(
      14 * Math.sin((Math.PI * (x - GRID_MARGIN_PX)) / WARP_PX) * (1 - (y - GRID_MARGIN_PX) / WARP_PX),
    );
  const data = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const inside = x >= GRID_MARGIN_PX && x < GRID_MARGIN_PX + WARP_PX;
      const from = Math.min(side - 1, y + (inside ? Math.max(0, lift(x, y)) : 0));
      data[y * side + x] = flat.data[from * side + x]!;
    }
  }
  const curled = { width: side, height: side, data };
  const top = gridLines(curled).horizontal[0]!;
  expect(Math.min(...top)).toBeLessThanOrEqual(-10);
  // Each top-row cell holds its whole "1", 8 px below the cell's top as in the flat grid, not cut off
  // (its first rows hold the outline).
  const strokeTop = (cell: GrayImage) =>
    Array.from({ length: CELL_PX }, (_, y) => cell.data[y * CELL_PX + 45]!).findIndex(
      (v, y) => y > 4 && v < 128,
    );
  for (const cell of sliceCells(curled).slice(0, 9))
    expect(Math.abs(strokeTop(cell) - 8)).toBeLessThanOrEqual(3);
});

test("a dark edge past the corners (a screen's bezel) is not taken for an outline that shows inside them", () => {
  const grid = framed(drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX)));
  const side = grid.width;
  const data = Uint8ClampedArray.from(grid.data);
  for (let y = 0; y < side; y++) {
    // The left outline, broken for 4 px in every cell (still a line), and the bezel 12 px left of it.
    if ((y - GRID_MARGIN_PX) % CELL_PX < 4)
      data.fill(230, y * side + GRID_MARGIN_PX - 1, y * side + GRID_MARGIN_PX + 1);
    data.fill(20, y * side, y * side + GRID_MARGIN_PX - 12);
  }
  const left = gridLines({ width: side, height: side, data }).vertical[0]!;
  for (const x of left) expect(Math.abs(x)).toBeLessThanOrEqual(2);
});

test("a rule printed above the puzzle is not taken for a top border too faint to find", () => {
  // No top border shows; a heading's underline runs 20 px above where it would be, across the grid.
  const grid = framed(
    drawnGrid(
      (k) => Math.min(WARP_PX - 1, k * CELL_PX),
      (k) => k !== 0,
    ),
  );
  const side = grid.width;
  const data = Uint8ClampedArray.from(grid.data);
  for (const y of [GRID_MARGIN_PX - 21, GRID_MARGIN_PX - 20]) data.fill(40, y * side, (y + 1) * side);
  const top = gridLines({ width: side, height: side, data }).horizontal[0]!;
  for (const y of top) expect(Math.abs(y)).toBeLessThanOrEqual(2);
});

test("a shadow's straight edge beside a line is not taken for it", () => {
  const grid = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX));
  const data = Uint8ClampedArray.from(grid.data);
  // Line 7 broken every 8 px across the first five columns (too broken to be found there), and a shadow
  // over the bottom left, its edge 10 px below the line: its dark side is darker than its surroundings
  // for a few pixels along the edge, as a line is.
  for (const y of [7 * CELL_PX - 1, 7 * CELL_PX]) {
    for (let x = 0; x < 5 * CELL_PX; x += 8) data.fill(230, y * WARP_PX + x, y * WARP_PX + x + 2);
  }
  for (let y = 7 * CELL_PX + 10; y < WARP_PX; y++) {
    for (let x = 0; x < 5 * CELL_PX; x++) data[y * WARP_PX + x] = Math.round(0.6 * data[y * WARP_PX + x]!);
  }
  // Taken for the line, the edge pulled it 9 px down mid-grid, through the digits of the row below.
  const line = gridLines({ ...grid, data }).horizontal[7]!;
  for (const y of line) expect(Math.abs(y - 7 * CELL_PX)).toBeLessThanOrEqual(2);
});

/**
 * `drawnGrid` on a page whose bottom edge curls up: the outline (`outlinePx` thick) lies 16 px into the last
 * band, and the inner lines, cut short by it, bend right by up to 12 px across that band (as the lines of a
 * curled page fan out toward its edge).
 */
function curledAtBottom(grid: GrayImage, outlinePx: number): GrayImage {
  const outline = WARP_PX - 16;
  const bend = (y: number) => Math.round((12 * Math.max(0, y - 8 * CELL_PX)) / CELL_PX);
  const data = new Uint8ClampedArray(WARP_PX * WARP_PX).fill(230);
  for (let y = 0; y < WARP_PX; y++) {
    for (let x = 0; x < WARP_PX; x++) {
      const from = Math.min(WARP_PX - 1, Math.max(0, x - (x > 2 && x < WARP_PX - 2 ? bend(y) : 0)));
      if (y < outline) data[y * WARP_PX + x] = grid.data[y * WARP_PX + from]!;
      else if (y < outline + outlinePx) data[y * WARP_PX + x] = 40;
    }
  }
  return { width: WARP_PX, height: WARP_PX, data };
}

test("inner lines that a curled page's outline cuts short across the last band are still followed there", () => {
  const { vertical } = gridLines(
    curledAtBottom(
      drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX)),
      3,
    ),
  );
  // Filled in from the lines above, the bottom ends would lie 12 px left of the lines, and the cut of the
  // bottom row would take in the line on one side and lose the digit's edge on the other. Found in a window
  // slid up into the unbent band above, and extended along its slant, they lie within 4 px.
  for (let k = 1; k < 9; k++) expect(Math.abs(vertical[k]![9]! - (k * CELL_PX + 12))).toBeLessThanOrEqual(4);
});

test("a digit's stroke joined to a curled page's bold outline is not taken for the line beside it", () => {
  const curled = curledAtBottom(
    drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX)),
    10,
  );
  // An upright stroke 10 px left of line 4's flat place, from the row's top line down into the outline: as
  // straight and as long an ink run across the last band as the bent line 4 (which ends in the outline too).
  const data = Uint8ClampedArray.from(curled.data);
  for (let y = 8 * CELL_PX; y < WARP_PX - 16; y++)
    data.fill(40, y * WARP_PX + 4 * CELL_PX - 11, y * WARP_PX + 4 * CELL_PX - 8);
  const { vertical } = gridLines({ ...curled, data });
  // The stroke does not run on from line 4's piece across the band above; the slid window's piece does.
  expect(Math.abs(vertical[4]![9]! - (4 * CELL_PX + 12))).toBeLessThanOrEqual(4);
});

test("a bold outline a curled page bowed past a line's search window is followed, cell by cell", () => {
  // A newspaper's bold outline, 6 px thick, on paper framed by the margin.
  const grid = drawnGrid((k) => Math.min(WARP_PX - 1, k * CELL_PX));
  for (let t = 0; t < WARP_PX; t++) {
    for (let d = 0; d < 6; d++) {
      for (const at of [d, WARP_PX - 1 - d]) {
        grid.data[t * WARP_PX + at] = 40;
        grid.data[at * WARP_PX + t] = 40;
      }
    }
  }
  const flat = framed(grid);
  // The bottom edge curls down: print moves down by up to 30 px mid-row at the outline (nearly half a
  // cell, past where a line is sought), by 15 px at the row's top line, little further up, so the outline
  // slopes by 10 px across an end band.
  const side = flat.width;
  const sag = (x: number, y: number) =>
    Math.round(
      30 *
        Math.sin((Math.PI * (x - GRID_MARGIN_PX)) / WARP_PX) *
        Math.min(1, (y - GRID_MARGIN_PX) / WARP_PX) ** 6,
    );
  const data = new Uint8ClampedArray(side * side).fill(230);
  for (let y = 0; y < side; y++) {
    for (let x = GRID_MARGIN_PX; x < GRID_MARGIN_PX + WARP_PX; x++) {
      const from = y - Math.max(0, sag(x, y));
      if (from >= 0) data[y * side + x] = flat.data[from * side + x]!;
    }
  }
  const bottom = gridLines({ width: side, height: side, data }).horizontal[9]!;
  expect(Math.max(...bottom)).toBeGreaterThanOrEqual(WARP_PX + 22);
  // Each bottom-row cell holds its whole "1" as the flat grid's cut does: from 8 px below the cell's top,
  // 48 px long. Cut at the corners' straight edge mid-row, the cell lost the stroke's foot and was
  // stretched over what was left.
  const stroke = (cell: GrayImage) => {
    const dark = Array.from({ length: CELL_PX }, (_, y) => cell.data[y * CELL_PX + 45]! < 128);
    const top = dark.findIndex((ink, y) => y > 4 && ink);
    const length = dark.slice(top).findIndex((ink) => !ink);
    return { top, length: length < 0 ? CELL_PX - top : length };
  };
  for (const cell of sliceCells({ width: side, height: side, data }).slice(72)) {
    const { top, length } = stroke(cell);
    expect(Math.abs(top - 8)).toBeLessThanOrEqual(3);
    expect(Math.abs(length - 0.75 * CELL_PX)).toBeLessThanOrEqual(4);
  }
});
