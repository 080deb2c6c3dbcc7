import type { CellRead } from "../shared/reading.ts";
import { findConflicts } from "./conflicts.ts";
import { solve } from "./solve.ts";
import type { Grid } from "./types.ts";

export interface RepairChange {
  cell: number;
  /** Digit as read (0 = empty). */
  from: number;
  /** Digit proposed (0 = empty). */
  to: number;
  /** The reader's probability of `to`. */
  p: number;
}

/** Change set that gives the read grid exactly one solution; shown to the user, never applied silently. */
export interface RepairProposal {
  changes: RepairChange[];
  solution: Grid;
}

export interface RepairOptions {
  /** Most changes in one set (1 or 2). */
  maxChanges?: number;
  /** Cheapest single changes considered; pairs are formed among them. */
  maxCandidates?: number;
  /** Total budget in ms, and per solve of a candidate grid. */
  timeoutMs?: number;
  solveTimeoutMs?: number;
  now?: () => number;
}

/** A reading this unlikely is not worth proposing. */
const MIN_P = 1e-3;

interface Alternative {
  cell: number;
  to: number;
  p: number;
  /** −log p(to) + log p(from): how much less probable the whole grid becomes. */
  cost: number;
}

/**
 * The most probable repair of a misread grid: the change set (one or two cells switched to a runner-up
 * candidate, empty included) that maximises the product of the cells' probabilities and leaves exactly one
 * solution. Candidate sets are tried cheapest first, so the first that works is the answer.
 *
 * Returns null when none is needed (the grid as read already has exactly one solution) and when none is
 * found within the budget; the caller knows which from its own verdict on the grid.
 */
export function proposeRepair(
  reads: readonly CellRead[],
  options: RepairOptions = {},
): RepairProposal | null {
  const {
    maxChanges = 2,
    maxCandidates = 40,
    timeoutMs = 1500,
    solveTimeoutMs = 50,
    now = Date.now,
  } = options;
  if (reads.length !== 81) throw new RangeError(`A grid has 81 cells, got ${reads.length}.`);
  const grid: Grid = Uint8Array.from(reads, (read) => read.digit);
  const asRead = solve(grid, { timeoutMs: solveTimeoutMs, now });
  if (asRead.kind === "solved" && asRead.unique) return null;

  const deadline = now() + timeoutMs;
  const singles = alternatives(reads).slice(0, maxCandidates);
  for (const set of changeSets(singles, maxChanges)) {
    if (now() > deadline) return null;
    for (const change of set) grid[change.cell] = change.to;
    const result = findConflicts(grid).length > 0 ? null : solve(grid, { timeoutMs: solveTimeoutMs, now });
    for (const change of set) grid[change.cell] = reads[change.cell]!.digit;
    if (result?.kind === "solved" && result.unique) {
      const changes = set.map(({ cell, to, p }) => ({ cell, from: reads[cell]!.digit, to, p }));
      return { changes, solution: result.solution };
    }
  }
  return null;
}

/** Every runner-up reading of every cell, cheapest first. */
function alternatives(reads: readonly CellRead[]): Alternative[] {
  const out: Alternative[] = [];
  reads.forEach((read, cell) => {
    const pFrom = Math.max(read.confidence, MIN_P);
    for (const { digit, p } of read.candidates) {
      if (digit === read.digit || p < MIN_P || digit < 0 || digit > 9) continue;
      out.push({ cell, to: digit, p, cost: Math.max(0, Math.log(pFrom) - Math.log(p)) });
    }
  });
  return out.sort((a, b) => a.cost - b.cost);
}

/** Singles and pairs on distinct cells, by total cost; a single before a pair of equal cost. */
function changeSets(singles: Alternative[], maxChanges: number): Alternative[][] {
  const sets: { set: Alternative[]; cost: number }[] = singles.map((a) => ({ set: [a], cost: a.cost }));
  if (maxChanges >= 2) {
    for (let i = 0; i < singles.length; i++) {
      for (let j = i + 1; j < singles.length; j++) {
        const a = singles[i]!;
        const b = singles[j]!;
        if (a.cell !== b.cell) sets.push({ set: [a, b], cost: a.cost + b.cost });
      }
    }
  }
  return sets.sort((x, y) => x.cost - y.cost || x.set.length - y.set.length).map((entry) => entry.set);
}
