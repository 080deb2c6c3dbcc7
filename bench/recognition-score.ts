/** One photo's outcome: its 81-char label and what was read (undefined when no grid was read). */
export interface PhotoScore {
  label: string;
  read: string | undefined;
  ms: number;
  /** Per cell, whether the UI marks the read as doubtful (absent when no grid was read). */
  doubtful?: readonly boolean[];
  /** The grid after applying the auto-repair proposal, when one was made. */
  repaired?: string;
}

export interface RecognitionSummary {
  images: number;
  /** Share of photos whose grid was found and read. */
  gridsFound: number;
  /** Share of all 81 × images cells read right (cells of unread grids count as wrong). */
  cellAccuracy: number;
  /** The same over cells labelled with a digit… */
  digitAccuracy: number;
  /** …and over cells labelled empty. */
  emptyAccuracy: number;
  /** Share of photos with all 81 cells right. */
  gridAccuracy: number;
  /** Share of misread cells (in read grids) that the UI marks as doubtful: 1 = no silent misread. */
  misreadsFlagged: number;
  /** Share of rightly read cells (in read grids) that the UI marks as doubtful: the cost of that flag. */
  rightFlagged: number;
  /** Share of photos with all 81 cells right once the auto-repair proposal (if any) is accepted. */
  gridAccuracyAfterRepair: number;
  medianMs: number;
}

export function summarise(scores: readonly PhotoScore[]): RecognitionSummary {
  let cells = 0;
  let digits = 0;
  let digitsRight = 0;
  let empties = 0;
  let emptiesRight = 0;
  let gridsRight = 0;
  let misreads = 0;
  let misreadsFlagged = 0;
  let rights = 0;
  let rightsFlagged = 0;
  let gridsRightAfterRepair = 0;
  for (const { label, read, doubtful, repaired } of scores) {
    let right = 0;
    for (let i = 0; i < 81; i++) {
      const ok = read !== undefined && read[i] === label[i];
      if (ok) {
        right++;
        rights++;
        if (doubtful?.[i]) rightsFlagged++;
      } else if (read !== undefined) {
        misreads++;
        if (doubtful?.[i]) misreadsFlagged++;
      }
      if (label[i] === "0") {
        empties++;
        if (ok) emptiesRight++;
      } else {
        digits++;
        if (ok) digitsRight++;
      }
    }
    cells += right;
    if (right === 81) gridsRight++;
    if ((repaired ?? read) === label) gridsRightAfterRepair++;
  }
  const n = scores.length;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole));
  return {
    images: n,
    gridsFound: share(scores.filter((s) => s.read !== undefined).length, n),
    cellAccuracy: share(cells, 81 * n),
    digitAccuracy: share(digitsRight, digits),
    emptyAccuracy: share(emptiesRight, empties),
    gridAccuracy: share(gridsRight, n),
    misreadsFlagged: misreads === 0 ? 1 : share(misreadsFlagged, misreads),
    rightFlagged: share(rightsFlagged, rights),
    gridAccuracyAfterRepair: share(gridsRightAfterRepair, n),
    medianMs: Math.round(median(scores.map((s) => s.ms))),
  };
}

/** The middle value (mean of the two middle ones for an even count); 0 for none. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
