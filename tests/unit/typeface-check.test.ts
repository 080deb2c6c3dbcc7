import { describe, expect, test } from "vitest";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import {
  bestMatch,
  checkEntriesAgainstTypeface,
  checkGivensAgainstTypeface,
  printOfDigit,
  TYPEFACE_MATCH,
} from "../../src/digits/typeface-check.ts";
import { cropGray, type GrayImage } from "../../src/shared/image.ts";
import { isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { cell, hand, neatHand, print, printedGrid, read, serif, type Ink } from "./typeface-cells.ts";

/** `checker` on a printed grid (`printedGrid`): the reads of the cells under test. */
function check(
  extra: { tile: GrayImage; read: CellRead }[],
  givensHandwritten = 0.01,
  checker = checkEntriesAgainstTypeface,
  twin: Partial<Ink> = {},
  unprinted: number[] = [],
): CellRead[] {
  const { reads, tiles, prepared, consensus, first } = printedGrid(extra, givensHandwritten, twin, unprinted);
  return checker(reads, tiles, prepared, consensus).slice(first);
}

describe("checkEntriesAgainstTypeface", () => {
  test("a printed digit the CNN called handwritten is a given when it matches the grid's typeface", () => {
    const [plain, withLine] = check([
      { tile: cell(2, { font: print!.alias, dx: -3 }), read: read(2, 0.9) },
      { tile: cell(7, { font: print!.alias, lineCorner: true }), read: read(7, 0.98, 0.5) },
    ]);
    expect(isHandwritten(plain!)).toBe(false);
    expect(isHandwritten(withLine!)).toBe(false);
    expect(withLine!.digit).toBe(7);
  });

  test("a printed digit tilted by a bent page (6°) that the CNN called handwritten is still a given", () => {
    const tile = cell(3, { font: print!.alias, tilt: 0.1 });
    const [blurred] = check([{ tile, read: read(3, 0.8) }]);
    expect(isHandwritten(blurred!)).toBe(false);
  });

  test("on a bent page, whose print matches itself less well, a printed digit tilted 8° is still a given", () => {
    // The twins lean 7°: the grid's print then matches itself at about 0.87, the tilted 3 its print at 0.85.
    const tilted = { tile: cell(3, { font: print!.alias, tilt: 0.14 }), read: read(3, 0.8) };
    const entry = { tile: cell(3, { font: hand!.alias }), read: read(3, 0.9) };
    const [given, written] = check([tilted, entry], 0.01, checkEntriesAgainstTypeface, { tilt: 0.12 });
    expect(isHandwritten(given!)).toBe(false);
    expect(isHandwritten(written!)).toBe(true);
  });

  test("a digit in another hand stays an entry", () => {
    const [entry] = check([{ tile: cell(4, { font: hand!.alias }), read: read(4, 0.9) }]);
    expect(entry).toEqual(read(4, 0.9));
  });

  test("print a quarter paler than the grid's (a lens's vignette) that the CNN called handwritten is a given", () => {
    const [vignetted] = check([
      { tile: cell(7, { font: print!.alias, gray: 80 }), read: read(7, 0.58, 0.9) },
    ]);
    expect(isHandwritten(vignetted!)).toBe(false);
  });

  test("pale print that matches its printed twins as the print matches itself is a given", () => {
    // Glare or a faded run: strokes at a third of the print's darkness, below the stroke bar.
    const [glared] = check([{ tile: cell(5, { font: print!.alias, gray: 170 }), read: read(5, 0.9) }]);
    expect(isHandwritten(glared!)).toBe(false);
  });

  test("faint strokes in the typeface's shape of a digit printed nowhere stay an entry: print shares one ink", () => {
    const pale = { tile: cell(5, { font: print!.alias, gray: 170 }), read: read(5, 0.9) };
    const [pencil] = check([pale], 0.01, checkEntriesAgainstTypeface, {}, [5]);
    expect(isHandwritten(pencil!)).toBe(true);
  });

  test("an entry whose digit is printed only with some doubt matches that print and is a given", () => {
    // A typewriter face's 3 looked drawn to the CNN in every cell: no sure print of it to compare with.
    const doubted = () => ({ tile: cell(3, { font: print!.alias, dx: 1 }), read: read(3, 0.27) });
    const entry = { tile: cell(3, { font: print!.alias }), read: read(3, 0.67) };
    const other = { tile: cell(3, { font: hand!.alias }), read: read(3, 0.9) };
    const [, , given, written] = check(
      [doubted(), doubted(), entry, other],
      0.01,
      checkEntriesAgainstTypeface,
      {},
      [3],
    );
    expect(isHandwritten(given!)).toBe(false);
    expect(isHandwritten(written!)).toBe(true);
  });

  test("without sure printed givens to compare with, the CNN's call stands", () => {
    const [entry] = check([{ tile: cell(3, { font: print!.alias }), read: read(3, 0.9) }], 0.6);
    expect(isHandwritten(entry!)).toBe(true);
  });
});

describe("checkGivensAgainstTypeface", () => {
  const checkGivens = (extra: { tile: GrayImage; read: CellRead }[]) =>
    check(extra, 0.01, checkGivensAgainstTypeface);

  test("a neat hand the CNN doubts as print is an entry when it matches no printed glyph of its digit", () => {
    // The CNN's doubt can be slight: neat black entries taken for print had a median handwritten share of 0.17.
    const entries = checkGivens([
      { tile: cell(4, { font: hand!.alias }), read: read(4, 0.3) },
      { tile: cell(4, { font: hand!.alias }), read: read(4, 0.1) },
      // Nor need the CNN be sure of the digit: a neat hand is often read less surely than print.
      { tile: cell(4, { font: hand!.alias }), read: read(4, 0.3, 0.7) },
    ]);
    for (const entry of entries) {
      expect(isHandwritten(entry)).toBe(true);
      expect(entry.digit).toBe(4);
    }
  });

  test("a neat hand fairly like its digit's print is an entry when the grid's print matches itself far better", () => {
    const tile = cell(5, { font: neatHand!.alias });
    const glyph = (t: GrayImage) => cropGray(t, prepareCell(t).box!, 2);
    // About 0.8 like the print, where the grid's twins (print shifted by 2 px) match each other at ~1.
    expect(
      bestMatch(cropGray(tile, prepareCell(tile).box!, 5), glyph(cell(5, { font: print!.alias }))),
    ).toBeGreaterThan(0.78);
    const [entry] = checkGivens([{ tile, read: read(5, 0.2) }]);
    expect(isHandwritten(entry!)).toBe(true);
    expect(entry!.digit).toBe(5);
  });

  test("a neat hand the CNN is sure is print but unsure of its digit is an entry when unlike that print", () => {
    const [unsure] = checkGivens([{ tile: cell(4, { font: hand!.alias }), read: read(4, 0.01, 0.8) }]);
    expect(isHandwritten(unsure!)).toBe(true);
    expect(unsure!.digit).toBe(4);
    const [sure] = checkGivens([{ tile: cell(4, { font: hand!.alias }), read: read(4, 0.01) }]);
    expect(sure).toEqual(read(4, 0.01));
  });

  test("print the CNN misread stays print when it is the grid's print of another digit", () => {
    // A printed 5 read as a 3, doubted in kind or in digit: unlike the printed 3s, but the grid's 5.
    const [doubtedKind, doubtedDigit] = checkGivens([
      { tile: cell(5, { font: print!.alias }), read: read(3, 0.3, 0.7) },
      { tile: cell(5, { font: print!.alias }), read: read(3, 0.01, 0.7) },
    ]);
    expect(doubtedKind).toEqual(read(3, 0.3, 0.7));
    expect(doubtedDigit).toEqual(read(3, 0.01, 0.7));
  });

  test("print the CNN doubts stays print when it matches its digit's glyph, even beside a line remnant", () => {
    const [plain, withLine] = checkGivens([
      { tile: cell(6, { font: print!.alias, dx: -3 }), read: read(6, 0.35) },
      { tile: cell(7, { font: print!.alias, lineCorner: true }), read: read(7, 0.3) },
    ]);
    expect(plain).toEqual(read(6, 0.35));
    expect(withLine).toEqual(read(7, 0.3));
  });

  test("print the CNN doubts stays print when a shadow's edge crosses it, but a neat hand so crossed does not", () => {
    // The twins lean a little (a bent page): the grid's print matches itself at about 0.94, the shadowed 5
    // its twins at about 0.78 as cut and 0.9 with the paper flattened.
    const [shadowed, neat] = check(
      [
        { tile: cell(5, { font: print!.alias, shade: 0.3 }), read: read(5, 0.3) },
        { tile: cell(5, { font: neatHand!.alias, shade: 0.3 }), read: read(5, 0.3) },
      ],
      0.01,
      checkGivensAgainstTypeface,
      { tilt: 0.06 },
    );
    expect(shadowed).toEqual(read(5, 0.3));
    expect(isHandwritten(neat!)).toBe(true);
  });

  test("print the CNN doubts stays print when its cell, cut from a wider quad, shrank its glyph by 9 %", () => {
    // The grid's twins are tilted a little (a bent page), so its print matches itself less than perfectly.
    const [smaller, neat] = check(
      [
        { tile: cell(3, { font: print!.alias, scale: 0.91 }), read: read(3, 0.06) },
        { tile: cell(3, { font: neatHand!.alias }), read: read(3, 0.06) },
      ],
      0.01,
      checkGivensAgainstTypeface,
      { tilt: 0.06 },
    );
    expect(smaller).toEqual(read(3, 0.06));
    // A neat hand is unlike the print at every size.
    expect(isHandwritten(neat!)).toBe(true);
  });

  test("pale ink the CNN is sure is print is an entry when it matches no printed glyph of its digit", () => {
    // A neat pencilled entry: strokes at under half the print's darkness, handwritten share 0.02.
    const [pencil, paleGiven] = checkGivens([
      { tile: cell(4, { font: neatHand!.alias, gray: 140 }), read: read(4, 0.02) },
      // Print paled by glare still matches its twins.
      { tile: cell(5, { font: print!.alias, gray: 140 }), read: read(5, 0.02) },
    ]);
    expect(isHandwritten(pencil!)).toBe(true);
    expect(pencil!.digit).toBe(4);
    expect(paleGiven).toEqual(read(5, 0.02));
  });

  test("print the CNN is sure of, a digit it all but guesses, or one with no printed twin keeps the CNN's call", () => {
    const [sure, doubtful] = checkGivens([
      { tile: cell(4, { font: hand!.alias }), read: read(4, 0.02) },
      { tile: cell(4, { font: hand!.alias }), read: read(4, 0.3, 0.4) },
    ]);
    expect(isHandwritten(sure!)).toBe(false);
    expect(isHandwritten(doubtful!)).toBe(false);
    // A grid whose print does not match itself (here two typefaces) is no reference either.
    const [unlike] = check(
      [{ tile: cell(4, { font: hand!.alias }), read: read(4, 0.3) }],
      0.01,
      checkGivensAgainstTypeface,
      { font: serif!.alias },
    );
    expect(isHandwritten(unlike!)).toBe(false);
    const [alone] = check(
      [{ tile: cell(4, { font: hand!.alias }), read: read(4, 0.3) }],
      0.6,
      checkGivensAgainstTypeface,
    );
    expect(isHandwritten(alone!)).toBe(false);
  });
});

describe("bestMatch", () => {
  test("finds a glyph anywhere in a cell and tells it from another digit", () => {
    const source = cell(8, { font: print!.alias });
    const box = prepareCell(source).box!;
    const width = box.x1 - box.x0 + 1;
    const height = box.y1 - box.y0 + 1;
    const data = new Uint8ClampedArray(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) data[y * width + x] = source.data[(box.y0 + y) * CELL_PX + box.x0 + x]!;
    }
    const glyph = { width, height, data };
    expect(bestMatch(cell(8, { font: print!.alias, dx: 5 }), glyph)).toBeGreaterThan(0.98);
    expect(bestMatch(cell(3, { font: print!.alias }), glyph)).toBeLessThan(TYPEFACE_MATCH);
    expect(bestMatch({ width: 4, height: 4, data: new Uint8ClampedArray(16) }, glyph)).toBe(-1);
  });
});

describe("printOfDigit", () => {
  /** Whether each cell under test is the grid's print of `digit`, on a printed grid (`printedGrid`). */
  const printOf = (extra: { tile: GrayImage; read: CellRead }[], digit: number) => {
    const { reads, tiles, prepared, consensus, first } = printedGrid(extra);
    const isPrint = printOfDigit(reads, tiles, prepared, consensus);
    return extra.map((_, k) => isPrint(first + k, digit));
  };

  test("a printed 6 the CNN read as a 5 by hand is the grid's print of 6, and not of 5", () => {
    const misread = [{ tile: cell(6, { font: print!.alias, dx: 1 }), read: read(5, 0.6, 0.7) }];
    expect(printOf(misread, 6)).toEqual([true]);
    expect(printOf(misread, 5)).toEqual([false]);
  });

  test("a printed 7 whose bar the cell cleaner cut off is still the grid's print of 7", () => {
    // Set high in its cell (a curled page), the bar lies in the edge band; a paler join leaves it apart.
    const tile = cell(7, { font: print!.alias, dy: -10 });
    for (let i = 13 * CELL_PX; i < 17 * CELL_PX; i++) tile.data[i] = Math.max(tile.data[i]!, 150);
    const stem = prepareCell(tile).box!;
    expect(stem.y0).toBeGreaterThan(15);
    expect(printOf([{ tile, read: read(1, 0.9, 0.6) }], 7)).toEqual([true]);
  });

  test("a 6 in a hand, neat or not, is not the grid's print of 6", () => {
    const written = [
      { tile: cell(6, { font: hand!.alias }), read: read(6, 0.9) },
      { tile: cell(6, { font: neatHand!.alias }), read: read(6, 0.9) },
    ];
    expect(printOf(written, 6)).toEqual([false, false]);
  });
});
