import type { GrayImage } from "../shared/image.ts";
import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../shared/reading.ts";
import type { PreparedCell } from "./preprocess.ts";
import { MIN_TWIN_MATCH, pairMatch, printedTwins } from "./typeface-check.ts";

/**
 * A cell read as empty is read by its grid's typeface when it matches a printed digit's sure twins within
 * this much of how well the grid's print matches itself (`printConsensus`)…
 */
const EMPTY_SLACK = 0.08;
/** …and the twins of every other digit at least this much worse. */
const EMPTY_MARGIN = 0.03;
/**
 * A doubted printed read, when within this much of the consensus (the CNN saw a digit there: overruling
 * it takes more; a dev photo's 6 matched the 8s at 0.90, its own 6s at 0.84, in print matching itself
 * at 0.97)…
 */
const DIGIT_SLACK = 0.05;
/** …and the twins of the digit the CNN read at least this much worse. */
const DIGIT_MARGIN = 0.03;
/**
 * Only a glyph whose ink box is as tall and as wide as the twin's within this share is compared with it:
 * a speck or a stroke fits inside any glyph, and the edge of a band of shadow across a cell is as tall
 * as a digit but spans the cell.
 */
const SIZE_TOLERANCE = 0.25;

/** A cell read by its grid's own print: the digit whose sure printed twins it matches, and how well. */
export interface TypefaceRead {
  cell: number;
  digit: number;
  /** The best match with a twin of `digit` (normalised cross-correlation). */
  match: number;
}

/**
 * The grid's own print as a second reader for what the CNN doubts. The CNN sees one cell, normalised; in
 * a low-resolution or shaded photo a printed stroke spreads into a blob that it reads as empty, or as a
 * digit of like outline (a 4 as a 6), while the grid's other givens, in the same typeface, size and ink
 * and blurred alike, still look like it. Compared with every sure printed glyph of the grid
 * (`printedTwins`, `pairMatch`), a doubted cell is that digit when it matches the digit's twins about
 * as well as the print matches itself and clearly better than any other digit's: ink that passed the
 * ink test yet was read as empty, or a printed read whose own digit's twins it matches clearly worse.
 * A handwritten entry is never this close to the print (see `TWIN_SLACK`), nor a speck or pencilled
 * candidate, which is smaller than the print.
 * @param inked per cell, whether the ink test kept a digit's worth of ink there (no grid-level doubt)
 * @param consensus `printConsensus` of the grid; without it nothing is read
 * @returns the cells read so, in cell order
 */
export function typefaceReads(
  cells: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  inked: readonly boolean[],
  consensus: number | undefined,
): TypefaceRead[] {
  if (consensus === undefined) return [];
  const { printed } = printedTwins(cells, tiles, prepared);
  // Every tile is cut at one size, so the ink's shares of it compare as its pixels would.
  const alike = (i: number, j: number) => {
    const [a, b] = [prepared[i]!.shape!, prepared[j]!.shape!];
    const near = (x: number, y: number) => Math.abs(x / y - 1) <= SIZE_TOLERANCE;
    return near(a.height, b.height) && near(a.width, b.width);
  };
  return cells.flatMap((cell, i) => {
    const empty = cell.digit === 0;
    const open = empty ? inked[i]! : !isHandwritten(cell);
    if (!open || cell.confidence >= DOUBT_THRESHOLD || !prepared[i]!.box) return [];
    const byDigit = new Map<number, number>();
    for (const j of printed) {
      if (j === i || !alike(i, j)) continue;
      const digit = cells[j]!.digit;
      byDigit.set(digit, Math.max(byDigit.get(digit) ?? -1, pairMatch(tiles, prepared, i, j, false)));
    }
    const [best, second] = [...byDigit].sort((a, b) => b[1] - a[1]);
    const bar = Math.max(MIN_TWIN_MATCH, consensus - (empty ? EMPTY_SLACK : DIGIT_SLACK));
    if (!best || best[1] < bar || best[0] === cell.digit) return [];
    // A doubted digit is overruled only by twins: its own digit's, when the grid prints it.
    const rival = empty ? (second?.[1] ?? -1) : byDigit.get(cell.digit);
    if (rival === undefined) return [];
    return best[1] - rival >= (empty ? EMPTY_MARGIN : DIGIT_MARGIN)
      ? [{ cell: i, digit: best[0], match: best[1] }]
      : [];
  });
}
