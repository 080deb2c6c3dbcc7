import { median } from "../shared/median.ts";
import {
  HANDWRITTEN_THRESHOLD,
  hasSureEntry,
  withConfidenceAtMost,
  type CellRead,
} from "../shared/reading.ts";
import { digitProbabilities, handwrittenShare } from "./classes.ts";
import { CANDIDATE_COUNT, isSurePrint } from "./cell-read.ts";
import type { CellProbabilities } from "./classifier.ts";
import type { InkDoubt, InkShape } from "./empty-cell.ts";

/**
 * The CNN's probability, at least, of the digit the givens' solution puts in a cell read as empty for
 * that cell's pale ink to be taken as a pencilled entry of it. On 300 generated half-filled photos of the
 * tuning seed 9003, 142 entries were read as empty; 39 of print size held the solution's digit at 0.3 or
 * more, read as handwriting, against 6 blank cells (creases read as 1 or 7, a speck, a lone candidate).
 */
const MIN_SOLUTION_DIGIT_P = 0.3;
/**
 * …or at least this probability when the CNN is all but sure the ink is handwriting (`SURE_HAND`): pale
 * pen or pencil often spreads the CNN's belief over several digits while it still reads a hand. On the
 * tuning seed 9003, 4 more such entries of the solution's digit at 0.2–0.3, and no blank cell; at 0.15,
 * 7 more and 2 blank cells.
 */
const MIN_HAND_DIGIT_P = 0.2;
/** …the handwritten share (for that digit) above which `MIN_HAND_DIGIT_P` applies. */
const SURE_HAND = 0.9;
/** Confidence at most of an entry read so: the CNN's first read was empty. */
const PENCILLED_ENTRY_P = 0.5;

/**
 * Whether a cell's ink could be a pencilled entry the CNN was unsure of: of the grid's print size
 * (`minDigitHeight`; a lone pencilled candidate is smaller) and neither show-through (a "ghost") nor
 * ink the grid-level checks ruled out as a candidate, a blur or a crease ("small", "soft", "crease").
 */
export function couldBePencilledEntry(
  shape: InkShape | undefined,
  doubt: InkDoubt | undefined,
  minHeight: number | undefined,
): boolean {
  if (shape === undefined || minHeight === undefined || shape.height < minHeight) return false;
  return doubt !== "ghost" && doubt !== "small" && doubt !== "soft" && doubt !== "crease";
}

/**
 * A cell read as empty whose ink the CNN reads, at least `MIN_SOLUTION_DIGIT_P` surely (`MIN_HAND_DIGIT_P`
 * when all but sure of a hand) and as handwriting, as `digit`, the digit the givens' one solution puts
 * there: a pencilled entry, shown as doubtful. Pencil is paler than print and the CNN is often unsure of
 * it; a speck or a crease must also read as the very digit the puzzle needs there, so a blank cell is
 * seldom filled.
 * @returns the entry, or undefined when the CNN does not read the cell so
 */
export function pencilledEntry(
  read: CellRead,
  probs: CellProbabilities,
  digit: number,
): CellRead | undefined {
  const p = digitProbabilities(probs)[digit]!;
  const handwritten = handwrittenShare(probs, digit);
  const bar = handwritten >= SURE_HAND ? MIN_HAND_DIGIT_P : MIN_SOLUTION_DIGIT_P;
  if (p < bar || handwritten < HANDWRITTEN_THRESHOLD) return undefined;
  const first = { digit, p: Math.min(p, PENCILLED_ENTRY_P) };
  const candidates = [first, ...read.candidates.filter((c) => c.digit !== digit)].slice(0, CANDIDATE_COUNT);
  return { digit, confidence: first.p, candidates, handwritten };
}

/**
 * A digit read as print whose strokes are at most this share as dark as the print nearest it is pencil
 * (`paleEntries`). Shadows and glare change the print's darkness across a photo, so it is compared
 * with its neighbours. On 300 generated half-filled photos of the tuning seed 9003, three digits read
 * as print with a trace of hand were this pale: two entries and a printed digit in a shadow band; on
 * 300 of a fresh seed (9013), one misread entry.
 */
const PALE_ENTRY_STROKE = 0.6;
/** …and the CNN gives it at least this handwritten share: sure print is read at 0.01 or less. */
const PALE_ENTRY_HAND = 0.02;
/** How many of the sure printed digits nearest a cell (rows and columns apart) its ink is compared with. */
const NEAREST_PRINT = 3;

/**
 * The reads with each digit read as print that is far paler than the sure printed digits nearest it,
 * and that the CNN gives some handwritten share, turned into an entry, shown as doubtful: pencil is
 * paler than print, and a neat hand in pencil can read as print. Only in a grid the player has written
 * in (`hasSureEntry`): a printed-only grid's pale digits are glare or a faded print run.
 * @param shapes the cells' ink, as the reads were taken
 */
export function paleEntries(
  reads: readonly CellRead[],
  shapes: readonly (InkShape | undefined)[],
): CellRead[] {
  if (!hasSureEntry(reads)) return [...reads];
  const prints = reads.flatMap((read, cell) => {
    const stroke = shapes[cell]?.strokeContrast;
    return isSurePrint(read) && stroke !== undefined ? [{ cell, stroke }] : [];
  });
  return reads.map((read, cell) => {
    const stroke = shapes[cell]?.strokeContrast;
    const hand = read.handwritten ?? 0;
    if (read.digit === 0 || stroke === undefined || hand >= HANDWRITTEN_THRESHOLD || hand < PALE_ENTRY_HAND)
      return read;
    const nearest = prints
      .filter((p) => p.cell !== cell)
      .sort((a, b) => apart(a.cell, cell) - apart(b.cell, cell))
      .slice(0, NEAREST_PRINT);
    if (nearest.length < NEAREST_PRINT) return read;
    if (stroke >= PALE_ENTRY_STROKE * median(nearest.map((p) => p.stroke))) return read;
    return { ...withConfidenceAtMost(read, PENCILLED_ENTRY_P), handwritten: HANDWRITTEN_THRESHOLD };
  });
}

/** Squared distance between two cells, in rows and columns. */
function apart(a: number, b: number): number {
  return (Math.floor(a / 9) - Math.floor(b / 9)) ** 2 + ((a % 9) - (b % 9)) ** 2;
}
