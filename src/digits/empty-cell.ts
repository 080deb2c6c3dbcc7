import { MIN_CLUES } from "../shared/reading.ts";

/** Measurements of the ink `prepareCell` kept as the digit, each relative to the cell. */
export interface InkShape {
  /** Share of the cell's pixels in the kept components. */
  inkFraction: number;
  /** Height and width of the kept components' bounding box, as shares of the cell's side. */
  height: number;
  width: number;
  /** Longest side of any single kept component's bounding box, as a share of the cell's side. */
  longestPart: number;
  /** Darkest strokes near the centre relative to the paper (see `peakContrast`). */
  peakContrast: number;
  /** Mean darkness of the kept ink relative to the paper. */
  strokeContrast: number;
  /** Share of the ink's outline that is a sharp edge to paper (see `prepareCell`). */
  sharpOutline: number;
  /** Where the kept ink's bounding-box centre lies from the cell's centre (right and down positive), as shares of its side. */
  offset: { x: number; y: number };
}

/** Distance of the kept ink's centre from the cell's centre, as a share of the cell's side. */
export function offCentre(shape: InkShape): number {
  return Math.hypot(shape.offset.x, shape.offset.y);
}

/**
 * A printed digit's strokes are at least this much darker than the paper (relative). Measured on
 * the dev photos' cells: 99 % of blank cells peak below 0.2, 99.9 % of digits above 0.21.
 */
const MIN_PEAK_CONTRAST = 0.2;
/** A digit covers at least this share of the cell… */
const MIN_INK_FRACTION = 0.012;
/** …and is at least this tall relative to the cell (specks and smudges are not). */
const MIN_HEIGHT_FRACTION = 0.28;
/**
 * …with one connected part at least this long: pencil-mark candidates are several digits of about a
 * fifth of the cell. The shortest longest part of a printed digit on dev and wild was 0.27 (a broken
 * "1"), bar one "7" cut by a warp and digits cut off by a misplaced grid.
 */
const MIN_PART_LENGTH = 0.23;

/** The ink test: too little, too short, too fragmented or too faint ink is no printed digit. */
export function cellLooksEmpty(shape: InkShape): boolean {
  return (
    shape.inkFraction < MIN_INK_FRACTION ||
    shape.height < MIN_HEIGHT_FRACTION ||
    shape.longestPart < MIN_PART_LENGTH ||
    shape.peakContrast < MIN_PEAK_CONTRAST
  );
}

/**
 * Strokes fainter than this share of the grid's typical digit are print showing through from the
 * reverse page, a shadow or a pencil smudge. On every dev and wild photo the digits' mean stroke
 * darkness was ≥ 0.58 of their grid's median; shaded-box noise and show-through lay at 0.19–0.44.
 */
const MIN_RELATIVE_STROKE = 0.45;

/**
 * The ink test's size bars alone: too short, or in parts too short, to be a digit. The CNN cannot
 * overrule these, since it sees the ink scaled to fill its input: a lone pencil candidate in a corner
 * of the cell reads to it as sharply as a given.
 */
export function inkTooSmall(shape: InkShape): boolean {
  return shape.height < MIN_HEIGHT_FRACTION || shape.longestPart < MIN_PART_LENGTH;
}

/**
 * Below this share of the grid's typical stroke, even print the CNN is sure of is a ghost: on 1,000
 * generated printed photos (seed 9001), the show-through the CNN read surely as a (symmetric) 8 lay at
 * 0.15; glared or faded givens it read surely, at 0.23–0.45 (94 of them there and on 300 half-filled).
 */
const GHOST_RELATIVE_STROKE = 0.2;

/** What the grid-level ink check says of a cell, beyond its own ink test. */
export type InkDoubt =
  /** Too small to be a digit (`inkTooSmall`): empty, whatever the CNN says. */
  | "small"
  /** Soft-edged against the grid's print (`softAgainstPrint`): empty, whatever the CNN says. */
  | "soft"
  /** Faint against the grid's digits (glare, pencil, show-through): a digit only when the CNN is sure. */
  | "faint"
  /** Fainter still: a digit only when the CNN reads it as a pencilled entry. */
  | "ghost"
  /** Digit-sized and as dark as the grid's digits, yet below the peak-contrast bar: maybe a digit. */
  | "weak"
  /** A fold or crease of the paper running through the cell (`creasedCells`): empty, whatever the CNN says. */
  | "crease"
  | undefined;

/**
 * Per cell, the grid-level ink check: a faint digit on a faint photo is still a digit, so faintness
 * is judged against the mean stroke darkness of the grid's other inked cells.
 */
export function inkDoubts(shapes: readonly (InkShape | undefined)[]): InkDoubt[] {
  const typical = typicalStroke(shapes);
  return shapes.map((s) => {
    if (!s) return undefined;
    if (inkTooSmall(s)) return "small";
    if (s.strokeContrast < GHOST_RELATIVE_STROKE * typical) return "ghost";
    if (s.strokeContrast < MIN_RELATIVE_STROKE * typical) return "faint";
    // The two tests disagree: the only misread digits on dev that nothing flagged were such cells.
    return cellLooksEmpty(s) && !cellLooksEmpty({ ...s, peakContrast: MIN_PEAK_CONTRAST })
      ? "weak"
      : undefined;
  });
}

/**
 * A grid's typical digit by one measure: the median of the `MIN_CLUES` largest values (of all of them
 * when fewer; 0 when none). A sudoku has at least `MIN_CLUES` clues, so the darkest this many inked
 * cells are digits even when faint grid-line remnants or grain pass the ink test in every other cell (a
 * textured page with hairline cell lines had 81 inked cells, 52 of them blank at a third of the
 * digits' darkness).
 */
export function typicalOfLargest(values: readonly number[]): number {
  const largest = [...values].sort((a, b) => b - a).slice(0, MIN_CLUES);
  return largest[largest.length >> 1] ?? 0;
}

/** The grid's typical digit stroke: `typicalOfLargest` of the inked cells' stroke darkness. */
export function typicalStroke(shapes: readonly (InkShape | undefined)[]): number {
  return typicalOfLargest(shapes.flatMap((s) => (cellLooksEmptyInEveryTurn(s) ? [] : [s!.strokeContrast])));
}

/**
 * The ink test for a cell of a grid whose orientation is not known yet: a sideways digit is wide,
 * not tall, so its longer side is measured instead of its height.
 */
export function cellLooksEmptyInEveryTurn(shape: InkShape | undefined): boolean {
  if (!shape) return true;
  return cellLooksEmpty({ ...shape, height: Math.max(shape.height, shape.width) });
}

/**
 * Per cell, whether it holds ink worth reading in some turn: not empty however it is turned, and not
 * faint against the grid's other digits (show-through, grain, smudges).
 */
export function inkedInSomeTurn(shapes: readonly (InkShape | undefined)[]): boolean[] {
  const minStroke = MIN_RELATIVE_STROKE * typicalStroke(shapes);
  return shapes.map((shape) => !cellLooksEmptyInEveryTurn(shape) && shape!.strokeContrast >= minStroke);
}
