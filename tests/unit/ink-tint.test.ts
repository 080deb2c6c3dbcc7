import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, test } from "vitest";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { cellTints, checkGivensAgainstInkColour, inkTint, type CellTint } from "../../src/digits/ink-tint.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { isHandwritten, type CellRead } from "../../src/shared/reading.ts";
import { toChroma, toGray } from "../../src/vision/gray.ts";
import { registerFamilies } from "../../training/digits/fonts.ts";
import type { Rgb } from "../../training/photos/design.ts";
import { drawGlyph } from "../../training/photos/glyph.ts";

const [print] = registerFamilies(["roboto"], 700);
const BLACK: Rgb = [25, 25, 25];
const BLUE: Rgb = [30, 70, 170];
const WHITE: Rgb = [235, 233, 228];

/**
 * The tint of one digit drawn in `ink` on `paper`, measured as the reader measures it, within the
 * ink box that the cleaner finds for the same digit in black.
 */
function tintOf(ink: Rgb, paper: Rgb = WHITE): CellTint | undefined {
  const { gray, rgba } = drawDigit(ink, paper);
  const { box } = prepareCell(drawDigit(BLACK, paper).gray);
  return inkTint(gray, toChroma(rgba), box!);
}

function drawDigit(ink: Rgb, paper: Rgb) {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = `rgb(${paper.join(",")})`;
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  drawGlyph(ctx, "5", print!.alias, CELL_PX * 0.55, ink, CELL_PX / 2, CELL_PX / 2);
  const rgba = { width: CELL_PX, height: CELL_PX, data: ctx.getImageData(0, 0, CELL_PX, CELL_PX).data };
  return { gray: toGray(rgba), rgba };
}

/** `share` of the way from the paper to the ink: a pale, blurred or thin stroke. */
const pale = (ink: Rgb, share: number, paper: Rgb = WHITE): Rgb =>
  [0, 1, 2].map((c) => Math.round(paper[c]! + share * (ink[c]! - paper[c]!))) as [number, number, number];

describe("inkTint", () => {
  test("black ink has no tint, blue pen has a blue one, and paling keeps it", () => {
    const black = tintOf(BLACK)!.ink;
    const blue = tintOf(BLUE)!.ink;
    expect(Math.max(...black.map(Math.abs))).toBeLessThan(0.03);
    expect(blue[0]).toBeGreaterThan(0.3);
    const paleBlue = tintOf(pale(BLUE, 0.45))!.ink;
    expect(Math.abs(paleBlue[0] - blue[0])).toBeLessThan(0.08);
  });

  test("ink too faint to show its colour has no tint", () => {
    expect(tintOf(pale(BLUE, 0.08))).toBeUndefined();
  });
});

describe("cellTints", () => {
  test("every inked cell's tint, but none of ink below the contrast bar, nor where none was kept, whose colour is not cut", () => {
    const { gray, rgba } = drawDigit(BLUE, WHITE);
    const { box } = prepareCell(gray);
    const [blueYellow, redGreen] = toChroma(rgba);
    const tiles = [gray, gray, gray];
    const asked: number[] = [];
    const tints = cellTints(
      tiles,
      (i) => {
        asked.push(i);
        return [blueYellow, redGreen];
      },
      [box, box, undefined],
      [undefined, "weak", undefined],
    );
    expect(tints[0]).toEqual(inkTint(gray, [blueYellow, redGreen], box!));
    expect(tints[0]!.ink[0]).toBeGreaterThan(0.3);
    expect(tints.slice(1)).toEqual([undefined, undefined]);
    // The colour planes are cut only for the cells whose tint is measured.
    expect(asked).toEqual([0]);
  });
});

const read = (digit: number, handwritten: number): CellRead => ({
  digit,
  confidence: 0.99,
  candidates: [{ digit, p: 0.99 }],
  handwritten,
});

describe("checkGivensAgainstInkColour", () => {
  const blackTint = tintOf(BLACK)!;
  const blueTint = tintOf(BLUE)!;
  /** Black print's tint shifted by [blue–yellow, red–green], on the same paper. */
  const shifted = ([blueYellow, redGreen]: readonly [number, number]): CellTint => ({
    ink: [blackTint.ink[0] + blueYellow, blackTint.ink[1] + redGreen],
    paper: blackTint.paper,
  });
  const givens = (tints: readonly CellTint[]) => ({
    cells: tints.map((_, i) => read((i % 9) + 1, 0.01)),
    tints,
  });
  const check = (grid: { cells: CellRead[]; tints: readonly CellTint[] }, hand: number) =>
    checkGivensAgainstInkColour([...grid.cells, read(4, hand)], () => [...grid.tints, blueTint]).at(-1)!;

  test("a digit read as print in blue or red pen on black print is an entry", () => {
    expect(isHandwritten(check(givens(Array(20).fill(blackTint)), 0.15))).toBe(true);
    const grid = givens(Array(20).fill(blackTint));
    const red = tintOf([160, 30, 40])!;
    const out = checkGivensAgainstInkColour([...grid.cells, read(4, 0.15)], () => [...grid.tints, red]);
    expect(isHandwritten(out.at(-1)!)).toBe(true);
  });

  test("unless the print itself comes in more than one colour", () => {
    const mixed = Array.from({ length: 20 }, (_, i) => (i % 2 ? blueTint : blackTint));
    expect(isHandwritten(check(givens(mixed), 0.15))).toBe(false);
  });

  test("a digit the CNN is all but sure is print is an entry only far beyond the print's own spread", () => {
    // A fifth of the print lies in a colour cast (a shadow's edge) a quarter of the way toward the pen.
    const cast = shifted([(blueTint.ink[0] - blackTint.ink[0]) / 4, 0]);
    const spread = Array.from({ length: 20 }, (_, i) => (i % 5 ? blackTint : cast));
    expect(isHandwritten(check(givens(spread), 0.005))).toBe(false);
    expect(isHandwritten(check(givens(spread), 0.15))).toBe(true);
    expect(isHandwritten(check(givens(Array(20).fill(blackTint)), 0.005))).toBe(true);
  });

  test("a doubted pen's colour diluted by blur is enough where the print agrees closely, not where it spreads", () => {
    const towardBlue = (by: number) => shifted([by, 0]);
    const diluted = (grid: { cells: CellRead[]; tints: readonly CellTint[] }, by: number) =>
      checkGivensAgainstInkColour([...grid.cells, read(4, 0.15)], () => [...grid.tints, towardBlue(by)]).at(
        -1,
      )!;
    const uniform = givens(Array(20).fill(blackTint));
    expect(isHandwritten(diluted(uniform, 0.12))).toBe(true);
    expect(isHandwritten(diluted(uniform, 0.06))).toBe(false);
    // A fifth of the print in a colour cast 0.05 toward blue: such a page lit unevenly keeps the full bar.
    const spread = givens(Array.from({ length: 20 }, (_, i) => (i % 5 ? blackTint : towardBlue(0.05))));
    expect(isHandwritten(diluted(spread, 0.12))).toBe(false);
    expect(isHandwritten(diluted(spread, 0.2))).toBe(true);
  });

  test("…but not in a cell on another paper (an app's highlighted cell), whose ink measures tinted against it", () => {
    const grid = givens(Array(20).fill(blackTint));
    const highlighted: CellTint = {
      ...shifted([0.12, 0]),
      paper: [blackTint.paper[0] + 20, blackTint.paper[1] - 9],
    };
    const out = checkGivensAgainstInkColour([...grid.cells, read(7, 0.15)], () => [
      ...grid.tints,
      highlighted,
    ]);
    expect(isHandwritten(out.at(-1)!)).toBe(false);
    // A pen's full colour is an entry on any paper.
    const pen: CellTint = { ...shifted([0.3, 0]), paper: highlighted.paper };
    const inPen = checkGivensAgainstInkColour([...grid.cells, read(7, 0.15)], () => [...grid.tints, pen]);
    expect(isHandwritten(inPen.at(-1)!)).toBe(true);
  });

  test("a cell yellower than the print (a lamp's or a shadow's cast) is not taken for a pen", () => {
    const grid = givens(Array(20).fill(blackTint));
    const yellower = shifted([-0.4, 0.05]);
    const out = checkGivensAgainstInkColour([...grid.cells, read(4, 0.15)], () => [...grid.tints, yellower]);
    expect(isHandwritten(out.at(-1)!)).toBe(false);
  });

  test("black pen on black print gives no sign", () => {
    const grid = givens(Array(20).fill(blackTint));
    const out = checkGivensAgainstInkColour([...grid.cells, read(4, 0.15)], () => [...grid.tints, blackTint]);
    expect(isHandwritten(out.at(-1)!)).toBe(false);
  });
});
