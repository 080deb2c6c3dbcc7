/**
 * Tables for the band bitboards of `search.ts`. The grid splits into three bands of three rows; a 27-bit
 * mask of a band has bit `9 * rowInBand + col`. Built once at load.
 */
export const BAND_BITS = 0x7ffffff;
/** The nine cells of box `k` (0-2) of a band are `BOX_OF_BAND << 3k`. */
export const BOX_OF_BAND = 0x7 | (0x7 << 9) | (0x7 << 18);
/** Bit `c` of each of the three rows: a column spread over a band. */
export const COLUMN_OF_BAND = 1 | (1 << 9) | (1 << 18);

/** For cell c and band b, `PEERS_IN_BAND[c * 3 + b]` is the 27-bit mask of c's peers in band b (c excluded). */
export const PEERS_IN_BAND = new Int32Array(81 * 3);

/**
 * Where a digit may still go, as a 3x3 pattern (bit 3i + j: line i of a band or stack may hold the digit in
 * segment j): each line holds it once and each segment once, so only cells on some permutation inside the
 * pattern survive. `PERMUTATION_SUPPORT[pattern]` is the union of those permutations; 0 means contradiction.
 * This one lookup is the locked-candidates rule (pointing and claiming) for a whole band or stack.
 */
export const PERMUTATION_SUPPORT = new Uint16Array(512);
/** Row-by-box pattern (bit 3 * row + box) to the 27-bit mask of those row segments. */
export const SEGMENTS_OF_PATTERN = new Int32Array(512);

for (let cell = 0; cell < 81; cell++) {
  const row = Math.floor(cell / 9);
  const col = cell % 9;
  for (let other = 0; other < 81; other++) {
    const r = Math.floor(other / 9);
    const c = other % 9;
    const sameBox = Math.floor(r / 3) === Math.floor(row / 3) && Math.floor(c / 3) === Math.floor(col / 3);
    if (other === cell || !(r === row || c === col || sameBox)) continue;
    PEERS_IN_BAND[cell * 3 + Math.floor(r / 3)]! |= 1 << ((r % 3) * 9 + c);
  }
}
const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];
for (let pattern = 0; pattern < 512; pattern++) {
  for (const perm of PERMUTATIONS) {
    const bits = perm.reduce((acc, segment, line) => acc | (1 << (line * 3 + segment)), 0);
    if ((pattern & bits) === bits) PERMUTATION_SUPPORT[pattern]! |= bits;
  }
  for (let i = 0; i < 9; i++) {
    if (pattern & (1 << i)) SEGMENTS_OF_PATTERN[pattern]! |= 0x7 << (9 * Math.floor(i / 3) + 3 * (i % 3));
  }
}
