/**
 * Softmax and cross-entropy on plain numbers, for showing the maths on the page.
 * Everything goes through log-sum-exp so that logits like 1000 neither overflow exp() nor give ln(0).
 */

/** ln Σ exp(zᵢ), computed as m + ln Σ exp(zᵢ − m) with m = max z so that no exp() exceeds 1. */
export function logSumExp(logits: readonly number[]): number {
  if (logits.length === 0) throw new Error("logSumExp of an empty list is −∞.");
  const m = Math.max(...logits);
  if (!Number.isFinite(m)) return m;
  return m + Math.log(logits.reduce((sum, z) => sum + Math.exp(z - m), 0));
}

/** ln softmax(z)ᵢ = zᵢ − ln Σ exp(zⱼ); exact even where softmax itself rounds to 0. */
export function logSoftmax(logits: readonly number[]): number[] {
  const lse = logSumExp(logits);
  return logits.map((z) => z - lse);
}

/** pᵢ = exp(zᵢ) / Σ exp(zⱼ): probabilities that are positive and sum to 1. */
export function softmax(logits: readonly number[]): number[] {
  return logSoftmax(logits).map(Math.exp);
}

/** Cross-entropy loss of one prediction whose probability for the true class is p: −ln p (∞ for p = 0). */
export function crossEntropy(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A probability must lie in [0, 1], got ${p}.`);
  return -Math.log(p);
}

/** −ln softmax(z)[trueIndex] straight from the logits: log Σ exp(z) − z_true, stable for any logits. */
export function crossEntropyFromLogits(logits: readonly number[], trueIndex: number): number {
  const z = logits[trueIndex];
  if (z === undefined) throw new RangeError(`No logit at index ${trueIndex}.`);
  // max(0, …) removes a −1e-16 rounding residue when the true class takes all the mass.
  return Math.max(0, logSumExp(logits) - z);
}
