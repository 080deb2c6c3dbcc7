import { crossEntropyFromLogits, softmax } from "./softmax.ts";

/** The lecture slide's example: four animal classes, the true one is Rabbit. */
export const WORKED_EXAMPLE = {
  classes: ["Dog", "Cat", "Rabbit", "Squirrel"],
  logits: [1, 4, 8, 2],
  trueClass: "Rabbit",
} as const;

export interface LossBreakdown {
  readonly probabilities: readonly number[];
  /** −ln p(true class), from the logits by log-sum-exp. */
  readonly loss: number;
}

export function explainLoss(logits: readonly number[], trueIndex: number): LossBreakdown {
  return { probabilities: softmax(logits), loss: crossEntropyFromLogits(logits, trueIndex) };
}
