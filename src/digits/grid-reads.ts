import { isHandwritten, withConfidenceAtMost, type CellRead } from "../shared/reading.ts";
import { toCellRead } from "./cell-read.ts";
import type { CellProbabilities } from "./classifier.ts";
import { shortOfPrintedSize } from "./digit-size.ts";
import { offCentre, type InkDoubt, type InkShape } from "./empty-cell.ts";
import { softAgainstPrint } from "./soft-outline.ts";

/**
 * A grid's 81 reads from the CNN and the ink checks (`toCellRead`), then with digits short against
 * the grid's printed size (`shortOfPrintedSize`; but for an entry written small in the middle of its
 * cell, `isSmallEntry`), handwriting pencilled in its digit's candidate place (`inCandidateSlot`) or
 * soft-edged against its print (`softAgainstPrint`) read as empty, as the app and training's held-out
 * figures both read them.
 * @param shapesByView the cells' ink in each view (camera frame) of the grid: a digit is short or soft
 *   only when it is in more than half of them (a frame whose glare cut a digit must not veto the others)
 */
export function readGridCells(
  probs: readonly CellProbabilities[],
  empty: readonly boolean[],
  doubts: readonly InkDoubt[],
  shapesByView: readonly (readonly (InkShape | undefined)[])[],
): CellRead[] {
  const reads = probs.map((p, i) => toCellRead(p, empty[i]!, doubts[i]));
  const shortByView = shapesByView.map((shapes) => shortOfPrintedSize(reads, shapes));
  const softByView = shapesByView.map((shapes) => softAgainstPrint(reads, shapes));
  const inMost = (byView: boolean[][], i: number) =>
    byView.filter((views) => views[i]).length * 2 > byView.length;
  const inPlaceByView = shapesByView.map((shapes) =>
    shapes.map((shape, i) => writtenInPlace(reads[i]!, shape)),
  );
  const slotByView = shapesByView.map((shapes) =>
    shapes.map((shape, i) => inCandidateSlot(reads[i]!, shape)),
  );
  return reads.map((read, i) => {
    if (inMost(shortByView, i)) {
      return isSmallEntry(read) && inMost(inPlaceByView, i)
        ? withConfidenceAtMost(read, SMALL_ENTRY_P)
        : toCellRead(probs[i]!, empty[i]!, "small");
    }
    if (inMost(slotByView, i)) return toCellRead(probs[i]!, empty[i]!, "small");
    return inMost(softByView, i) ? toCellRead(probs[i]!, empty[i]!, "soft") : read;
  });
}

/**
 * Ink short of the grid's print that sits within this share of the cell's side of its centre is written
 * there, not pencilled: players pencil a candidate in its digit's place of a 3×3 layout (apps draw them
 * so) or in a corner, and only 5's place is the centre. On 300 generated half-filled photos of the
 * tuning seed 9003, the entries short of the print lay 0.03–0.10 from the centre (and two at 0.21 and
 * 0.27), the lone candidates other than 5 at least 0.20.
 */
const MAX_ENTRY_OFF_CENTRE = 0.15;
/**
 * …read as a handwritten digit at least this surely: an entry written small, shown as doubtful
 * (`SMALL_ENTRY_P`). Lowered from 0.8, where a right 2 at 0.76 was dropped: on generated half-filled photos
 * 0.5 kept 4 more right entries (seeds 9002, 9005, 9013; none on the tuning seed 9003) and one 6 read as
 * a 2 at 0.55, and on 1,000 printed ones (9001) one blank cell of a photo already misread became an entry.
 */
const MIN_SMALL_ENTRY_P = 0.5;
const SMALL_ENTRY_P = 0.5;

/**
 * A pencilled candidate fits its third of the cell (the generator draws them 0.2–0.3 of it tall), so a
 * centred 5 with a part at least this long (`InkShape.longestPart`) is no candidate but an entry
 * written short and wide, as many hands write 5. On generated half-filled photos such 5s (0.34–0.39 of
 * the cell tall, 0.56–0.80 wide) were read as empty: 1 on the tuning seed 9003, 6 and 3 on fresh ones
 * (9005, 9013), 3 on the benchmark seed 9002; printed photos read the same.
 */
const CANDIDATE_SLOT = 0.4;
/**
 * Short ink wider than a candidate's slot is written in place this far from the centre too, when the ink
 * test agrees with the CNN that it is a digit (the read is not `capped`): hands write off the middle, and
 * no candidate is that wide. On generated half-filled photos, entries 0.31–0.45 of the cell tall, 0.42–0.66
 * wide and 0.16–0.22 from the centre had been read as empty: 5 on 9005, 2 on 9013, 1 on the tuning seed
 * 9003 and 1 on the benchmark seed 9002. Disputed reads stay out: on printed photos a fold across a corner
 * cell and two faint smears, as wide, became entries. A candidate pencilled in its slot of a 3×3 layout
 * lies at least a third of the cell out.
 */
const MAX_WIDE_ENTRY_OFF_CENTRE = 0.3;

/**
 * Whether a short read sits where no pencilled candidate of its digit would: near the centre (a 5, whose
 * candidate's place is the centre, only when wider than a candidate's slot), or, undisputed, wider than a
 * slot and not far out.
 */
function writtenInPlace(read: CellRead, shape: InkShape | undefined): boolean {
  if (shape === undefined) return false;
  const wide = shape.longestPart >= CANDIDATE_SLOT;
  const off = offCentre(shape);
  if (off < MAX_ENTRY_OFF_CENTRE) return read.digit !== 5 || wide;
  return wide && !read.capped && off < MAX_WIDE_ENTRY_OFF_CENTRE;
}

/**
 * Handwriting whose ink centre lies within this share of the cell's side of the centre of its digit's
 * place in a 3×3 candidate layout (1 top left … 9 bottom right, as players and apps pencil them)…
 */
const SLOT_RADIUS = 0.15;
/** …and at least this far from the cell's centre (5's place is the centre, where entries go)… */
const MIN_SLOT_OFF_CENTRE = 0.2;

/**
 * …with no part as long as a slot (`CANDIDATE_SLOT`) is a pencilled candidate, though tall enough for
 * the grid's print when that is small. On generated half-filled photos (seeds 9002, 9003, 9005, 9013),
 * 19 handwritten reads sat in their digit's place: 14 lone candidates 0.30–0.41 of the cell tall (0.65–0.72
 * of the print's height, no part over 0.36), read as entries, mostly at 0.9 or more; 4 entries and a 9
 * in a blank cell, all with a part 0.48–0.73 long, which keeps them as they were.
 */
function inCandidateSlot(read: CellRead, shape: InkShape | undefined): boolean {
  if (shape === undefined || !isHandwritten(read) || shape.longestPart >= CANDIDATE_SLOT) return false;
  const slot = read.digit - 1;
  const dx = shape.offset.x - ((slot % 3) - 1) / 3;
  const dy = shape.offset.y - (Math.floor(slot / 3) - 1) / 3;
  return Math.hypot(dx, dy) < SLOT_RADIUS && offCentre(shape) >= MIN_SLOT_OFF_CENTRE;
}

/**
 * A read that, short and written in place, is the user's entry written small: a handwritten digit at even
 * odds or better.
 */
function isSmallEntry(read: CellRead): boolean {
  return isHandwritten(read) && read.confidence >= MIN_SMALL_ENTRY_P;
}
