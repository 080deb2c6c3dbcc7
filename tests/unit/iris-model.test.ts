import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IRIS_EXAMPLES } from "../../src/iris/examples.ts";
import { parseIrisMetadata } from "../../src/iris/metadata.ts";
import { loadIrisClassifier, loadTf, type IrisClassifier } from "../../src/iris/predict.ts";
import { softmax } from "../../src/iris/softmax.ts";
import { readIrisCsv } from "../../training/iris/data.ts";
import { modelFromMemory, readModelFiles } from "../../training/iris/model-files.ts";
import { readFileSync } from "node:fs";

const MODEL_DIR = "public/models/iris";

describe("the shipped Iris model", () => {
  let classifier: IrisClassifier;

  beforeAll(async () => {
    const tf = await loadTf();
    const metadata = parseIrisMetadata(JSON.parse(readFileSync(`${MODEL_DIR}/metadata.json`, "utf8")));
    classifier = await loadIrisClassifier(
      modelFromMemory(tf, readModelFiles(MODEL_DIR)),
      metadata.standardisation,
    );
  });
  afterAll(() => classifier.dispose());

  it.each([
    [[5.1, 3.5, 1.4, 0.2], "setosa"],
    [[6.7, 3.0, 5.2, 2.3], "virginica"],
    [[5.9, 2.8, 4.3, 1.3], "versicolor"],
  ] as const)("classifies %j as %s", (x, species) => {
    const prediction = classifier.predict(x);
    expect(prediction.species).toBe(species);
    expect(Math.max(...prediction.probabilities)).toBeGreaterThan(0.5);
  });

  it("outputs probabilities that are the softmax of its logits", () => {
    const { logits, probabilities } = classifier.predict([6.3, 2.8, 5.1, 1.5]);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    softmax(logits).forEach((p, i) => expect(probabilities[i]).toBeCloseTo(p, 5));
  });

  it("classifies the page's example flowers as their species", () => {
    for (const example of IRIS_EXAMPLES) expect(classifier.predict(example.x).species).toBe(example.species);
  });
});

describe("the page's example flowers", () => {
  it("are rows of the shipped data, with their recorded species", () => {
    const rows = readIrisCsv();
    expect(rows).toHaveLength(150);
    for (const example of IRIS_EXAMPLES) {
      expect(rows[example.row - 1]).toEqual({ row: example.row, x: example.x, species: example.species });
    }
  });
});
