import { MODEL_INPUT_PX } from "./geometry.ts";
import type { CellProbabilities } from "./classifier.ts";

/**
 * A prepared input tile turned `turns` quarter turns clockwise. Preparation is symmetric under
 * quarter turns (bounding-box centring, longer side scaled), so this equals preparing the turned
 * cell, without cutting the grid again.
 */
export function turnTile(input: Float32Array, turns: number): Float32Array {
  const n = MODEL_INPUT_PX;
  let src = input;
  for (let t = 0; t < ((turns % 4) + 4) % 4; t++) {
    const out = new Float32Array(n * n);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) out[x * n + (n - 1 - y)] = src[y * n + x]!;
    src = out;
  }
  return src;
}

/**
 * Which quarter turn makes the digits upright: the CNN only knows upright digits, so it is most
 * sure of itself on them. `probsByTurn[t]` holds the probabilities of the non-empty tiles turned
 * t quarter turns clockwise. Scores by mean log-probability of the best digit class.
 * @returns quarter turns clockwise (0–3) to apply to the grid
 */
export function uprightTurns(probsByTurn: readonly (readonly CellProbabilities[])[]): number {
  let best = 0;
  let bestScore = -Infinity;
  probsByTurn.forEach((probs, turns) => {
    const score =
      probs.reduce((s, p) => s + Math.log(Math.max(1e-6, ...p.subarray(1))), 0) / Math.max(1, probs.length);
    if (score > bestScore) {
      bestScore = score;
      best = turns;
    }
  });
  return best;
}
