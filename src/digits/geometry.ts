/**
 * Sizes that the vision stage, the CNN preprocessing and training must agree on.
 * Change one and the model must be retrained: the CNN only works on inputs shaped like its training data.
 */

/** Side in px of one cell in the unskewed grid; the warp produces a (9 × CELL_PX)² image. */
export const CELL_PX = 64;
export const WARP_PX = CELL_PX * 9;

/** Side in px of the CNN's input tile (one channel, float, ink = 1, paper = 0). */
export const MODEL_INPUT_PX = 32;
