import { seededRandom } from "../../src/shared/random.ts";

/** Seeded PRNG (mulberry32): the same seed renders the same training stream on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(lo: number, hi: number): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function createRng(seed: number): Rng {
  const next = seededRandom(seed);
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * next();
  return {
    next,
    uniform,
    int: (lo, hi) => Math.floor(uniform(lo, hi + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
