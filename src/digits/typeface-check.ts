import { cropGray, scaleGray, type GrayImage } from "../shared/image.ts";
import { summedArea, windowSum } from "../shared/summed-area.ts";
import {
  DOUBT_THRESHOLD,
  HANDWRITTEN_THRESHOLD,
  isHandwritten,
  type CellRead,
  type IsPrint,
} from "../shared/reading.ts";
import { isSurePrint } from "./cell-read.ts";
import { prepareCellWith, type PreparedCell } from "./preprocess.ts";
import { median } from "../shared/median.ts";
import { paperFlattened } from "./ink.ts";

/** Paper kept around a sample glyph, in pixels: the match then also checks the glyph's outline. */
const SAMPLE_MARGIN = 2;
/**
 * Pixels by which a glyph may stick out of the ink box of the cell it is sought in (thresholds differ by
 * cell). Searching the whole cell instead demoted 5 more of the 116 printed digits that 300 generated
 * half-filled photos read as entries (glyphs cut by the cell's edge) at about 6× the time: a photo with
 * 15 entries then took up to 270 ms more, against 70 ms.
 */
const BOX_SLACK = 3;
/**
 * An entry matching one of its grid's printed glyphs at least this well (normalised cross-correlation,
 * at the glyph's printed size, within the cell's ink) is print. Measured with the k-fold models: the 5
 * printed digits that dev and wild read as entries (mostly a glyph with a grid-line corner or a stray
 * mark beside it) matched at ≥ 0.94. On 300 generated half-filled photos of a tuning seed (9003), of
 * the 693 handwritten entries dark enough to be compared, none matched at 0.88 or above (3 at
 * 0.85–0.88), while 8 of the 33 printed digits read as entries matched at 0.88 or above (3 of them
 * below 0.92, the bar before).
 */
export const TYPEFACE_MATCH = 0.88;
/**
 * …or within this much of how well the grid's print matches itself (`printConsensus`), when that is
 * lower: blur or curl makes print unlike print. On 9003 the compared entries matched at least 0.10
 * below their grid's consensus; this bar gave back 14 instead of 9 of the 34 printed digits read as
 * entries (at consensus 0.78–0.89), and took no entry.
 */
const CONSENSUS_SLACK = 0.05;
/** …but never below this: a grid whose print matches itself worse is no reference. */
const MIN_TYPEFACE_MATCH = 0.75;
/**
 * …and only when its strokes are at least this dark relative to the samples' (median): print shares
 * one ink, so a pencilled entry that happens to match a glyph's shape stays an entry. But one ink is
 * not one gray: a blurred dev photo's corner 7, in the lens's vignette, lay at 0.74 (0.8 before). On
 * 300 half-filled photos of the tuning seed 9003, no entry matched the print above the bar at any
 * darkness, and of the 16 printed digits read as entries that did, one lay at 0.7–0.8 and one at
 * 0.5–0.6; the printed-only seed 9004 had none below 0.8.
 */
const MIN_RELATIVE_STROKE = 0.7;

/**
 * An entry that matches one of its printed twins (its digit printed elsewhere in the grid, both ways
 * as `printConsensus` compares them) within this much of how well the grid's print matches itself is
 * print, however pale: no hand copies a typeface that closely, while glare and blur pale print and the
 * glyph-in-box search above can miss a twin a pixel larger than the entry's ink. On the tuning seeds,
 * printed digits read as entries 31 → 24 on 300 half-filled photos (9003; givens right 84.0 → 85.3 %)
 * and 9 → 3 on 300 printed-only ones (9004), no entry read as print; with the stroke bar above
 * applied to this match too, 9003 gained 1 photo instead of 4.
 */
const TWIN_SLACK = 0.05;
/** …and at least this well: a grid whose print matches itself worse is no reference. */
export const MIN_TWIN_MATCH = 0.8;
/**
 * An entry the CNN gives a handwritten share below this is also compared with its twins at other sizes
 * and offsets (`pairMatch`, slower): of the printed digits that 1,000 printed photos (9001) read as a
 * grid's only entry or two, 19 of 22 lay below it; most entries of half-filled photos (9002) above 0.96.
 */
const RETRIED_ENTRY = 0.95;

interface TypefaceSample {
  glyph: GrayImage;
  strokeContrast: number;
}

/**
 * The grid's own context for the kind of ink: the givens of one puzzle share one typeface, size and
 * ink, and a digit the CNN calls handwritten that matches one of them is a given after all (the CNN
 * sees one normalised cell, and a printed glyph with a line remnant beside it looks drawn by hand):
 * one that matches its printed twins about as well as the print matches itself (`TWIN_SLACK`), or,
 * when as dark as the print, any printed glyph well enough (`TYPEFACE_MATCH`).
 * @param cells the reads, row-major
 * @param tiles the cells as cut from the warped grid, upright, in the same order
 * @param prepared `prepareCell` of each tile
 * @param consensus `printConsensus` of the grid
 * @returns the reads, with such entries' handwritten share lowered to 1 − the match
 */
export function checkEntriesAgainstTypeface(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  consensus: number | undefined,
): CellRead[] {
  const samples = typefaceSamples(cells, tiles, prepared);
  if (samples.length === 0) return [...cells];
  const typicalStroke = median(samples.map((s) => s.strokeContrast));
  const bar =
    consensus === undefined
      ? TYPEFACE_MATCH
      : Math.max(MIN_TYPEFACE_MATCH, Math.min(TYPEFACE_MATCH, consensus - CONSENSUS_SLACK));
  const twinBar = consensus === undefined ? Infinity : printedTwinBar(consensus);
  const { twins, bestTwinMatch } = printedTwins(cells, tiles, prepared);
  return cells.map((cell, i) => {
    const { shape, box } = prepared[i]!;
    if (!isHandwritten(cell) || !shape || !box) return cell;
    const sure = twins(i);
    const others = sure.length > 0 ? sure : doubtedTwins(cells, prepared, i);
    const compared = others.length > 0 && twinBar <= 1;
    const plainMatch = compared ? bestTwinMatch(i, others) : -1;
    // A glyph unlike its twins that the CNN doubts is handwriting is sought again at other sizes and
    // offsets (slower): a sure entry, the many, is not.
    const twinMatch =
      compared && plainMatch < twinBar && (cell.handwritten ?? 0) < RETRIED_ENTRY
        ? bestTwinMatch(i, others, true)
        : plainMatch;
    if (twinMatch >= twinBar) return { ...cell, handwritten: 1 - twinMatch };
    if (shape.strokeContrast < MIN_RELATIVE_STROKE * typicalStroke) return cell;
    // A printed glyph lies within the cell's ink (which may add a remnant beside it): only there is it sought.
    const inked = cropGray(tiles[i]!, box, SAMPLE_MARGIN + BOX_SLACK);
    const match = Math.max(...samples.map((s) => bestMatch(inked, s.glyph)));
    return match >= bar ? { ...cell, handwritten: 1 - match } : cell;
  });
}

/**
 * The other cells read surely as cell `i`'s digit and as print, though with some handwritten share (so
 * not `isSurePrint`): when no sure print shares an entry's digit, these stand in as its twins. A
 * typewriter face's 3 looked drawn to the CNN in all three cells of a generated photo (handwritten share
 * 0.25, 0.27 and, taken for an entry, 0.67).
 */
function doubtedTwins(cells: readonly CellRead[], prepared: readonly PreparedCell[], i: number): number[] {
  return cells.flatMap((cell, j) =>
    j !== i &&
    cell.digit === cells[i]!.digit &&
    cell.confidence >= DOUBT_THRESHOLD &&
    !isHandwritten(cell) &&
    prepared[j]!.box
      ? [j]
      : [],
  );
}

/**
 * A printed read at least this likely (`COMPARED_P`) that the CNN gives at least this handwritten share
 * is checked against its digit's print…
 * Entries the CNN takes for print (a neat black hand) get a median share of 0.17, a quarter of them
 * under 0.04; one printed digit in twenty gets over 0.03. Lowered from 0.2 on the tuning seeds:
 * half-filled (9003) photos with their givens right 72.7 → 74.0 %, printed digits taken for entries
 * 48 → 50; printed-only (9004) 24 → 29 such digits, one of them in a photo read right before.
 */
const DOUBTED_PRINT = 0.05;
/**
 * …or, however sure the CNN is of print, whose strokes are less than this share as dark as the sure
 * print's (median): a pencilled entry in a neat hand. On the half-filled seeds, tuning (9003) and
 * benchmark (9002) alike, 3 more photos of 300 had their givens right (4 gained, 1 lost: print paled
 * by shadow or glare and unlike its twins); printed digits taken for entries +2 on 9003 and 9002, +1
 * on the printed-only 9004 (a glared app screen), 0 on 1,000 printed (9001), dev and wild. 0.6
 * gained 1 photo.
 */
const PALE_PRINT = 0.75;
/**
 * …when the CNN gives its digit at least this probability: a digit it doubts more may be the wrong
 * one, and so unlike its print. On 300 half-filled photos of the tuning seed 9003, checking reads from
 * 0.5 instead of only sure ones (0.9) turned 76 instead of 55 of the 122 entries read as print into
 * entries, and still 1 of the 9,156 givens.
 */
const COMPARED_P = 0.5;
/**
 * …and is an entry when it matches none of the grid's other sure printed glyphs of that digit within
 * this much of how well the grid's print matches itself (`printConsensus`). On 300 half-filled
 * photos of the tuning seed 9003, nine in ten compared entries matched their digit's print at ≤ 0.80,
 * while the grids' consensus lay at 0.91–0.98 (tenth to ninetieth percentile): a fixed bar of 0.75
 * turned 79 of the 114 entries read as print into entries, this one 92, with still 1 given; on 400
 * printed-only photos (9004), 3 givens instead of 2.
 */
const PRINT_MATCH_GAP = 0.15;
/**
 * …provided the grid's print matches itself at least this well (`printConsensus`): blur, curl or
 * uneven light can make print unlike print.
 * Picked on generated photos of seeds kept for tuning: on 300 half-filled (9003), 38 entries and 3
 * givens were turned into entries (40 and 7 without this bar; 44 and 8 at a match of 0.8); on 400
 * printed-only (9004), 1 given (4 without it).
 */
const MIN_PRINT_CONSENSUS = 0.9;

const DIGITS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * The other direction: a digit the CNN calls printed (`COMPARED_P`), with some doubt (`DOUBTED_PRINT`), in
 * pale ink (`PALE_PRINT`) or of a doubtful digit (`DOUBT_THRESHOLD`), that looks like none of the grid's sure
 * printed glyphs of the same digit, nor like its print of another digit, is written by hand (the CNN, seeing
 * one cell, takes a neat hand for print).
 * @param consensus `printConsensus` of the grid
 * @returns the reads, with such givens' handwritten share raised to 1 − the best match
 */
export function checkGivensAgainstTypeface(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  consensus: number | undefined,
): CellRead[] {
  if (consensus === undefined || consensus < MIN_PRINT_CONSENSUS) return [...cells];
  const { printed, twins, bestTwinMatch } = printedTwins(cells, tiles, prepared);
  const typicalStroke = median(printed.flatMap((j) => prepared[j]!.shape?.strokeContrast ?? []));
  // The tiles with their paper flattened (`paperFlattened`), each on first need: only a given about to be
  // turned into an entry, and its twins, are compared so, the given within its step-free ink box.
  const flat = [...tiles];
  const isFlat = new Set<number>();
  const flatTwinMatch = (i: number, others: readonly number[]) => {
    for (const j of [i, ...others].filter((j) => !isFlat.has(j))) {
      flat[j] = paperFlattened(tiles[j]!);
      isFlat.add(j);
    }
    const stepFree = prepareCellWith(tiles[i]!, { estimate: "closed" });
    if (!stepFree.box) return -1;
    const boxes = prepared.map((cell, j) => (j === i ? stepFree : cell));
    return Math.max(...others.map((j) => pairMatch(flat, boxes, i, j, true)));
  };
  return cells.map((cell, i) => {
    const doubted = (cell.handwritten ?? 0) >= DOUBTED_PRINT;
    const pale = (prepared[i]!.shape?.strokeContrast ?? Infinity) < PALE_PRINT * typicalStroke;
    // …or, however sure of print and however dark, whose digit the CNN doubts: a neat hand is off the
    // typeface it knows in shape as well. Of the 9 entries that the half-filled tuning seed 9003 read as
    // sure, dark print, 3 were so doubted and unlike their twins (a thick pen 1, a round 9, a 7 read as a
    // 1); of its 21 so doubted givens (17 on the printed-only 9004), none lay within 0.12 of the bar.
    const unsure = cell.confidence < DOUBT_THRESHOLD;
    if (
      cell.digit === 0 ||
      isHandwritten(cell) ||
      !(doubted || pale || unsure) ||
      cell.confidence < COMPARED_P ||
      !prepared[i]!.box
    ) {
      return cell;
    }
    const others = twins(i);
    if (others.length === 0) return cell;
    const match = bestTwinMatch(i, others);
    if (match >= consensus - PRINT_MATCH_GAP) return cell;
    // Unlike its twins as cut, it is print still if at another size or offset it matches one as closely as
    // the print matches itself (a looser bar there let neat entries pass for print).
    if (bestTwinMatch(i, others, true) >= consensus - TWIN_SLACK) return cell;
    // Nor when it does so with the paper under both flattened: a shadow's edge across a glyph, dark on one
    // side, breaks its match. A printed 5 so crossed matched its twins at 0.74–0.76 as cut and 0.92–0.93
    // flattened, in a grid whose print matched itself at 0.97.
    if (flatTwinMatch(i, others) >= consensus - TWIN_SLACK) return cell;
    // Nor when it is the grid's print of another digit: misread print stays print, for the typeface read to
    // mend (a printed 5 of a 240-px photo read as a 3 at 0.71 would have become an entry).
    const misread = DIGITS.some((digit) => {
      const print = digit === cell.digit ? [] : twins(i, digit);
      return print.length > 0 && bestTwinMatch(i, print) >= consensus - PRINT_MATCH_GAP;
    });
    if (misread) return cell;
    return { ...cell, handwritten: Math.max(HANDWRITTEN_THRESHOLD, 1 - match) };
  });
}

/**
 * A glyph compared with a printed digit by `printOfDigit` is at least this share as tall as that print
 * (its ink box may be taller, with a line remnant): a small glyph can match part of a larger one as
 * closely as print matches itself. On the half-filled tuning seed 9003, a blurred pencilled candidate 6 at
 * 0.7 of the print's height matched a printed 6 at 0.95 so; a printed 7 in shadow, whose faint bar its ink
 * box left out (0.82), is refused with it.
 */
const MIN_PRINT_HEIGHT = 0.85;

/**
 * Whether cell `i`'s glyph is its grid's print of `digit`, whatever the CNN read there: it matches a sure
 * printed `digit` of the grid, at the twins' sizes and offsets (`pairMatch`), within `TWIN_SLACK` of how
 * well the grid's print matches itself (and at least `MIN_TWIN_MATCH`), as an entry must to be print; or
 * its tile holds that print (`printInTile`).
 * @param consensus `printConsensus` of the grid: without it, nothing is print
 */
export function printOfDigit(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  consensus: number | undefined,
): IsPrint {
  if (consensus === undefined) return () => false;
  const bar = printedTwinBar(consensus);
  const { twins } = printedTwins(cells, tiles, prepared);
  const inTile = printInTile(cells, tiles, prepared, consensus);
  const height = (i: number) => prepared[i]!.box!.y1 - prepared[i]!.box!.y0 + 1;
  return (i, digit) =>
    (prepared[i]!.box !== undefined &&
      twins(i, digit).some(
        (j) => height(i) >= MIN_PRINT_HEIGHT * height(j) && pairMatch(tiles, prepared, i, j, true) >= bar,
      )) ||
    inTile(i, digit);
}

/**
 * A twin sought anywhere in a tile (`twinInTile`) must match at least this well: placed anywhere, it finds
 * more chances. Grain in a blank cell of a blurred 640×480 page followed a printed 9 at 0.79, just under the
 * bar of 0.80 that its grid's print, matching itself at 0.85, set; the cut-off and blurred glyphs it is for
 * matched at 0.87–0.95.
 */
const MIN_TILE_MATCH = 0.85;

/**
 * Whether cell `i`'s tile holds its grid's print of `digit`, whatever ink the cell cleaner kept there: a
 * sure printed `digit` of the grid is found in it (`twinInTile`) within `TWIN_SLACK` of how well the print
 * matches itself, and at least `MIN_TILE_MATCH`. Unlike `printOfDigit`'s match of the kept ink, which is
 * also sought within the twin, a glyph smaller than the print (a pencilled candidate, grain kept as ink)
 * cannot pass.
 * @param consensus `printConsensus` of the grid: without it, nothing is print
 */
export function printInTile(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  consensus: number | undefined,
): IsPrint {
  if (consensus === undefined) return () => false;
  const tileBar = Math.max(printedTwinBar(consensus), MIN_TILE_MATCH);
  const { twins } = printedTwins(cells, tiles, prepared);
  return (i, digit) => twins(i, digit).some((j) => twinInTile(tiles, prepared, i, j) >= tileBar);
}

/**
 * How well printed glyph `j` matches anywhere in cell `i`'s tile, whatever ink the cleaner kept there: a
 * stroke the threshold broke off the glyph (a 7's bar, a 5's flag) is dropped with line remnants, and the
 * CNN then reads what is left (a 1, a 2), while the whole print is still in the tile. Only the full-sized
 * twin is sought: a smaller glyph (a pencilled candidate) cannot hold it.
 */
function twinInTile(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  i: number,
  j: number,
): number {
  return bestMatch(tiles[i]!, cropGray(tiles[j]!, prepared[j]!.box!, SAMPLE_MARGIN));
}

/** How well a glyph must match a printed twin to be print: `TWIN_SLACK` under the grid's `consensus`. */
function printedTwinBar(consensus: number): number {
  return Math.max(MIN_TWIN_MATCH, consensus - TWIN_SLACK);
}

/**
 * How well the grid's print matches itself: the median, over sure printed glyphs with a printed twin
 * (the same digit elsewhere), of the best twin match; undefined when no digit is printed twice.
 */
export function printConsensus(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
): number | undefined {
  const { printed, twins, bestTwinMatch } = printedTwins(cells, tiles, prepared);
  const mutual = printed.flatMap((i) => {
    const others = twins(i);
    return others.length > 0 ? [bestTwinMatch(i, others)] : [];
  });
  return mutual.length > 0 ? median(mutual) : undefined;
}

/**
 * The sure printed reads with an ink box, each cell's printed twins among them (the other sure prints of
 * its digit, or of `digit`), and the best twin match.
 */
export function printedTwins(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
) {
  const printed = cells.flatMap((cell, i) => (isSurePrint(cell) && prepared[i]!.box ? [i] : []));
  const twins = (i: number, digit = cells[i]!.digit) =>
    printed.filter((j) => j !== i && cells[j]!.digit === digit);
  const bestTwinMatch = (i: number, others: readonly number[], tolerant = false) =>
    Math.max(...others.map((j) => pairMatch(tiles, prepared, i, j, tolerant)));
  return { printed, twins, bestTwinMatch };
}

/**
 * Sizes (relative) at which a glyph is also sought in its twin's cell, when it is unlike it as cut: each
 * cell is resampled to one size from the quad between the grid lines found around it, and a cell that a
 * line found a few pixels off makes wider or narrower than its neighbours scales its glyph by as much.
 * Two printed 3s of one grid whose tiles differed by 5 % in scale matched at 0.68 (0.97 at that scale), and
 * the one the CNN slightly doubted was taken for an entry.
 */
const TWIN_SCALES = [1, 0.95, 1.05];
/**
 * …and pixels by which it may then stick out of the ink box it is sought in: either glyph's box may have
 * lost a stroke's end to thresholding (that 3's arc, broken off, moved it 5 px).
 */
const TWIN_BOX_SLACK = 6;

/**
 * How alike the inked glyphs of cells `i` and `j` are: each is sought within the other's ink box
 * and the better match counts, since a remnant beside either glyph breaks only one direction.
 * @param tolerant also at `TWIN_SCALES` and `TWIN_BOX_SLACK` (about ten times the work)
 */
export function pairMatch(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  i: number,
  j: number,
  tolerant: boolean,
): number {
  let byTiles = pairMatches.get(tiles);
  if (!byTiles) pairMatches.set(tiles, (byTiles = new WeakMap()));
  let matches = byTiles.get(prepared);
  if (!matches) byTiles.set(prepared, (matches = new Map()));
  // The match is symmetric in i and j.
  const key = ((Math.min(i, j) * tiles.length + Math.max(i, j)) << 1) | (tolerant ? 1 : 0);
  let match = matches.get(key);
  if (match === undefined) matches.set(key, (match = measuredPairMatch(tiles, prepared, i, j, tolerant)));
  return match;
}

/**
 * `pairMatch` results by the cells they compare: the checks of one read (the consensus, entries, givens,
 * typeface reads, print of a digit) ask for most pairs twice or more, and the matches are half the time
 * of its typeface checks.
 */
const pairMatches = new WeakMap<
  readonly GrayImage[],
  WeakMap<readonly PreparedCell[], Map<number, number>>
>();

function measuredPairMatch(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  i: number,
  j: number,
  tolerant: boolean,
): number {
  const a = prepared[i]!.box!;
  const b = prepared[j]!.box!;
  const slack = SAMPLE_MARGIN + (tolerant ? TWIN_BOX_SLACK : BOX_SLACK);
  const scales = tolerant ? TWIN_SCALES : [1];
  const sought = (image: GrayImage, glyph: GrayImage) =>
    Math.max(...scales.map((scale) => bestMatch(image, scale === 1 ? glyph : scaleGray(glyph, scale))));
  return Math.max(
    sought(cropGray(tiles[i]!, a, slack), cropGray(tiles[j]!, b, SAMPLE_MARGIN)),
    sought(cropGray(tiles[j]!, b, slack), cropGray(tiles[i]!, a, SAMPLE_MARGIN)),
  );
}

/** Per digit, the surest printed read of it (when sure enough), cut out around its ink. */
function typefaceSamples(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
): TypefaceSample[] {
  const best = new Map<number, number>();
  cells.forEach((cell, i) => {
    if (!isSurePrint(cell) || !prepared[i]!.box) return;
    const known = best.get(cell.digit);
    if (known === undefined || cells[known]!.confidence < cell.confidence) best.set(cell.digit, i);
  });
  return [...best.values()].map((i) => ({
    glyph: cropGray(tiles[i]!, prepared[i]!.box!, SAMPLE_MARGIN),
    strokeContrast: prepared[i]!.shape!.strokeContrast,
  }));
}

/**
 * Best normalised cross-correlation of `template` placed anywhere inside `image` (−1 when it does
 * not fit or either is flat). Window sums come from summed-area tables, so a placement costs one pass
 * over the template.
 */
export function bestMatch(image: GrayImage, template: GrayImage): number {
  const { width: tw, height: th } = template;
  const { width: w, height: h } = image;
  if (tw > w || th > h) return -1;
  const n = tw * th;
  let tSum = 0;
  for (const v of template.data) tSum += v;
  const tMean = tSum / n;
  const centred = Float32Array.from(template.data, (v) => v - tMean);
  let tNorm = 0;
  for (const v of centred) tNorm += v * v;
  if (tNorm === 0) return -1;
  const sums = summedArea(image);
  const squares = summedArea(image, (v) => v * v);
  let best = -1;
  for (let y = 0; y + th <= h; y++) {
    for (let x = 0; x + tw <= w; x++) {
      const s = windowSum(sums, x, y, x + tw, y + th);
      const variance = windowSum(squares, x, y, x + tw, y + th) - (s * s) / n;
      if (variance <= 0) continue;
      // The template is centred, so the window's mean drops out of the product.
      let dot = 0;
      for (let ty = 0; ty < th; ty++) {
        const row = (y + ty) * w + x;
        const tRow = ty * tw;
        for (let tx = 0; tx < tw; tx++) dot += centred[tRow + tx]! * image.data[row + tx]!;
      }
      best = Math.max(best, dot / Math.sqrt(variance * tNorm));
    }
  }
  return best;
}
