/**
 * Sizes that the vision stage, the CNN preprocessing and training must agree on.
 * Change one and the model must be retrained: the CNN only works on inputs shaped like its training data.
 */

/** Side in px of one cell in the unskewed grid: the grid itself spans (9 × CELL_PX)². */
export const CELL_PX = 64;
export const WARP_PX = CELL_PX * 9;
/**
 * Photo kept around the grid on each side of the unskewed image (`warpToSquare`): a curled page bows
 * its outline outward past the straight edges between the corners, and the cut must find it there.
 */
export const GRID_MARGIN_PX = CELL_PX / 2;
/** Side in px of the unskewed image: the grid and its margin. */
export const UNSKEWED_PX = WARP_PX + 2 * GRID_MARGIN_PX;

/** Side in px of the CNN's input tile (one channel, float, ink = 1, paper = 0). */
export const MODEL_INPUT_PX = 32;
