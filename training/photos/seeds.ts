/**
 * Seeds 9000–9999 are reserved for evaluation: photos made with them are benchmarked, never
 * trained on (train.ts refuses such folders). 9001 makes the 1,000-photo benchmark set.
 */
export const EVAL_SEEDS = { first: 9000, last: 9999 } as const;
export const BENCHMARK_SEED = 9001;

export function isEvalSeed(seed: number): boolean {
  return seed >= EVAL_SEEDS.first && seed <= EVAL_SEEDS.last;
}
