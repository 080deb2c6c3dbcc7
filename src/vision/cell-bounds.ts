import { CELL_PX, WARP_PX } from "../digits/geometry.ts";
import type { GrayImage } from "../shared/image.ts";
import { summedArea, windowSum } from "../shared/summed-area.ts";

/** How far from its expected place (k × CELL_PX) a grid line is looked for, in px of the unskewed grid. */
const SEARCH_PX = Math.round(CELL_PX * 0.3);

/** A grid line is ink along at least this share of a band of cells; a tall digit stroke ("1") is not. */
const MIN_COVER = 0.9;
/** A pixel is ink when this much darker than the mean of its neighbourhood (shadows and gradients cancel). */
const INK_BELOW_MEAN = 0.85;
/**
 * As evidence that a quad fits a grid, fainter lines count too: blurred hairlines at low resolution
 * fall short of `INK_BELOW_MEAN` (grids read right had no line found at 0.85 and most of their box
 * borders at 0.92).
 */
const FAINT_INK_BELOW_MEAN = 0.92;
/** Side of that neighbourhood: about half a cell. */
const MEAN_SIDE = 31;

/**
 * Where the grid's lines really are in the unskewed grid, band by band: `columns[r][k]` is the x of
 * vertical line k (0–9) along row band r, `rows[c][k]` the y of horizontal line k along column band c.
 * A perspective warp from four corners is exact only for a flat page: a curled or bent page, or a
 * corner found a few pixels off, puts the lines up to a quarter cell away from k × CELL_PX, so a
 * fixed cut moves the digit off-centre and a grid line into the cell. A line is taken where a
 * 3-px-wide column of the band is ink almost all along; where none is, the expected place stays.
 */
export function cellBounds(warped: GrayImage): { columns: number[][]; rows: number[][] } {
  const ink = inkMask(warped);
  const band = (b: number, vertical: boolean) =>
    Array.from({ length: 10 }, (_, k) => findLine(ink, b, k, vertical) ?? k * CELL_PX);
  return {
    columns: Array.from({ length: 9 }, (_, r) => plausibleLines(band(r, true))),
    rows: Array.from({ length: 9 }, (_, c) => plausibleLines(band(c, false))),
  };
}

/**
 * Share of the inner grid lines' pieces (lines 1–8 across each of the 9 bands, both ways) found near
 * their expected place: a quad that fits a grid shows at least its 3×3 box borders in every band
 * (0.25) even when the hairline cell lines vanished; a quad cut across a grid or around a block of
 * print mostly does not (0.08–0.15 on generated photos whose detection went astray).
 */
export function innerLineShare(warped: GrayImage): number {
  const ink = inkMask(warped, FAINT_INK_BELOW_MEAN);
  let found = 0;
  for (let b = 0; b < 9; b++) {
    for (let k = 1; k < 9; k++) {
      for (const vertical of [true, false]) found += findLine(ink, b, k, vertical) === undefined ? 0 : 1;
    }
  }
  return found / (9 * 8 * 2);
}

/** Pixels darker than `belowMean` times their neighbourhood's mean. */
function inkMask(image: GrayImage, belowMean = INK_BELOW_MEAN): Uint8Array {
  const { width: w, height: h, data } = image;
  const sums = summedArea(image);
  const half = MEAN_SIDE >> 1;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(h, y + half + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(w, x + half + 1);
      const mean = windowSum(sums, x0, y0, x1, y1) / ((x1 - x0) * (y1 - y0));
      mask[y * w + x] = data[y * w + x]! < belowMean * mean ? 1 : 0;
    }
  }
  return mask;
}

/**
 * Line `k` across band `b`: the place within SEARCH_PX of k × CELL_PX where a 3-px-wide strip is ink
 * along the most of the band (ties: the nearest to the expected place), if that is at least MIN_COVER.
 */
function findLine(ink: Uint8Array, b: number, k: number, vertical: boolean): number | undefined {
  const expected = k * CELL_PX;
  const along0 = b * CELL_PX;
  let best: number | undefined;
  let bestCover = MIN_COVER * CELL_PX - 0.5;
  for (let d = 0; d <= SEARCH_PX; d++) {
    for (const at of d === 0 ? [expected] : [expected - d, expected + d]) {
      if (at < 0 || at > WARP_PX) continue;
      let cover = 0;
      for (let t = along0; t < along0 + CELL_PX; t++) {
        let hit = 0;
        for (let s = Math.max(0, at - 1); s <= Math.min(WARP_PX - 1, at + 1) && !hit; s++) {
          hit = vertical ? ink[t * WARP_PX + s]! : ink[s * WARP_PX + t]!;
        }
        cover += hit;
      }
      if (cover > bestCover) {
        bestCover = cover;
        best = at;
      }
    }
  }
  return best;
}

/**
 * Keeps found lines only where they leave cells of a plausible size (0.6–1.4 cells) between them;
 * a line that does not falls back to its expected place.
 */
function plausibleLines(lines: number[]): number[] {
  return lines.map((at, k) => {
    const before = k === 0 ? undefined : lines[k - 1]!;
    const after = k === 9 ? undefined : lines[k + 1]!;
    const plausible = (gap: number) => gap >= 0.6 * CELL_PX && gap <= 1.4 * CELL_PX;
    const fits =
      (before === undefined || plausible(at - before)) && (after === undefined || plausible(after - at));
    return fits ? at : k * CELL_PX;
  });
}
