import {
  BAND_BITS,
  COLUMN_OF_BAND,
  PEERS_IN_BAND,
  PERMUTATION_SUPPORT,
  SEGMENTS_OF_PATTERN,
  bitCount,
  boxesOfRows,
  hiddenInBand,
  hiddenInColumn,
  lowestIndex,
} from "./bands.ts";
import type { Grid } from "./types.ts";

/**
 * State of one search level: `[d * 3 + b]` = cells of band b where digit d+1 may go (placed cells keep
 * their own digit), then `[27 + b]` = open cells of band b. 27-bit masks, see `bands.ts`.
 */
const STRIDE = 32;
const OPEN = 27;
/** A level only follows a placement, so 81 levels always suffice. */
const LEVELS = 82;

export interface SearchLimits {
  /** Stop after this many solutions: 1 for the first solution, 2 to decide uniqueness. */
  maxSolutions: number;
  /** Absolute time (in `now()` units) after which the search gives up. */
  deadline?: number;
  now?: () => number;
  /** Guesses between two clock reads; reading the clock costs more than a guess. */
  checkEvery?: number;
}

export type SearchOutcome =
  | { kind: "searched"; /** Solutions found, at most `maxSolutions`. */ count: number }
  | { kind: "timed-out"; count: number };

/**
 * Backtracking over per-digit band bitboards: naked singles, hidden singles and locked candidates (as one
 * table lookup per band and stack) until none applies, then a guess on a cell with two candidates when
 * there is one. Each level is a 32-int slice of one typed array, so a search allocates nothing; reuse one
 * instance for many puzzles.
 */
export class SudokuSearch {
  private readonly states = new Int32Array(STRIDE * LEVELS);
  private readonly guessCell = new Uint8Array(LEVELS);
  private readonly guessDigits = new Uint16Array(LEVELS);
  /** The first solution found by the last `run`. */
  readonly solution: Grid = new Uint8Array(81);
  /** The second solution found by the last `run`, when it looked for and found one. */
  readonly secondSolution: Grid = new Uint8Array(81);
  /** Guesses made by the last `run` (a measure of difficulty). */
  guesses = 0;
  /** Digits whose boards changed since their rules last ran (bit d = digit d+1). */
  private dirtyDigits = 0;

  run(grid: Grid, limits: SearchLimits): SearchOutcome {
    const { maxSolutions, deadline = Infinity, now = Date.now, checkEvery = 256 } = limits;
    const states = this.states;
    const guessCell = this.guessCell;
    const guessDigits = this.guessDigits;
    this.guesses = 0;
    states.fill(BAND_BITS, 0, STRIDE);
    for (let cell = 0; cell < 81; cell++) {
      const digit = grid[cell]!;
      if (digit !== 0 && !this.place(0, cell, digit - 1)) return { kind: "searched", count: 0 };
    }
    this.dirtyDigits = 0x1ff;
    if (!this.propagate(0)) return { kind: "searched", count: 0 };
    let cell = this.chooseCell(0);
    if (cell < 0) {
      this.record(0, this.solution);
      return { kind: "searched", count: 1 };
    }
    let count = 0;
    let level = 0;
    guessCell[0] = cell;
    guessDigits[0] = this.candidates(0, cell);
    while (level >= 0) {
      const digits = guessDigits[level]!;
      if (digits === 0) {
        level--;
        continue;
      }
      const bit = digits & -digits;
      guessDigits[level] = digits ^ bit;
      if (++this.guesses % checkEvery === 0 && now() > deadline) return { kind: "timed-out", count };
      // The last candidate needs no copy: nothing at this level will be tried again.
      const target = digits === bit ? level : level + 1;
      const base = target * STRIDE;
      // A plain loop: for 30 ints it beats copyWithin's call into the runtime.
      if (target !== level)
        for (let i = 0, from = level * STRIDE; i < 30; i++) states[base + i] = states[from + i]!;
      this.dirtyDigits = 0;
      if (!this.place(base, guessCell[level]!, lowestIndex(bit)) || !this.propagate(base)) continue;
      cell = this.chooseCell(base);
      if (cell < 0) {
        if (count < 2) this.record(base, count === 0 ? this.solution : this.secondSolution);
        if (++count >= maxSolutions) return { kind: "searched", count };
        continue;
      }
      level = target;
      guessCell[level] = cell;
      guessDigits[level] = this.candidates(base, cell);
    }
    return { kind: "searched", count };
  }

  /** Puts digit index `d` (0-8) in an open cell that allows it; false if it does not. */
  private place(base: number, cell: number, d: number): boolean {
    const states = this.states;
    const band = (cell / 27) | 0;
    const bit = 1 << (cell - band * 27);
    if ((states[base + d * 3 + band]! & bit) === 0 || (states[base + OPEN + band]! & bit) === 0) return false;
    let dirty = this.dirtyDigits | (1 << d);
    for (let e = 0, i = base + band; e < 9; e++, i += 3) {
      const v = states[i]!;
      if (v & bit) {
        states[i] = v & ~bit;
        dirty |= 1 << e;
      }
    }
    this.dirtyDigits = dirty;
    const own = base + d * 3;
    states[own + band]! |= bit;
    states[own]! &= ~PEERS_IN_BAND[cell * 3]!;
    states[own + 1]! &= ~PEERS_IN_BAND[cell * 3 + 1]!;
    states[own + 2]! &= ~PEERS_IN_BAND[cell * 3 + 2]!;
    states[base + OPEN + band]! &= ~bit;
    return true;
  }

  /**
   * Applies the rules until none changes anything; false on a contradiction. The last pass, which changes
   * nothing, has checked every cell has a candidate and every changed digit a place in every unit.
   */
  private propagate(base: number): boolean {
    const states = this.states;
    for (;;) {
      let changed = false;
      for (let band = 0; band < 3; band++) {
        const open = states[base + OPEN + band]!;
        if (open === 0) continue;
        let once = 0;
        let twice = 0;
        for (let i = base + band; i < base + 27; i += 3) {
          const m = states[i]! & open;
          twice |= once & m;
          once |= m;
        }
        if ((open & ~once) !== 0) return false;
        let singles = once & ~twice;
        while (singles !== 0) {
          const bit = singles & -singles;
          singles ^= bit;
          let d = 0;
          while (d < 9 && (states[base + d * 3 + band]! & bit) === 0) d++;
          if (d === 9) return false;
          this.place(base, band * 27 + lowestIndex(bit), d);
          changed = true;
        }
      }
      // Only digits whose boards changed can yield anything new; the others were checked and still hold.
      while (this.dirtyDigits !== 0) {
        const d = lowestIndex(this.dirtyDigits);
        this.dirtyDigits &= ~(1 << d);
        const result = this.digitRules(base, d);
        if (result === FAILED) return false;
        if (result === PLACED) this.dirtyDigits |= 1 << d; // its boards changed under it: run it again
        if (result !== UNCHANGED) changed = true;
      }
      if (!changed) return true;
    }
  }

  /** Locked candidates, then one hidden single, for one digit. */
  private digitRules(base: number, d: number): number {
    const states = this.states;
    const at = base + d * 3;
    let p0 = states[at]!;
    let p1 = states[at + 1]!;
    let p2 = states[at + 2]!;
    const u0 = states[base + OPEN]!;
    const u1 = states[base + OPEN + 1]!;
    const u2 = states[base + OPEN + 2]!;
    if (((p0 & u0) | (p1 & u1) | (p2 & u2)) === 0) return UNCHANGED; // all nine placed
    // Rows x boxes inside each band.
    const s0 = PERMUTATION_SUPPORT[boxesOfRows(p0)]!;
    const s1 = PERMUTATION_SUPPORT[boxesOfRows(p1)]!;
    const s2 = PERMUTATION_SUPPORT[boxesOfRows(p2)]!;
    if (s0 === 0 || s1 === 0 || s2 === 0) return FAILED;
    p0 &= SEGMENTS_OF_PATTERN[s0]!;
    p1 &= SEGMENTS_OF_PATTERN[s1]!;
    p2 &= SEGMENTS_OF_PATTERN[s2]!;
    // Columns x bands inside each stack.
    const c0 = (p0 | (p0 >>> 9) | (p0 >>> 18)) & 0x1ff;
    const c1 = (p1 | (p1 >>> 9) | (p1 >>> 18)) & 0x1ff;
    const c2 = (p2 | (p2 >>> 9) | (p2 >>> 18)) & 0x1ff;
    for (let shift = 0; shift < 9; shift += 3) {
      const pattern = ((c0 >>> shift) & 7) | (((c1 >>> shift) & 7) << 3) | (((c2 >>> shift) & 7) << 6);
      const support = PERMUTATION_SUPPORT[pattern]!;
      if (support === 0) return FAILED;
      if (support !== pattern) {
        const gone = pattern & ~support;
        p0 &= ~(((gone & 7) << shift) * COLUMN_OF_BAND);
        p1 &= ~((((gone >>> 3) & 7) << shift) * COLUMN_OF_BAND);
        p2 &= ~((((gone >>> 6) & 7) << shift) * COLUMN_OF_BAND);
      }
    }
    let result = UNCHANGED;
    if (p0 !== states[at] || p1 !== states[at + 1] || p2 !== states[at + 2]) {
      states[at] = p0;
      states[at + 1] = p1;
      states[at + 2] = p2;
      result = CHANGED;
    }
    const m0 = p0 & u0;
    const m1 = p1 & u1;
    const m2 = p2 & u2;
    let cell = hiddenInBand(m0, 0);
    if (cell < 0) cell = hiddenInBand(m1, 27);
    if (cell < 0) cell = hiddenInBand(m2, 54);
    if (cell < 0) cell = hiddenInColumn(m0, m1, m2);
    if (cell < 0) return result;
    this.place(base, cell, d);
    return PLACED;
  }

  /**
   * The cell to guess on: of the open cells with two candidates, the one with the most open peers (its
   * placement reaches furthest: on hard puzzles 40 % fewer guesses than taking the first such cell); with
   * no such cell, one with the fewest candidates.
   */
  private chooseCell(base: number): number {
    const states = this.states;
    const open0 = states[base + OPEN]!;
    const open1 = states[base + OPEN + 1]!;
    const open2 = states[base + OPEN + 2]!;
    let best = -1;
    let mostPeers = -1;
    let fewest = 10;
    for (let band = 0; band < 3; band++) {
      const open = states[base + OPEN + band]!;
      if (open === 0) continue;
      let once = 0;
      let twice = 0;
      let thrice = 0;
      for (let i = base + band; i < base + 27; i += 3) {
        const m = states[i]! & open;
        thrice |= twice & m;
        twice |= once & m;
        once |= m;
      }
      for (let pairs = twice & ~thrice; pairs !== 0; pairs &= pairs - 1) {
        const cell = band * 27 + lowestIndex(pairs);
        const at = cell * 3;
        const peers =
          bitCount(open0 & PEERS_IN_BAND[at]!) +
          bitCount(open1 & PEERS_IN_BAND[at + 1]!) +
          bitCount(open2 & PEERS_IN_BAND[at + 2]!);
        if (peers > mostPeers) {
          mostPeers = peers;
          best = cell;
        }
      }
      if (mostPeers < 0 && fewest > 3) {
        for (let rest = open; rest !== 0; rest &= rest - 1) {
          const cell = band * 27 + lowestIndex(rest);
          const n = bitCount(this.candidates(base, cell));
          if (n < fewest) {
            fewest = n;
            best = cell;
          }
        }
      }
    }
    return best;
  }

  /** Digit bits (bit d = digit d+1) still possible in a cell. */
  private candidates(base: number, cell: number): number {
    const band = (cell / 27) | 0;
    const bit = 1 << (cell - band * 27);
    let digits = 0;
    for (let d = 0; d < 9; d++) if (this.states[base + d * 3 + band]! & bit) digits |= 1 << d;
    return digits;
  }

  private record(base: number, into: Grid): void {
    for (let d = 0; d < 9; d++) {
      for (let band = 0; band < 3; band++) {
        for (let rest = this.states[base + d * 3 + band]!; rest !== 0; rest &= rest - 1) {
          into[band * 27 + lowestIndex(rest)] = d + 1;
        }
      }
    }
  }
}

const UNCHANGED = 0;
const CHANGED = 1;
const PLACED = 2;
const FAILED = 3;
