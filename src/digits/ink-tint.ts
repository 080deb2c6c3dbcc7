import type { GrayImage } from "../shared/image.ts";
import { median } from "../shared/median.ts";
import { HANDWRITTEN_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";
import { isSurePrint } from "./cell-read.ts";
import type { InkDoubt } from "./empty-cell.ts";
import type { Box } from "./fit-box.ts";

/** A cell's ink colour: [blue–yellow, red–green] chroma per level of darkness; black or gray ink ≈ [0, 0]. */
export type InkTint = readonly [number, number];

/** Cell i's (row-major) [blue–yellow, red–green] `toChroma` planes, cut like its gray tile. */
export type CellColour = (i: number) => readonly [GrayImage, GrayImage];

/** A cell's `InkTint` and the colour of its paper ([blue–yellow, red–green] chroma, 128 = gray). */
export interface CellTint {
  ink: InkTint;
  paper: readonly [number, number];
}

/** Share of the ink box's pixels, darkest first, taken as the strokes' colour. */
const STROKE_SHARE = 0.15;
/** Share of the cell's pixels, brightest first, taken as its paper. */
const PAPER_SHARE = 0.3;
/** Below this darkness (levels of 255) the strokes are too faint for their colour to mean anything. */
const MIN_DARKNESS = 24;

/**
 * The colour of a cell's ink against its own paper, divided by how much darker the ink is: a blurred
 * or thin stroke mixes with the paper and pales, but keeps its hue, and a tinted light or paper
 * shifts every cell of the grid alike.
 * @param tile the cell's gray pixels; `chroma` the same cell's `toChroma` planes
 * @param box the kept ink's bounds in the cell (`prepareCell`)
 */
export function inkTint(
  tile: GrayImage,
  chroma: readonly [GrayImage, GrayImage],
  box: Box,
): CellTint | undefined {
  const inBox: number[] = [];
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) inBox.push(y * tile.width + x);
  }
  const strokes = extremeMean(tile, chroma, inBox, STROKE_SHARE, "darkest");
  const paper = extremeMean(tile, chroma, [...tile.data.keys()], PAPER_SHARE, "brightest");
  const darkness = paper.level - strokes.level;
  if (darkness < MIN_DARKNESS) return undefined;
  return {
    ink: [(strokes.chroma[0] - paper.chroma[0]) / darkness, (strokes.chroma[1] - paper.chroma[1]) / darkness],
    paper: paper.chroma,
  };
}

/**
 * Each cell's `inkTint`, row-major; undefined where no ink was kept, and where the ink is below the
 * contrast bar (`InkDoubt` "weak"): a digit washed out by glare is mostly paper, and its colour says
 * little (on a dev photo a red 1 glared pale measured as a pen's colour, and became an entry).
 * @param colourOf cell i's `toChroma` planes, cut like `tiles`: asked for only where a tint is measured
 * @param boxes the kept ink's bounds in each cell (`prepareCell`)
 * @param doubts the grid-level ink check of each cell (`inkDoubts`)
 */
export function cellTints(
  tiles: readonly GrayImage[],
  colourOf: CellColour,
  boxes: readonly (Box | undefined)[],
  doubts: readonly InkDoubt[],
): (CellTint | undefined)[] {
  return tiles.map((tile, i) => {
    const box = boxes[i];
    return box && doubts[i] !== "weak" ? inkTint(tile, colourOf(i), box) : undefined;
  });
}

/**
 * Mean gray level and chroma of the darkest or brightest `share` of the pixels `at` (by gray level;
 * a level's pixels are taken whole, so a little more than the share), by histogram rather than sort.
 */
function extremeMean(
  tile: GrayImage,
  chroma: readonly [GrayImage, GrayImage],
  at: readonly number[],
  share: number,
  end: "darkest" | "brightest",
): { level: number; chroma: [number, number] } {
  const counts = new Uint32Array(256);
  for (const i of at) counts[tile.data[i]!]!++;
  const wanted = Math.max(1, Math.round(share * at.length));
  let cut = end === "darkest" ? 0 : 255;
  const step = end === "darkest" ? 1 : -1;
  for (let seen = counts[cut]!; seen < wanted; seen += counts[cut]!) cut += step;
  let n = 0;
  let level = 0;
  let blueYellow = 0;
  let redGreen = 0;
  for (const i of at) {
    const v = tile.data[i]!;
    if (end === "darkest" ? v > cut : v < cut) continue;
    n++;
    level += v;
    blueYellow += chroma[0].data[i]!;
    redGreen += chroma[1].data[i]!;
  }
  return { level: level / n, chroma: [blueYellow / n, redGreen / n] };
}

/**
 * A digit whose tint lies this far toward a pen's colour from the grid's print is another ink. Picked
 * on the generated seeds kept for tuning: on 300 half-filled photos (9003) `givenGridAccuracy` went
 * 63.7 → 70.3 % (68.7 % at 0.25, 71.3 % at 0.12) and `phantomGivens` 116 → 84 with no printed digit
 * more taken for an entry; on 400 printed-only ones (9004) none more either (2 more at 0.12).
 */
const TINT_APART = 0.18;
/**
 * …when the CNN gave it at least this handwritten share. Without this bar, 6 printed digits of the dev
 * photos became entries: a cell half in a shadow's colour cast, thin red print paler in chroma than
 * in gray (JPEG keeps colour at half resolution).
 */
const MIN_HAND_SHARE = 0.02;
/**
 * A digit the CNN is sure is print is another ink only when its tint lies this many times farther
 * from the print's colour than most of the print does (`SPREAD_SHARE`), and at least `TINT_APART`:
 * a neat hand in a vivid pen looks printed. Real pages vary with the light: the dev photos' print
 * spreads 0.10–0.16 and no printed digit there lies beyond 2.3 spreads; on the half-filled tuning seed
 * (9003) the pen entries the CNN took for print lay 13–20 spreads out, the print within 2.9.
 */
const FAR_BEYOND_SPREAD = 6;
/**
 * A digit the CNN doubts (`MIN_HAND_SHARE`) is another ink already this many times farther from the
 * print's colour than most of the print lies, and at least `MIN_TINT_APART`, when that is less than
 * `TINT_APART`: blur and low resolution dilute a pen's colour, while print of one ink agrees closely.
 * On the half-filled tuning seed (9003), 8 more entries (pens at 0.08–0.18 from the print) in 4 photos,
 * 2 of which then had every given right, and no printed digit there or on 9004: the closest lay at 0.7
 * of its bar. Pages that spread with the light (the dev photos' print: 0.10–0.16) keep `TINT_APART`.
 */
const DOUBTED_SPREADS = 4;
const MIN_TINT_APART = 0.08;
/**
 * …on the grid's own paper: within this much chroma (levels) of the sure print's paper. An app's
 * highlighted cell (light blue behind a black 7, 21 levels off) shifts the ink's tint against it toward
 * a pen's; uneven light and a red stroke's colour bleeding into a small photo's paper moved cells' paper
 * up to 6.3 levels.
 */
const PAPER_APART = 12;
/** Share of the sure printed tints whose distance from their median sets the print's spread. */
const SPREAD_SHARE = 0.9;
/** Sure printed tints needed to know the print's colour. */
const MIN_PRINTED = 5;
/** The print must agree with itself: most printed tints (this share) within half the bar of their median. */
const PRINT_AGREEMENT = 0.8;

/**
 * Print shares one ink: a digit the CNN calls printed whose ink is of another colour than the grid's
 * sure printed digits (blue or red pen on black print) is written by hand.
 * @param tintsOf each cell's `inkTint`, row-major like `cells`; called only when some digit is read as
 *   print (the colour planes cost a warp of the photo)
 * @returns the reads, with such givens' handwritten share raised to at least `HANDWRITTEN_THRESHOLD`
 */
export function checkGivensAgainstInkColour(
  cells: readonly CellRead[],
  tintsOf: () => readonly (CellTint | undefined)[],
): CellRead[] {
  const printedDigit = (cell: CellRead) => cell.digit !== 0 && !isHandwritten(cell);
  if (!cells.some(printedDigit)) return [...cells];
  const tints = tintsOf();
  const printedCells = cells.flatMap((cell, i) => {
    const tint = tints[i];
    return isSurePrint(cell) && tint ? [tint] : [];
  });
  if (printedCells.length < MIN_PRINTED) return [...cells];
  const printed = printedCells.map((t) => t.ink);
  const print: InkTint = [median(printed.map((t) => t[0])), median(printed.map((t) => t[1]))];
  const paper = [0, 1].map((k) => median(printedCells.map((t) => t.paper[k]!)));
  const onPaper = (t: CellTint) => t.paper.every((v, k) => Math.abs(v - paper[k]!) <= PAPER_APART);
  const apart = (t: InkTint) => Math.max(Math.abs(t[0] - print[0]), Math.abs(t[1] - print[1]));
  // Toward a pen's colour: bluer, redder or greener. A yellower cell is lit otherwise (a shadow's edge,
  // a lamp), as a dev photo showed: no pen writes yellower than black print.
  const towardPen = (t: InkTint) => Math.max(t[0] - print[0], Math.abs(t[1] - print[1]));
  const agreeing = printed.filter((t) => apart(t) <= TINT_APART / 2).length;
  if (agreeing < PRINT_AGREEMENT * printed.length) return [...cells];
  const spreads = printed.map(towardPen).sort((a, b) => a - b);
  const spread = spreads[Math.floor(SPREAD_SHARE * (spreads.length - 1))]!;
  return cells.map((cell, i) => {
    const tint = tints[i];
    if (!printedDigit(cell) || !tint) return cell;
    const distance = towardPen(tint.ink);
    const doubted = (cell.handwritten ?? 0) >= MIN_HAND_SHARE;
    const bar = !doubted
      ? Math.max(TINT_APART, FAR_BEYOND_SPREAD * spread)
      : onPaper(tint)
        ? Math.min(TINT_APART, Math.max(MIN_TINT_APART, DOUBTED_SPREADS * spread))
        : TINT_APART;
    return distance >= bar
      ? { ...cell, handwritten: Math.max(HANDWRITTEN_THRESHOLD, Math.min(1, distance / (2 * TINT_APART))) }
      : cell;
  });
}
