import { DOUBT_THRESHOLD, HANDWRITTEN_THRESHOLD, type CellRead } from "../shared/reading.ts";
import { digitProbabilities, handwrittenShare } from "./classes.ts";
import type { CellProbabilities } from "./classifier.ts";
import type { InkDoubt } from "./empty-cell.ts";

/** How many alternatives a cell carries for the UI's doubt flag and the repair of unsolvable reads. */
export const CANDIDATE_COUNT = 3;

/**
 * The CNN overrules the ink test's "empty" only when at least this sure of a digit. On the dev
 * photos' blank cells the CNN never gave a digit more than 0.46; a faint or glared digit the ink
 * test misses is read at 0.88–1.
 */
export const OVERRULE_EMPTY_P = 0.9;

/**
 * Faint ink the CNN reads as handwriting at least this surely is an entry (pencil), shown as doubtful
 * below `DOUBT_THRESHOLD`. On 300 generated half-filled photos (seed 9002) lowering this from 0.9 found
 * 3.5 % more of the entries; on 1,000 printed-only ones (seed 9001) 5 show-through marks became
 * doubtful entries. Real photos (dev, wild) read the same.
 */
const FAINT_ENTRY_P = 0.6;

/**
 * Faint ink the CNN reads as print at least this surely is a given (glare or a faded print run),
 * shown as doubtful; print it is less sure of is an entry (`FAINT_DIGIT_P`). On 1,300 generated photos (seeds 9001 and 9002), 94 faint givens were read so,
 * against 10 blank cells (lone pencil candidates, which the size check then empties); on dev and wild
 * no faint ink was.
 */
const FAINT_PRINT_P = 0.99;

/**
 * Faint ink the CNN reads as a digit at least this surely, but neither surely as print nor as
 * handwriting, is an entry, shown as doubtful: ink paler than its grid's print is pencil more often than
 * a faded given, and a given read so is turned back by the typeface check (`checkEntriesAgainstTypeface`)
 * when it matches the grid's print. On 300 generated half-filled photos (tuning seed 9003) 0.8 found
 * 0.4 % more of the entries, with one more printed digit taken for an entry; on 300 printed-only
 * ones (seed 9004) two faint givens were read, none wrongly.
 */
const FAINT_DIGIT_P = 0.8;

/**
 * Confidence at most of an empty read of ink that passes the ink test, or fails only its contrast bar
 * ("weak"), and of a digit read from faint ink: the CNN and the ink test disagree, a coin toss.
 */
const DISPUTED_P = 0.5;

/**
 * Combines the ink test and the CNN. A cell the ink test calls empty stays empty unless the CNN
 * is very sure of a digit, which is then shown as doubtful: the two disagree (on 1,000 generated
 * photos, those looked at were a line, a shadow's edge or show-through read as 1, 7 or 2: flagging
 * them caught 82.3 → 84.1 % of misreads, while right cells flagged stayed at 6.9 %). Otherwise the
 * CNN decides, and may still call a blob of noise empty (doubtful).
 * Printed and handwritten ink count together for the digit; a digit also carries how likely it is
 * handwritten.
 * @param probs all class probabilities (see `classes.ts`)
 * @param empty the ink/component decision from `prepareCell`
 * @param doubt the grid-level ink check (`inkDoubts`, `readGridCells`): "small", "soft" and "crease" ink is empty;
 *   "ghost" ink is empty unless the CNN reads it as handwriting (`FAINT_ENTRY_P`), since the CNN sees ink
 *   normalised to full strength and can read a show-through digit as sharply as a real one; "faint" ink is
 *   also a digit when the CNN is all but sure of print (`FAINT_PRINT_P`), and an entry when it is fairly
 *   sure of a digit (`FAINT_DIGIT_P`), both shown as doubtful; an empty read
 *   of ink that passes the ink test, or fails only its contrast bar ("weak"), is at best a coin toss, so it
 *   is doubtful too
 */
export function toCellRead(probs: CellProbabilities, empty: boolean, doubt?: InkDoubt): CellRead {
  const ranked = Array.from(digitProbabilities(probs), (p, digit) => ({ digit, p })).sort(
    (a, b) => b.p - a.p || a.digit - b.digit,
  );
  const best = ranked[0]!;
  const sureDigit = best.digit !== 0 && best.p >= OVERRULE_EMPTY_P;
  const hand = best.digit === 0 ? 0 : handwrittenShare(probs, best.digit);
  // Pencil is fainter than print: faint ink the CNN reads as handwriting is an entry.
  const likelyHand = best.digit !== 0 && best.p >= FAINT_ENTRY_P && hand >= HANDWRITTEN_THRESHOLD;
  const surePrint = best.digit !== 0 && best.p >= FAINT_PRINT_P && hand < HANDWRITTEN_THRESHOLD;
  const faintDigit =
    doubt === "faint" && best.digit !== 0 && best.p >= FAINT_DIGIT_P && !likelyHand && !surePrint;
  const chosen =
    doubt === "small" ||
    doubt === "soft" ||
    doubt === "crease" ||
    (doubt === "ghost" && !likelyHand) ||
    (doubt === "faint" && !likelyHand && !surePrint && !faintDigit) ||
    (empty && !sureDigit)
      ? 0
      : best.digit;
  const read = ranked.find((c) => c.digit === chosen)!;
  // Ink that passes the ink test, or nearly ("weak"), read as empty, or ink that fails it read as a
  // digit, or faint ink read as print: the CNN and the ink test disagree.
  const disputed =
    chosen === 0
      ? doubt === "weak" || (!empty && doubt === undefined)
      : empty || (doubt === "faint" && !likelyHand);
  const first = disputed ? { digit: chosen, p: Math.min(read.p, DISPUTED_P) } : read;
  const candidates = [first, ...ranked.filter((c) => c.digit !== chosen)].slice(0, CANDIDATE_COUNT);
  return {
    digit: chosen,
    confidence: first.p,
    candidates,
    ...(disputed ? { capped: true as const } : {}),
    ...(doubt === "small" && chosen === 0 ? { tooSmall: true as const } : {}),
    // The choice is the best digit or empty.
    ...(chosen === 0 ? {} : { handwritten: faintDigit ? Math.max(hand, HANDWRITTEN_THRESHOLD) : hand }),
  };
}

/** A sure digit the CNN calls handwritten with less than this share is a sample of the grid's print. */
const SURE_PRINT_MAX_HANDWRITTEN = 0.1;

/** Whether a read is a sure printed digit: a sample of the grid's typeface and size. */
export function isSurePrint(read: CellRead): boolean {
  return (
    read.digit !== 0 &&
    (read.handwritten ?? 0) < SURE_PRINT_MAX_HANDWRITTEN &&
    read.confidence >= DOUBT_THRESHOLD
  );
}
