/**
 * The digit CNN's output classes: 0 = empty, d = printed digit d, d + HANDWRITTEN_OFFSET = handwritten
 * digit d (1–9). Change them and the model must be retrained.
 */
export const HANDWRITTEN_OFFSET = 9;
export const CLASS_COUNT = 1 + 2 * HANDWRITTEN_OFFSET;

/** Class of digit `digit` (1–9) printed or written by hand. */
export function classOf(digit: number, handwritten: boolean): number {
  return handwritten ? digit + HANDWRITTEN_OFFSET : digit;
}

/** The digit a class stands for (0 = empty), whichever the kind of ink. */
export function digitOf(cls: number): number {
  return cls > HANDWRITTEN_OFFSET ? cls - HANDWRITTEN_OFFSET : cls;
}

/**
 * Per digit, printed and handwritten together: index 0 = empty, d = digit d. What the cell says,
 * for everything that does not care who wrote it (orientation, clue checks, the read).
 * @param probs all CLASS_COUNT class probabilities
 */
export function digitProbabilities(probs: Float32Array): Float32Array {
  const out = new Float32Array(HANDWRITTEN_OFFSET + 1);
  out[0] = probs[0]!;
  for (let d = 1; d <= HANDWRITTEN_OFFSET; d++) out[d] = probs[d]! + probs[d + HANDWRITTEN_OFFSET]!;
  return out;
}

/** Probability that digit `digit` (1–9), if the cell holds it, was written by hand. */
export function handwrittenShare(probs: Float32Array, digit: number): number {
  const hand = probs[digit + HANDWRITTEN_OFFSET]!;
  const total = probs[digit]! + hand;
  return total > 0 ? hand / total : 0;
}
