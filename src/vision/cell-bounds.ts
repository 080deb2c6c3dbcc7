import { CELL_PX, WARP_PX } from "../digits/geometry.ts";
import { cropGray, type GrayImage } from "../shared/image.ts";
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

/** How far a grid line may drift sideways across one band (a cell): a curled page bends and tilts it. */
const MAX_DRIFT_PX = Math.round(CELL_PX * 0.2);
/** Steps of that drift tried; a line is matched within ±1 px, so every slant in range is met. */
const DRIFT_STEP_PX = 2;

/** A grid line's piece across one band: where it crosses the band's two edges (px of the unskewed grid). */
interface Segment {
  start: number;
  end: number;
}

/** `vertical[k][j]`: the x of vertical line k at y = j × CELL_PX; `horizontal[k][j]`: the y of line k at x = j × CELL_PX. */
export interface GridLines {
  vertical: number[][];
  horizontal: number[][];
}

/**
 * The grid's lines (0–9 each way) as they really run in the unskewed grid. A perspective warp
 * from four corners is exact only for a flat page: a curled or bent page, or a corner found a few
 * pixels off, puts the lines up to a quarter cell away from k × CELL_PX and tilts them, so a fixed
 * cut moves the digit off-centre and a grid line into the cell. Each line is looked for band by
 * band (a cell long) as a straight piece, slanted up to MAX_DRIFT_PX (across the first and last
 * band, an inner line's piece must run on from the next band's, `endBandLine`); where a band shows none
 * (a digit over it, a faint hairline), the line's place there is the mean of the places around it, along
 * the line and on the lines beside it (`harmonicFill`), the outline staying where the corners put it
 * where it shows no piece. An inner line's piece has paper on both sides (`twoSided`).
 */
export function gridLines(warped: GrayImage): GridLines {
  const ink = { ...inkMask(warped), gray: warped };
  const lines = (vertical: boolean) => {
    const found = Array.from({ length: 9 }, (_, b) =>
      Array.from({ length: 10 }, (_, k) => findLine(ink, b, k, vertical)),
    );
    for (const b of [0, 8]) {
      for (let k = 1; k < 9; k++) found[b]![k] = endBandLine(ink, found, b, k, vertical);
    }
    // The outline is sought past the corners only where a band shows none inside them, and kept there
    // only as it runs on from a corner: the margin may hold a dark edge (a screen's bezel, a shadow) or
    // a rule above the puzzle as straight as a line.
    for (const k of [0, 9]) {
      const pieces = found.map((band, b) => band[k] ?? findLine(ink, b, k, vertical, "outside"));
      const linked = chainedToCorners(pieces, k * CELL_PX);
      found.forEach((band, b) => (band[k] ??= linked[b] ? pieces[b] : undefined));
    }
    const bands = found.map(plausibleSegments);
    // The outline runs on between its pieces; where it shows none, the corners' straight edge.
    const known = Array.from({ length: 10 }, (_, k) => {
      const at = edges(bands.map((band) => band[k]));
      return k === 0 || k === 9 ? (fillGaps(at) ?? Array<number>(10).fill(k * CELL_PX)) : at;
    });
    return harmonicFill(known);
  };
  return { vertical: lines(true), horizontal: lines(false) };
}

/** A line's place (x of a vertical one, y of a horizontal one) at `t` px along it, between its band-edge knots. */
export function lineAt(knots: readonly number[], t: number): number {
  const s = Math.min(9, Math.max(0, t / CELL_PX));
  const j = Math.min(8, Math.floor(s));
  return knots[j]! + (knots[j + 1]! - knots[j]!) * (s - j);
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

/** An unskewed grid's ink, with the margin of photo around the grid (`warpToSquare`). */
interface InkMask {
  mask: Uint8Array;
  side: number;
  margin: number;
  /** The unskewed grid itself: when given, a piece must also be darker than the paper on both sides (`twoSided`). */
  gray?: GrayImage;
}

/** Pixels darker than `belowMean` times their neighbourhood's mean. */
function inkMask(image: GrayImage, belowMean = INK_BELOW_MEAN): InkMask {
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
  return { mask, side: w, margin: gridMargin(image) };
}

/** The unskewed grid's WARP_PX² square without the margin of photo around it. */
export function withoutMargin(warped: GrayImage): GrayImage {
  const margin = gridMargin(warped);
  const last = margin + WARP_PX - 1;
  return cropGray(warped, { x0: margin, y0: margin, x1: last, y1: last });
}

/**
 * The margin of photo around the grid in an unskewed image: (side − WARP_PX) / 2, 0 for a bare
 * WARP_PX² grid.
 */
export function gridMargin({ width, height }: GrayImage): number {
  const margin = (width - WARP_PX) / 2;
  if (width !== height || !Number.isInteger(margin) || margin < 0) {
    throw new Error(`expected a square unskewed grid of at least ${WARP_PX} px, got ${width}×${height}`);
  }
  return margin;
}

/**
 * How far inward the window over a grid's first or last band may slide, as a share of a cell: a curled
 * page bows its outline into those bands, so its inner lines run along only part of them.
 */
const END_BAND_SLIDE = 0.25;

/**
 * Inner line `k` across the grid's first or last band `b`: the piece found there (`found`) when it runs on
 * from the line's piece across the next band (within CHAIN_PX), else one sought in a window slid inward by
 * END_BAND_SLIDE (a cell long still, so a digit's stroke is no more a line there than elsewhere) that
 * does. Where a curled page bows the outline into the band, the line ends short of the band's edge: it
 * was missed, and filled in from the flat lines around it, or a digit's stroke joined to the bowed
 * outline was taken for it; either way the cut ran through the digits beside it. A slid piece is extended
 * along its slant to the band's edges.
 */
function endBandLine(
  ink: InkMask,
  found: readonly (readonly (Segment | undefined)[])[],
  b: number,
  k: number,
  vertical: boolean,
): Segment | undefined {
  const piece = found[b]![k];
  const next = found[b === 0 ? 1 : 7]![k];
  if (!next) return piece;
  const runsOn = (p: Segment) => Math.abs(b === 0 ? p.end - next.start : p.start - next.end) <= CHAIN_PX;
  if (piece && runsOn(piece)) return piece;
  const slide = Math.round(END_BAND_SLIDE * CELL_PX) * (b === 0 ? 1 : -1);
  const slid = findLine(ink, b, k, vertical, "inside", slide);
  if (!slid) return piece;
  const slope = (slid.end - slid.start) / CELL_PX;
  const extended = { start: slid.start - slope * slide, end: slid.end - slope * slide };
  return runsOn(extended) ? extended : piece;
}

/**
 * Line `k` across band `b`: the straight piece, its middle within SEARCH_PX of k × CELL_PX and its
 * ends drifting apart by at most MAX_DRIFT_PX, along which a 3-px-wide strip is ink the most (ties:
 * the least slanted, then the nearest to the expected place), if that is at least MIN_COVER. Its
 * middle lies `inside` the grid's square (the corners' straight edges) or `outside` it, in the margin
 * (there up to the margin's edge).
 * @param slide px by which the band is moved along the line (`endBandLine`); the piece is then the window's
 */
function findLine(
  ink: InkMask,
  b: number,
  k: number,
  vertical: boolean,
  where: "inside" | "outside" = "inside",
  slide = 0,
): Segment | undefined {
  const { mask, side, margin } = ink;
  const inside = (at: number) => at >= 0 && at <= WARP_PX;
  const skip = (at: number) =>
    where === "inside" ? !inside(at) : inside(at) || at < -margin || at > WARP_PX + margin;
  const expected = k * CELL_PX;
  const along0 = margin + b * CELL_PX + slide;
  let best: Segment | undefined;
  let bestCover = MIN_COVER * CELL_PX - 0.5;
  const offsets = new Int32Array(CELL_PX);
  // In the margin, anywhere: a curled page bows its outline out past SEARCH_PX (0.4 cell mid-row).
  const reach = where === "outside" ? margin - 1 : SEARCH_PX;
  for (let step = 0; step <= MAX_DRIFT_PX; step += DRIFT_STEP_PX) {
    for (const drift of step === 0 ? [0] : [-step, step]) {
      for (let t = 0; t < CELL_PX; t++) offsets[t] = Math.round(drift * ((t + 0.5) / CELL_PX - 0.5));
      for (let d = 0; d <= reach; d++) {
        for (const at of d === 0 ? [expected] : [expected - d, expected + d]) {
          if (skip(at)) continue;
          // Stops once too many misses leave no chance of beating the best so far.
          let misses = 0;
          const allowed = CELL_PX - bestCover;
          for (let t = 0; t < CELL_PX && misses < allowed; t++) {
            const centre = margin + at + offsets[t]!;
            let hit = 0;
            for (let s = Math.max(0, centre - 1); s <= Math.min(side - 1, centre + 1) && !hit; s++) {
              hit = vertical ? mask[(along0 + t) * side + s]! : mask[s * side + along0 + t]!;
            }
            misses += 1 - hit;
          }
          // Outside the outline may lie anything (the page's edge, text, another grid): inner lines only.
          if (
            CELL_PX - misses > bestCover &&
            (k === 0 || k === 9 || twoSided(ink, at, along0, offsets, vertical))
          ) {
            bestCover = CELL_PX - misses;
            best = { start: at - drift / 2, end: at + drift / 2 };
          }
        }
      }
    }
  }
  return best;
}

/** How far from a piece's middle its two sides are sampled: past the boldest box border's half width. */
const SIDE_PX = Math.round(CELL_PX * 0.15);
/** A side is paper where it is at least this much lighter than the piece (relative)… */
const SIDE_LIGHTER = 1.05;
/**
 * …at this share of the piece's places at least: a digit's bar beside a line darkens one side along
 * part of a cell, a shadow's dark side along all of it.
 */
const MIN_TWO_SIDED = 0.25;

/**
 * Whether a piece (`findLine`) is a line rather than an edge: lighter paper on both sides of it along
 * part of it. The ink mask compares each pixel with its neighbourhood, so the dark side of a shadow's
 * straight edge is ink for a few pixels too, as long as a cell, and a cut along it runs through digits.
 */
function twoSided(ink: InkMask, at: number, along0: number, offsets: Int32Array, vertical: boolean): boolean {
  const { gray, side, margin } = ink;
  if (!gray) return true;
  const g = (across: number, along: number) =>
    gray.data[vertical ? along * side + across : across * side + along]!;
  let lighter = 0;
  for (let t = 0; t < CELL_PX; t++) {
    const centre = margin + at + offsets[t]!;
    const along = along0 + t;
    let dark = 255;
    for (let s = Math.max(0, centre - 1); s <= Math.min(side - 1, centre + 1); s++)
      dark = Math.min(dark, g(s, along));
    const before = g(Math.max(0, centre - SIDE_PX), along);
    const after = g(Math.min(side - 1, centre + SIDE_PX), along);
    if (Math.min(before, after) >= SIDE_LIGHTER * dark) lighter++;
  }
  return lighter >= MIN_TWO_SIDED * CELL_PX;
}

/** How far apart (px) two pieces of a line, or a piece of the outline and its corner, may meet and still run on. */
const CHAIN_PX = 6;
/** Bands in a row without such a piece that the outline's run steps over. */
const MAX_CHAIN_GAP = 1;

/**
 * Per band, whether the outline's piece there runs on from a corner, piece after piece: the first's
 * middle within CHAIN_PX of the corner at `corner`, each next one's within CHAIN_PX plus half of
 * MAX_DRIFT_PX of the last one's. The outline passes through the corners it was found by, however a
 * curled page bows it between them. Middles, not ends: a 3-px strip lies on a bold outline at several
 * slants, the least slanted kept, so a piece's ends may miss where the outline crosses the band's edges
 * by a few pixels while its middle does not (on a curled newspaper page, ends 7 px apart lost the
 * outline mid-row, and the bottom row was cut through its digits).
 */
function chainedToCorners(pieces: readonly (Segment | undefined)[], corner: number): boolean[] {
  const linked = new Set<number>();
  const middle = (piece: Segment) => (piece.start + piece.end) / 2;
  for (const [from, step] of [
    [0, 1],
    [pieces.length - 1, -1],
  ] as const) {
    let reached: number | undefined;
    let skipped = 0;
    for (let b = from; b >= 0 && b < pieces.length && skipped <= MAX_CHAIN_GAP; b += step) {
      const piece = pieces[b];
      // A band without a piece that runs on (a digit or glare over the line) is stepped over, once,
      // and the next piece may then have drifted one band's worth further.
      const limit = CHAIN_PX * (1 + skipped) + (reached === undefined ? 0 : MAX_DRIFT_PX / 2);
      if (!piece || Math.abs(middle(piece) - (reached ?? corner)) > limit) {
        skipped++;
        continue;
      }
      linked.add(b);
      reached = middle(piece);
      skipped = 0;
    }
  }
  return pieces.map((_, b) => linked.has(b));
}

/**
 * Drops pieces of a band that leave cells of an implausible size (0.6–1.4 cells) to their
 * neighbours (a missing neighbour counted at its expected place).
 */
function plausibleSegments(lines: (Segment | undefined)[]): (Segment | undefined)[] {
  const middle = (k: number) => {
    const line = lines[k];
    return line ? (line.start + line.end) / 2 : k * CELL_PX;
  };
  const plausible = (gap: number) => gap >= 0.6 * CELL_PX && gap <= 1.4 * CELL_PX;
  return lines.map((line, k) =>
    (k === 0 || plausible(middle(k) - middle(k - 1))) && (k === 9 || plausible(middle(k + 1) - middle(k)))
      ? line
      : undefined,
  );
}

/** Sweeps of `harmonicFill`: each shrinks what is left to settle on the 10×10 lattice by about a tenth. */
const FILL_SWEEPS = 300;

/**
 * The lines' places at every band edge (`known[k][j]`: line k at band edge j), the unknown ones each
 * the mean of its neighbours across and along (a discrete harmonic surface, by Gauss–Seidel sweeps):
 * a line seen in few bands follows both its own pieces and the bow of the lines beside it, as a
 * curled page bends them alike, and a flat page's lines without pieces lie evenly between the known.
 * Lines 0 and 9 (the outline) must be known everywhere.
 */
function harmonicFill(known: readonly (readonly (number | undefined)[])[]): number[][] {
  const place = known.map((line, k) =>
    line.map((v, j) => v ?? known[0]![j]! + (k / 9) * (known[9]![j]! - known[0]![j]!)),
  );
  for (let sweep = 0; sweep < FILL_SWEEPS; sweep++) {
    for (let k = 1; k < 9; k++) {
      for (let j = 0; j < 10; j++) {
        if (known[k]![j] !== undefined) continue;
        const line = place[k]!;
        let sum = place[k - 1]![j]! + place[k + 1]![j]!;
        let count = 2;
        for (const along of [j - 1, j + 1]) {
          if (along < 0 || along > 9) continue;
          sum += line[along]!;
          count++;
        }
        line[j] = sum / count;
      }
    }
  }
  return place;
}

/** One line's place at the 10 band edges from its pieces in the 9 bands: two pieces meeting at an edge are averaged. */
function edges(pieces: readonly (Segment | undefined)[]): (number | undefined)[] {
  return Array.from({ length: 10 }, (_, j) => {
    const ends = [pieces[j - 1]?.end, pieces[j]?.start].filter((v) => v !== undefined);
    return ends.length === 0 ? undefined : ends.reduce((a, v) => a + v, 0) / ends.length;
  });
}

/**
 * `values` with the gaps interpolated between the nearest known values, and held at the nearest
 * before the first and after the last. Undefined when none is known.
 */
function fillGaps(values: readonly (number | undefined)[]): number[] | undefined {
  const known = values.flatMap((v, i) => (v === undefined ? [] : [i]));
  if (known.length === 0) return undefined;
  return values.map((v, i) => {
    if (v !== undefined) return v;
    const before = known.filter((k) => k < i).at(-1);
    const after = known.find((k) => k > i);
    if (before === undefined) return values[after!]!;
    if (after === undefined) return values[before]!;
    const t = (i - before) / (after - before);
    return values[before]! * (1 - t) + values[after]! * t;
  });
}
