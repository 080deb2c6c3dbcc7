import type { Feature, Measurements } from "./contract.ts";

/** Largest value accepted for any measurement: no iris sepal or petal comes near 30 cm (the data max 7.9). */
export const MAX_PLAUSIBLE_CM = 30;

export type MeasurementProblem = "empty" | "not-a-number" | "negative" | "zero" | "implausible";

export type FieldCheck =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: MeasurementProblem; readonly message: string };

/** Plain decimal notation only: rejects "0x10", "Infinity", "1,5" and other things Number() would half-accept. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks one measurement as typed. `badInput` is the browser's verdict for `<input type="number">`, whose
 * `.value` reads "" for text like "1e" — without it such input would be misreported as empty.
 */
export function checkMeasurement(feature: Feature, text: string, badInput = false): FieldCheck {
  const trimmed = text.trim();
  const name = feature.label;
  if (badInput || (trimmed !== "" && !DECIMAL.test(trimmed))) {
    return fail("not-a-number", `${name} must be a number of centimetres, such as 5.1.`);
  }
  if (trimmed === "") return fail("empty", `Enter the ${name.toLowerCase()} in centimetres.`);
  const value = Number(trimmed);
  if (value < 0) return fail("negative", `${name} cannot be negative.`);
  if (value === 0) return fail("zero", `${name} must be more than 0 cm.`);
  if (!(value <= MAX_PLAUSIBLE_CM)) {
    return fail("implausible", `${name} over ${MAX_PLAUSIBLE_CM} cm is implausible for an iris.`);
  }
  return { ok: true, value };
}

/** All four values when every check passed, otherwise null (the page then shows no prediction). */
export function measurementsIfValid(checks: readonly FieldCheck[]): Measurements | null {
  const values = checks.flatMap((c) => (c.ok ? [c.value] : []));
  const [a, b, c, d] = values;
  if (values.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined) {
    return null;
  }
  return [a, b, c, d];
}

export type LogitCheck =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** A logit is any finite real number, negative included. */
export function checkLogit(className: string, text: string, badInput = false): LogitCheck {
  const trimmed = text.trim();
  if (!badInput && trimmed === "") return { ok: false, message: `Enter a logit for ${className}.` };
  if (badInput || !DECIMAL.test(trimmed) || !Number.isFinite(Number(trimmed))) {
    return { ok: false, message: `The logit for ${className} must be a number, such as -1.5 or 8.` };
  }
  return { ok: true, value: Number(trimmed) };
}

function fail(problem: MeasurementProblem, message: string): FieldCheck {
  return { ok: false, problem, message };
}
