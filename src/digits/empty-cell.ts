/** Measurements of the ink `prepareCell` kept as the digit, each relative to the cell. */
export interface InkShape {
  /** Share of the cell's pixels in the kept components. */
  inkFraction: number;
  /** Height and width of the kept components' bounding box, as shares of the cell's side. */
  height: number;
  width: number;
  /** Height of the tallest single kept component, as a share of the cell's side. */
  tallestPart: number;
  /** Darkest strokes near the centre relative to the paper (see `peakContrast`). */
  peakContrast: number;
  /** Mean darkness of the kept ink relative to the paper. */
  strokeContrast: number;
}

/**
 * A printed digit's strokes are at least this much darker than the paper (relative). Measured on
 * the dev photos' cells: 99 % of blank cells peak below 0.2, 99.9 % of digits above 0.21.
 */
const MIN_PEAK_CONTRAST = 0.2;
/** A digit covers at least this share of the cell… */
export const MIN_INK_FRACTION = 0.012;
/** …and is at least this tall relative to the cell (specks and smudges are not). */
const MIN_HEIGHT_FRACTION = 0.28;

/** The ink test: too little, too short or too faint ink is no printed digit. */
export function cellLooksEmpty(shape: InkShape): boolean {
  return (
    shape.inkFraction < MIN_INK_FRACTION ||
    shape.height < MIN_HEIGHT_FRACTION ||
    shape.peakContrast < MIN_PEAK_CONTRAST
  );
}

/**
 * The ink test for a cell of a grid whose orientation is not known yet: a sideways digit is wide,
 * not tall, so its longer side is measured instead of its height.
 */
export function cellLooksEmptyInEveryTurn(shape: InkShape | undefined): boolean {
  return !shape || cellLooksEmpty({ ...shape, height: Math.max(shape.height, shape.width) });
}
