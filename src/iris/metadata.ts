import { FEATURES, SPECIES, type Measurements } from "./contract.ts";
import type { Standardisation } from "./standardise.ts";
import type { TrainingRange } from "./training-range.ts";

/** `public/models/iris/metadata.json`: what the page needs besides the weights, written by training. */
export interface IrisMetadata {
  readonly classNames: readonly string[];
  readonly features: readonly { readonly key: string; readonly label: string; readonly unit: string }[];
  readonly standardisation: Standardisation;
  /** Per-feature extremes of the training split, to flag inputs the model never saw. */
  readonly trainingRange: TrainingRange;
  /** Fraction of the held-out test split classified correctly. */
  readonly testAccuracy: number;
}

/**
 * Checks untrusted JSON against the class and feature order this code was written for:
 * a model trained with a different order would give confidently wrong names, so refuse it.
 */
export function parseIrisMetadata(json: unknown): IrisMetadata {
  if (!isRecord(json)) throw new Error("Iris metadata is not a JSON object.");
  const { classNames, features, standardisation, trainingRange, testAccuracy } = json;
  if (!sameStrings(classNames, SPECIES))
    throw new Error(`Iris metadata classes must be ${SPECIES.join(", ")}.`);
  const keys = Array.isArray(features) ? features.map((f) => (isRecord(f) ? f["key"] : undefined)) : [];
  if (
    !sameStrings(
      keys,
      FEATURES.map((f) => f.key),
    )
  ) {
    throw new Error(`Iris metadata features must be ${FEATURES.map((f) => f.key).join(", ")}.`);
  }
  if (!isRecord(standardisation)) throw new Error("Iris metadata lacks standardisation constants.");
  const mean = fourNumbers(standardisation["mean"]);
  const std = fourNumbers(standardisation["std"]);
  if (!mean || !std || std.some((s) => s <= 0))
    throw new Error("Iris standardisation needs 4 means and 4 positive stds.");
  const min = isRecord(trainingRange) ? fourNumbers(trainingRange["min"]) : null;
  const max = isRecord(trainingRange) ? fourNumbers(trainingRange["max"]) : null;
  if (!min || !max) throw new Error("Iris metadata needs the training range: 4 minima and 4 maxima.");
  if (typeof testAccuracy !== "number") throw new Error("Iris metadata lacks the test accuracy.");
  return {
    classNames: SPECIES,
    features: FEATURES,
    standardisation: { mean, std },
    trainingRange: { min, max },
    testAccuracy,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function sameStrings(x: unknown, expected: readonly string[]): boolean {
  return Array.isArray(x) && x.length === expected.length && x.every((s, i) => s === expected[i]);
}

function fourNumbers(x: unknown): Measurements | null {
  if (!Array.isArray(x) || x.length !== 4 || !x.every((v) => typeof v === "number" && Number.isFinite(v))) {
    return null;
  }
  const [a, b, c, d] = x as number[];
  return [a!, b!, c!, d!];
}
