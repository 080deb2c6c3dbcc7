/** Share of a cell's side, from each edge, where grid-line remnants of a slightly-off warp can lie. */
export const EDGE_BAND = 0.2;
/** A row/column in the edge band with at least this share of ink is a grid line, not a stroke. */
const LINE_FILL = 0.5;

/**
 * Clears, in place, rows and columns near the cell edges that are mostly ink: grid lines.
 * Done before component labelling so that a digit touching a line is not discarded with it.
 */
export function clearEdgeLines(mask: Uint8Array, w: number, h: number): void {
  const bandY = Math.round(h * EDGE_BAND);
  const bandX = Math.round(w * EDGE_BAND);
  for (let y = 0; y < h; y++) {
    if (y >= bandY && y < h - bandY) continue;
    let n = 0;
    for (let x = 0; x < w; x++) n += mask[y * w + x]!;
    if (n >= LINE_FILL * w) mask.fill(0, y * w, (y + 1) * w);
  }
  for (let x = 0; x < w; x++) {
    if (x >= bandX && x < w - bandX) continue;
    let n = 0;
    for (let y = 0; y < h; y++) n += mask[y * w + x]!;
    if (n >= LINE_FILL * h) for (let y = 0; y < h; y++) mask[y * w + x] = 0;
  }
}
