import { describe, expect, test } from "vitest";
import { typefaceReads } from "../../src/digits/typeface-read.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { placeTypefaceReads } from "../../src/solver/typeface-clues.ts";
import { cell, hand, print, printedGrid, read, type Ink } from "./typeface-cells.ts";

/** What the CNN makes of a printed blob at low resolution: empty, unsurely (the ink test saw a digit). */
const emptyRead: CellRead = { digit: 0, confidence: 0.5, candidates: [{ digit: 0, p: 0.5 }], capped: true };

/** The digits `typefaceReads` gives the cells under test (0: none), and the cells' reads. */
function readByTypeface(
  extra: { tile: ReturnType<typeof cell>; read: CellRead; inked?: boolean }[],
  unprinted: number[] = [],
  twin: Partial<Ink> = {},
): number[] {
  const grid = printedGrid(extra, 0.01, twin, unprinted);
  const inked = [...grid.reads.map(() => true).slice(0, grid.first), ...extra.map((c) => c.inked ?? true)];
  const found = typefaceReads(grid.reads, grid.tiles, grid.prepared, inked, grid.consensus);
  return extra.map((_, k) => found.find((f) => f.cell === grid.first + k)?.digit ?? 0);
}

describe("typefaceReads", () => {
  test("ink read as empty that matches a printed digit's twins is that digit", () => {
    expect(readByTypeface([{ tile: cell(4, { font: print!.alias, dx: 1 }), read: emptyRead }])).toEqual([4]);
  });

  test("a doubted printed read is the digit whose twins its glyph matches, not the CNN's", () => {
    // A blurred 4 read as a 6 (the blobs' outlines are alike), with the grid printing both.
    const misread = read(6, 0.01, 0.6);
    expect(readByTypeface([{ tile: cell(4, { font: print!.alias, dx: -1 }), read: misread }])).toEqual([4]);
  });

  test("a hand, a pencilled candidate, ink the ink test doubts and sure reads are left to the CNN", () => {
    expect(
      readByTypeface([
        { tile: cell(4, { font: hand!.alias }), read: emptyRead },
        // A small candidate in the print's own typeface: smaller than any glyph of the grid.
        { tile: cell(4, { font: print!.alias, scale: 0.45 }), read: emptyRead },
        { tile: cell(4, { font: print!.alias }), read: emptyRead, inked: false },
        { tile: cell(4, { font: print!.alias }), read: read(6, 0.01, 0.95) },
        { tile: cell(4, { font: print!.alias }), read: read(6, 0.9, 0.6) },
      ]),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  test("a stroke a third of the print's height is no 1, though it matches a piece of one", () => {
    // On a bent page (twins tilted 8°) the print matches itself less well, and the bar is lower.
    const tile = cell(1, { font: print!.alias });
    const box = printedGrid([]).prepared[0]!.box!;
    // Paper over all but the middle third of the printed 1.
    const third = Math.round((box.y1 - box.y0) / 3);
    const data = tile.data.map((v, i) => {
      const y = Math.floor(i / tile.width);
      return y < box.y0 + third || y > box.y1 - third ? 232 : v;
    });
    expect(readByTypeface([{ tile: { ...tile, data }, read: emptyRead }], [], { tilt: 0.14 })).toEqual([0]);
  });

  test("ink as tall as the print but spanning the cell is compared with no glyph", () => {
    // A 6 crossed by a shallow dark stroke from edge to edge (a band of shadow's edge, a crease).
    const tile = cell(6, { font: print!.alias });
    const data = tile.data.map((v, i) => {
      const [x, y] = [i % tile.width, Math.floor(i / tile.width)];
      return Math.abs(y - (22 + x * 0.3)) < 1.5 ? 60 : v;
    });
    expect(readByTypeface([{ tile: { ...tile, data }, read: emptyRead }], [], { tilt: 0.14 })).toEqual([0]);
  });

  test("a glyph that matches two digits' twins alike is read as neither", () => {
    // Two sure reads of 3 whose glyphs are 8s (as a blurred photo's print can be): 8 or 3, nothing tells.
    const eightAsThree = { tile: cell(8, { font: print!.alias, dx: 1 }), read: read(3, 0.01) };
    const [found] = readByTypeface([
      { tile: cell(8, { font: print!.alias, dx: -1 }), read: emptyRead },
      eightAsThree,
      eightAsThree,
    ]);
    expect(found).toBe(0);
  });

  test("a doubted read of a digit the grid prints nowhere keeps the CNN's digit", () => {
    // With no 6 printed elsewhere, nothing says how unlike a 6 this glyph is.
    const misread = read(6, 0.01, 0.6);
    const [found] = readByTypeface([{ tile: cell(4, { font: print!.alias }), read: misread }], [6]);
    expect(found).toBe(0);
  });
});

describe("placeTypefaceReads", () => {
  const reads = (digits: Record<number, number>): CellRead[] =>
    Array.from({ length: 81 }, (_, i) => (digits[i] ? read(digits[i], 0.01) : emptyRead));

  test("places the best match first, skips a digit its row, column or box already holds, and doubts it", () => {
    // Cells 10 and 12 share row 1 (and box 0/1 apart): both matched a 6, the better one wins.
    const placed = placeTypefaceReads(reads({ 80: 7 }), [
      { cell: 10, digit: 6, match: 0.9 },
      { cell: 12, digit: 6, match: 0.95 },
      // Cell 8 shares column 8 with the 7 in cell 80.
      { cell: 8, digit: 7, match: 0.97 },
      { cell: 40, digit: 2, match: 0.9 },
    ]);
    expect(placed.map((r) => r.digit).filter((d, i) => d !== 0 && i !== 80)).toEqual([6, 2]);
    expect(placed[12]!.digit).toBe(6);
    expect(placed[10]!.digit).toBe(0);
    expect(placed[40]).toMatchObject({ digit: 2, handwritten: 0, capped: true });
    expect(placed[40]!.confidence).toBeLessThan(0.9);
    expect(placed[40]!.candidates.map((c) => c.digit)).toEqual([2, 0]);
  });
});
