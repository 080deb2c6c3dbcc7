import { createCanvas } from "@napi-rs/canvas";
import { CELL_PX } from "../../src/digits/geometry.ts";
import { prepareCell, type PreparedCell } from "../../src/digits/preprocess.ts";
import { printConsensus } from "../../src/digits/typeface-check.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import type { CellRead } from "../../src/shared/reading.ts";
import { registerFamilies } from "../../training/digits/fonts.ts";
import { drawGlyph } from "../../training/photos/glyph.ts";

/** Cells of one grid's print, and of other hands, for the typeface checks' tests. */
export const [print] = registerFamilies(["roboto"], 700);
export const [serif] = registerFamilies(["libre-baskerville"], 700);
export const [hand] = registerFamilies(["caveat"], 400);
export const [neatHand] = registerFamilies(["patrick-hand"], 400);
const PAPER = 232;

export interface Ink {
  font: string;
  /** Gray level of the strokes. */
  gray?: number;
  /** Draw a grid-line corner beside the digit (a remnant the cell cleaner keeps with it). */
  lineCorner?: boolean;
  /** Glyph offset from the cell centre, in pixels. */
  dx?: number;
  /** …and downward (a cell cut off-centre by a curled page). */
  dy?: number;
  /** Turn of the glyph about the cell centre, in radians (a bent page tilts the print). */
  tilt?: number;
  /** Size of the glyph relative to the grid's print (a cell cut from a wider quad shrinks it). */
  scale?: number;
  /** Share of the light kept right of a soft, slanted edge through the cell's centre (a shadow across the digit). */
  shade?: number;
}

/** A CELL_PX² cell as the warp cuts it: one digit on paper. */
export function cell(
  digit: number,
  { font, gray = 30, lineCorner = false, dx = 0, dy = 0, tilt = 0, scale = 1, shade = 1 }: Ink,
): GrayImage {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = `rgb(${PAPER},${PAPER},${PAPER})`;
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  ctx.translate(CELL_PX / 2, CELL_PX / 2);
  ctx.rotate(tilt);
  ctx.translate(-CELL_PX / 2, -CELL_PX / 2);
  drawGlyph(
    ctx,
    String(digit),
    font,
    CELL_PX * 0.55 * scale,
    [gray, gray, gray],
    CELL_PX / 2 + dx,
    CELL_PX / 2 + dy,
  );
  ctx.resetTransform();
  if (lineCorner) {
    ctx.fillStyle = "rgb(40,40,40)";
    ctx.fillRect(44, 50, 14, 3);
    ctx.fillRect(55, 40, 3, 13);
  }
  const rgba = ctx.getImageData(0, 0, CELL_PX, CELL_PX).data;
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  for (let i = 0; i < data.length; i++) {
    const x = i % CELL_PX;
    const y = Math.floor(i / CELL_PX);
    // The shadow's penumbra: light falls off over 12 px across the edge.
    const into = Math.min(1, Math.max(0, (x - CELL_PX / 2 - 0.4 * (y - CELL_PX / 2)) / 12 + 0.5));
    data[i] = rgba[i * 4]! * (1 - into * (1 - shade));
  }
  return { width: CELL_PX, height: CELL_PX, data };
}

export const read = (digit: number, handwritten: number, confidence = 0.99): CellRead => ({
  digit,
  confidence,
  candidates: [{ digit, p: confidence }],
  handwritten,
});

/** A grid's cells as the reader has them: the reads, the tiles as cut, and `prepareCell` of each. */
export interface GridCells {
  reads: CellRead[];
  tiles: GrayImage[];
  prepared: PreparedCell[];
  consensus: number | undefined;
  /** Index of the first cell under test. */
  first: number;
}

/**
 * A grid of printed givens 1–9 (twice each, the second slightly shifted, or drawn as `twin` says;
 * none of the digits `unprinted`) followed by the cells under test.
 */
export function printedGrid(
  extra: { tile: GrayImage; read: CellRead }[],
  givensHandwritten = 0.01,
  twin: Partial<Ink> = {},
  unprinted: number[] = [],
): GridCells {
  const digits = [1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => !unprinted.includes(d));
  const givens = [...digits, ...digits].map((digit, i) => ({
    tile: cell(digit, i < digits.length ? { font: print!.alias } : { font: print!.alias, dx: 2, ...twin }),
    read: read(digit, givensHandwritten),
  }));
  const all = [...givens, ...extra];
  const reads = all.map((c) => c.read);
  const tiles = all.map((c) => c.tile);
  const prepared = tiles.map(prepareCell);
  return { reads, tiles, prepared, consensus: printConsensus(reads, tiles, prepared), first: givens.length };
}
