import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIrisMetadata } from "../../src/iris/metadata.ts";
import { fitStandardisation, standardise } from "../../src/iris/standardise.ts";
import { extrapolationNotes, fitTrainingRange } from "../../src/iris/training-range.ts";

describe("standardisation", () => {
  it("fits column means and population standard deviations computed by hand", () => {
    // Column 1: 1, 3 → mean 2, std 1. Column 2: 2, 2 → std 0, kept as 1. Columns 3–4: 0, 4 and 10, 20.
    const s = fitStandardisation([
      [1, 2, 0, 10],
      [3, 2, 4, 20],
    ]);
    expect(s.mean).toEqual([2, 2, 2, 15]);
    expect(s.std).toEqual([1, 1, 2, 5]);
    expect(standardise([3, 2, 0, 25], s)).toEqual([1, 0, -1, 2]);
  });

  it("refuses to fit on no data", () => {
    expect(() => fitStandardisation([])).toThrow();
  });
});

describe("training range", () => {
  const range = fitTrainingRange([
    [5, 3, 1.4, 0.2],
    [7, 2.5, 6, 2.1],
  ]);

  it("holds each feature's extremes", () => {
    expect(range).toEqual({ min: [5, 2.5, 1.4, 0.2], max: [7, 3, 6, 2.1] });
  });

  it("says nothing inside the range, bounds included, and names each feature outside it", () => {
    expect(extrapolationNotes([5, 3, 6, 0.2], range)).toEqual([]);
    expect(extrapolationNotes([5, 3, 12, 0.1], range)).toEqual([
      "Petal length 12 cm is outside the flowers the model learned from (1.4–6.0 cm): treat this prediction as a guess.",
      "Petal width 0.1 cm is outside the flowers the model learned from (0.2–2.1 cm): treat this prediction as a guess.",
    ]);
  });
});

describe("model metadata", () => {
  const shipped: unknown = JSON.parse(readFileSync("public/models/iris/metadata.json", "utf8"));

  it("parses the shipped metadata.json, which claims at least 95 % test accuracy", () => {
    const metadata = parseIrisMetadata(shipped);
    expect(metadata.classNames).toEqual(["setosa", "versicolor", "virginica"]);
    expect(metadata.standardisation.std.every((s) => s > 0)).toBe(true);
    expect(metadata.testAccuracy).toBeGreaterThanOrEqual(0.95);
    metadata.trainingRange.min.forEach((min, j) => expect(min).toBeLessThan(metadata.trainingRange.max[j]!));
  });

  it("rejects metadata with another class order or broken constants", () => {
    const base = shipped as Record<string, unknown>;
    expect(() => parseIrisMetadata({ ...base, classNames: ["virginica", "versicolor", "setosa"] })).toThrow(
      /classes/,
    );
    expect(() =>
      parseIrisMetadata({ ...base, standardisation: { mean: [0, 0, 0], std: [1, 1, 1, 1] } }),
    ).toThrow(/standardisation/);
    expect(() => parseIrisMetadata({ ...base, trainingRange: undefined })).toThrow(/training range/);
    expect(() => parseIrisMetadata([])).toThrow();
  });
});
