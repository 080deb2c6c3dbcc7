/**
 * How much a binary (ink = 255) square warp looks like a 9×9 grid: ink along the 8 inner lines of
 * each direction should be continuous, while bands through the cell centres are mostly paper (only
 * some cells hold a digit). Returns line coverage minus centre coverage, ≈0.6–0.9 for a sudoku,
 * ≈0 for text, photos or noise, negative when the quad is misaligned with the lines.
 */
export function gridness(binary: Uint8Array | Uint8ClampedArray, side: number): number {
  const cell = side / 9;
  const halfBand = Math.max(1, Math.round(cell * 0.13));
  let lines = 0;
  let centres = 0;
  for (const vertical of [true, false]) {
    for (let k = 1; k < 9; k++) lines += coverage(binary, side, vertical, k * cell, halfBand);
    for (let k = 0; k < 9; k++) centres += coverage(binary, side, vertical, (k + 0.5) * cell, halfBand);
  }
  return lines / 16 - centres / 18;
}

/**
 * The same test for the 3×3 boxes alone: ink along the 2 box borders of each direction, paper along
 * bands through the middle cells. High on a grid whose thin cell lines vanished (hairlines in an app
 * screenshot, faint lines in shaded boxes), but also on any window-like cross, so only a read can
 * confirm it.
 */
export function boxGridness(binary: Uint8Array | Uint8ClampedArray, side: number): number {
  const cell = side / 9;
  const halfBand = Math.max(1, Math.round(cell * 0.13));
  let lines = 0;
  let centres = 0;
  for (const vertical of [true, false]) {
    for (const k of [3, 6]) lines += coverage(binary, side, vertical, k * cell, halfBand);
    for (const k of [1.5, 4.5, 7.5]) centres += coverage(binary, side, vertical, k * cell, halfBand);
  }
  return lines / 4 - centres / 6;
}

/** Share of positions along a band (centred at `at`, ±halfBand) where the band holds some ink. */
function coverage(
  binary: Uint8Array | Uint8ClampedArray,
  side: number,
  vertical: boolean,
  at: number,
  halfBand: number,
): number {
  const lo = Math.max(0, Math.round(at) - halfBand);
  const hi = Math.min(side - 1, Math.round(at) + halfBand);
  let hits = 0;
  for (let t = 0; t < side; t++) {
    for (let u = lo; u <= hi; u++) {
      const index = vertical ? t * side + u : u * side + t;
      if (binary[index]! > 127) {
        hits++;
        break;
      }
    }
  }
  return hits / side;
}
