import { ENTRY_SOURCE_CODES } from "../training/photos/write-photos.ts";

/**
 * One photo's outcome: its 81-char label (the printed givens) and what was read (undefined when no grid
 * was read). With `entries` (the handwritten digits, from entries.json) a cell's digit is its given or
 * its entry: the digit figures score what is written, whoever wrote it, and the entry figures score the
 * kind of ink apart.
 */
export interface PhotoScore {
  label: string;
  read: string | undefined;
  ms: number;
  /** The handwritten digits, `0` elsewhere (entries.json); absent for a set without handwriting. */
  entries?: string;
  /** Per cell, whether the read took the digit as handwritten (`isHandwritten`); absent = none was. */
  handwritten?: readonly boolean[];
  /** Per cell, whether the UI marks the read as doubtful (absent when no grid was read). */
  doubtful?: readonly boolean[];
  /** The grid after applying the auto-repair proposal, when one was made. */
  repaired?: string;
  /** The photo's short side in pixels, as taken (before any shrinking while decoding). */
  shortSide?: number;
  /** For a generated photo, its camera blur (σ) as a share of its grid's cell side (designs.json). */
  blurShare?: number;
  /** For a generated photo, the height of its printed digits in photo pixels (designs.json). */
  digitPx?: number;
  /** For a generated half-filled photo, each entry's source: `m` MNIST, `f` a font, `.` none (designs.json). */
  entrySources?: string;
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
  /** Share of photos with all 81 cells right (the digit, whatever its kind of ink)… */
  gridAccuracy: number;
  /** …and each digit of the right kind too: no printed digit read as an entry, no entry as a given. */
  gridAccuracyInKind: number;
  /** Share of misread cells (in read grids) that the UI marks as doubtful: 1 = no silent misread. */
  misreadsFlagged: number;
  /** Share of rightly read cells (in read grids) that the UI marks as doubtful: the cost of that flag. */
  rightFlagged: number;
  /** Share of photos with all 81 cells right once the auto-repair proposal (if any) is accepted. */
  gridAccuracyAfterRepair: number;
  medianMs: number;
  /** Printed digits read as handwritten entries (a count): each would leave the puzzle a clue short. */
  printedAsEntries: number;
}

/** What a set with entries.json adds: the printed and the handwritten ink told apart. */
export interface EntrySummary {
  /** Share of photos whose givens are exactly the printed ones: none missed, none added (an entry taken for one included). */
  givenGridAccuracy: number;
  /** Share of handwritten digits read as entries (cells of unread grids count as missed). */
  entryRecall: number;
  /** Of the handwritten digits read as entries, the share read as the digit written. */
  entryDigitAccuracy: number;
  /** Cells read as a given that hold no printed digit (a count): blanks, pencil marks and entries. */
  phantomGivens: number;
  /**
   * Cells read as an entry that hold no digit at all (a count): blanks, pencil candidates, specks. Each
   * would show the user an entry they never wrote; `entryRecall` alone rewards reading every mark.
   */
  phantomEntries: number;
}

/** The entry figures of the entries of one source (real people's digits or handwriting fonts). */
export interface SourceSummary {
  entries: number;
  entryRecall: number;
  entryDigitAccuracy: number;
}

/** One class of photos (by size, blur or digit height): how many, and how many were found and read right. */
export interface ClassSummary {
  images: number;
  gridsFound: number;
  gridAccuracy: number;
  /** With entries.json: whose givens are exactly the printed ones (see `EntrySummary`). */
  givenGridAccuracy?: number;
}

/**
 * Photo sizes by short side: a 320×240 photo gives a cell about 20 px, a phone's 12 MP about 300. The
 * figures of a mixed set hide where its failures lie; these classes show them.
 */
interface FigureClass {
  name: string;
  below: number;
}

const SIZE_CLASSES: readonly FigureClass[] = [
  { name: "< 400 px", below: 400 },
  { name: "400-799 px", below: 800 },
  { name: "800-1499 px", below: 1500 },
  { name: ">= 1500 px", below: Infinity },
];

/**
 * Blur as a share of a cell: at 4 % and more a 20-px cell's strokes melt into blobs, and some generated
 * photos are then past what a person can read, so their figures are worth seeing apart.
 */
const BLUR_CLASSES: readonly FigureClass[] = [
  { name: "< 2 % of a cell", below: 0.02 },
  { name: "2-4 % of a cell", below: 0.04 },
  { name: ">= 4 % of a cell", below: Infinity },
];

/**
 * Printed digits' height in photo pixels: under about 12 px (a 240-px photo of a page, a grid far off)
 * they are hard for a person to read too, the more so under blur.
 */
const DIGIT_HEIGHT_CLASSES: readonly FigureClass[] = [
  { name: "< 8 px", below: 8 },
  { name: "8-11 px", below: 12 },
  { name: "12-19 px", below: 20 },
  { name: ">= 20 px", below: Infinity },
];

const NO_ENTRIES = "0".repeat(81);

/** The digit written in each cell, printed or by hand. */
function writtenDigits(label: string, entries: string | undefined): string {
  if (entries === undefined) return label;
  return Array.from(label, (d, i) => (d === "0" ? entries[i]! : d)).join("");
}

export function summarise(scores: readonly PhotoScore[]): RecognitionSummary &
  Partial<EntrySummary> & {
    byShortSide?: Record<string, ClassSummary>;
    byBlur?: Record<string, ClassSummary>;
    byDigitHeight?: Record<string, ClassSummary>;
    entriesBySource?: Record<string, SourceSummary>;
  } {
  const entryFigures = hasEntries(scores) ? summariseEntries(scores) : {};
  const all = (measure: (s: PhotoScore) => number | undefined) =>
    scores.length > 0 && scores.every((s) => measure(s) !== undefined);
  return {
    ...summariseWritten(scores),
    ...entryFigures,
    ...(all((s) => s.shortSide) ? { byShortSide: byClass(scores, (s) => s.shortSide!, SIZE_CLASSES) } : {}),
    ...(all((s) => s.blurShare) ? { byBlur: byClass(scores, (s) => s.blurShare!, BLUR_CLASSES) } : {}),
    ...(all((s) => s.digitPx)
      ? { byDigitHeight: byClass(scores, (s) => s.digitPx!, DIGIT_HEIGHT_CLASSES) }
      : {}),
    ...(hasEntries(scores) && scores.every((s) => s.entrySources !== undefined)
      ? { entriesBySource: bySource(scores) }
      : {}),
  };
}

/** The entry figures of MNIST's and the fonts' entries apart: the first are real people's handwriting. */
function bySource(scores: readonly PhotoScore[]): Record<string, SourceSummary> {
  const out: Record<string, SourceSummary> = {};
  for (const [source, code] of Object.entries(ENTRY_SOURCE_CODES)) {
    // Each photo with only this source's entries kept: recall and digit accuracy count entry cells only.
    const kept = scores.map((s) => ({
      ...s,
      entries: Array.from(s.entries ?? NO_ENTRIES, (d, i) => (s.entrySources![i] === code ? d : "0")).join(
        "",
      ),
    }));
    const entries = kept.reduce((n, s) => n + [...s.entries].filter((d) => d !== "0").length, 0);
    if (entries === 0) continue;
    const { entryRecall, entryDigitAccuracy } = summariseEntries(kept);
    out[source] = { entries, entryRecall, entryDigitAccuracy };
  }
  return out;
}

function hasEntries(scores: readonly PhotoScore[]): boolean {
  return scores.some((s) => s.entries !== undefined);
}

/** The digit figures, each cell scored against the digit written there, printed or by hand. */
function summariseWritten(scores: readonly PhotoScore[]): RecognitionSummary {
  return summariseDigits(scores.map((s) => ({ ...s, label: writtenDigits(s.label, s.entries) })));
}

/** The main figures per class of a measure of the photos (short side, blur, digit height), for the classes the set has. */
function byClass(
  scores: readonly PhotoScore[],
  measure: (s: PhotoScore) => number,
  classes: readonly FigureClass[],
): Record<string, ClassSummary> {
  const classOf = (value: number) => classes.findIndex((c) => value < c.below);
  const out: Record<string, ClassSummary> = {};
  classes.forEach(({ name }, k) => {
    const members = scores.filter((s) => classOf(measure(s)) === k);
    if (members.length === 0) return;
    const { images, gridsFound, gridAccuracy } = summariseWritten(members);
    out[name] = {
      images,
      gridsFound,
      gridAccuracy,
      ...(hasEntries(members) ? { givenGridAccuracy: summariseEntries(members).givenGridAccuracy } : {}),
    };
  });
  return out;
}

function summariseEntries(scores: readonly PhotoScore[]): EntrySummary {
  let givenGridsRight = 0;
  let entries = 0;
  let entriesFound = 0;
  let entriesRight = 0;
  let phantomGivens = 0;
  let phantomEntries = 0;
  for (const { label, read, handwritten, entries: written = NO_ENTRIES } of scores) {
    const isEntry = (i: number) => read !== undefined && read[i] !== "0" && (handwritten?.[i] ?? false);
    const given = (i: number) => (read === undefined || isEntry(i) ? "0" : read[i]!);
    let givensRight = read !== undefined;
    for (let i = 0; i < 81; i++) {
      if (given(i) !== label[i]) givensRight = false;
      if (given(i) !== "0" && label[i] === "0") phantomGivens++;
      if (isEntry(i) && label[i] === "0" && written[i] === "0") phantomEntries++;
      if (written[i] === "0") continue;
      entries++;
      if (!isEntry(i)) continue;
      entriesFound++;
      if (read![i] === written[i]) entriesRight++;
    }
    if (givensRight) givenGridsRight++;
  }
  return {
    givenGridAccuracy: share(givenGridsRight, scores.length),
    entryRecall: share(entriesFound, entries),
    entryDigitAccuracy: share(entriesRight, entriesFound),
    phantomGivens,
    phantomEntries,
  };
}

function summariseDigits(scores: readonly PhotoScore[]): RecognitionSummary {
  let cells = 0;
  let digits = 0;
  let digitsRight = 0;
  let empties = 0;
  let emptiesRight = 0;
  let gridsRight = 0;
  let gridsRightInKind = 0;
  let misreads = 0;
  let misreadsFlagged = 0;
  let rights = 0;
  let rightsFlagged = 0;
  let gridsRightAfterRepair = 0;
  let printedAsEntries = 0;
  for (const { label, read, doubtful, repaired, handwritten, entries = NO_ENTRIES } of scores) {
    let right = 0;
    let kindWrong = false;
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
      const inked = read !== undefined && read[i] !== "0";
      if (handwritten?.[i] && inked && label[i] !== "0" && entries[i] === "0") {
        printedAsEntries++;
        kindWrong = true;
      }
      if (!handwritten?.[i] && inked && entries[i] !== "0") kindWrong = true;
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
    if (right === 81 && !kindWrong) gridsRightInKind++;
    if ((repaired ?? read) === label) gridsRightAfterRepair++;
  }
  const n = scores.length;
  return {
    images: n,
    gridsFound: share(scores.filter((s) => s.read !== undefined).length, n),
    cellAccuracy: share(cells, 81 * n),
    digitAccuracy: share(digitsRight, digits),
    emptyAccuracy: share(emptiesRight, empties),
    gridAccuracy: share(gridsRight, n),
    gridAccuracyInKind: share(gridsRightInKind, n),
    misreadsFlagged: misreads === 0 ? 1 : share(misreadsFlagged, misreads),
    rightFlagged: share(rightsFlagged, rights),
    gridAccuracyAfterRepair: share(gridsRightAfterRepair, n),
    medianMs: Math.round(median(scores.map((s) => s.ms))),
    printedAsEntries,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : round(part / whole);
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
