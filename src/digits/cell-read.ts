import type { CellRead } from "../workers/pipeline-types.ts";
import type { CellProbabilities } from "./classifier.ts";

/** How many alternatives a cell carries for the UI's doubt flag and the repair of unsolvable reads. */
export const CANDIDATE_COUNT = 3;

/**
 * Combines the ink test and the CNN. An empty cell by the ink test stays empty (its
 * confidence is the CNN's empty probability, so a CNN that sees a digit there makes it
 * doubtful); otherwise the CNN decides, and may still call a blob of noise empty.
 * @param probs class probabilities, index 0 = empty
 * @param empty the ink/component decision from `prepareCell`
 */
export function toCellRead(probs: CellProbabilities, empty: boolean): CellRead {
  const ranked = Array.from(probs, (p, digit) => ({ digit, p })).sort(
    (a, b) => b.p - a.p || a.digit - b.digit,
  );
  const chosen = empty ? 0 : ranked[0]!.digit;
  const first = ranked.find((c) => c.digit === chosen)!;
  const candidates = [first, ...ranked.filter((c) => c.digit !== chosen)].slice(0, CANDIDATE_COUNT);
  return { digit: chosen, confidence: first.p, candidates };
}
