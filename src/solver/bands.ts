/**
 * Tables and bit helpers for the band bitboards of `search.ts`. The grid splits into three bands of three
 * rows; a 27-bit mask of a band has bit `9 * rowInBand + col`. Tables are built once at load.
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

/** Index of the lowest set bit. */
export const lowestIndex = (x: number): number => 31 - Math.clz32(x & -x);

/** For a 9-bit row: bit k set when box k of the row has a bit. */
const BOXES_OF_ROW = new Uint8Array(512);
for (let row = 0; row < 512; row++) {
  BOXES_OF_ROW[row] = (row & 7 ? 1 : 0) | (row & 0x38 ? 2 : 0) | (row & 0x1c0 ? 4 : 0);
}

/** A band's row-by-box pattern (bit 3 * row + box: that row has the digit somewhere in that box). */
export function boxesOfRows(p: number): number {
  return BOXES_OF_ROW[p & 0x1ff]! | (BOXES_OF_ROW[(p >>> 9) & 0x1ff]! << 3) | (BOXES_OF_ROW[p >>> 18]! << 6);
}

/** Index of the set bit of a one-bit 9-bit mask, else -1. */
const SINGLE_BIT = new Int8Array(512).fill(-1);
for (let i = 0; i < 9; i++) SINGLE_BIT[1 << i] = i;

export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The only open place for the digit in a row or box of one band. `open` = its open candidates there: a row
 * or box where the digit is placed has none, so exactly one bit means a hidden single.
 */
export function hiddenInBand(open: number, first: number): number {
  if (open === 0) return -1;
  let bit = SINGLE_BIT[open & 0x1ff]!;
  if (bit >= 0) return first + bit;
  bit = SINGLE_BIT[(open >>> 9) & 0x1ff]!;
  if (bit >= 0) return first + 9 + bit;
  bit = SINGLE_BIT[open >>> 18]!;
  if (bit >= 0) return first + 18 + bit;
  for (let shift = 0; shift < 9; shift += 3) {
    const box = open & (BOX_OF_BAND << shift);
    if (box !== 0 && (box & (box - 1)) === 0) return first + lowestIndex(box);
  }
  return -1;
}

/** The only open place for the digit in a column (m0-m2: its open candidates per band). */
export function hiddenInColumn(m0: number, m1: number, m2: number): number {
  const c0 = (m0 | (m0 >>> 9) | (m0 >>> 18)) & 0x1ff;
  const c1 = (m1 | (m1 >>> 9) | (m1 >>> 18)) & 0x1ff;
  const c2 = (m2 | (m2 >>> 9) | (m2 >>> 18)) & 0x1ff;
  const many = inTwoRows(m0) | inTwoRows(m1) | inTwoRows(m2) | (c0 & c1) | (c0 & c2) | (c1 & c2);
  const single = (c0 | c1 | c2) & ~many;
  if (single === 0) return -1;
  const column = COLUMN_OF_BAND << lowestIndex(single);
  if (m0 & column) return lowestIndex(m0 & column);
  if (m1 & column) return 27 + lowestIndex(m1 & column);
  return 54 + lowestIndex(m2 & column);
}

/** Columns (bits 0-8) where a band mask has two or more rows set. */
function inTwoRows(p: number): number {
  return ((p & (p >>> 9)) | (p & (p >>> 18)) | ((p >>> 9) & (p >>> 18))) & 0x1ff;
}
