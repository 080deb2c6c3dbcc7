import { describe, expect, it } from "vitest";
import { SPECIES } from "../../src/iris/contract.ts";
import { loadIrisClassifier, loadTf } from "../../src/iris/predict.ts";
import { fitStandardisation } from "../../src/iris/standardise.ts";
import { parseIrisCsv, stratifiedFolds, stratifiedSplit } from "../../src/iris/dataset.ts";
import { readIrisCsv } from "../../training/iris/data.ts";
import { accuracy, confusionMatrix } from "../../training/iris/evaluate.ts";
import { modelFromMemory, serialiseModel } from "../../training/iris/model-files.ts";
import { buildIrisModel, classifyAll, trainIrisModel } from "../../src/iris/mlp.ts";
import { seededRandom } from "../../src/shared/random.ts";

const countOf = (samples: readonly { species: string }[], species: string) =>
  samples.filter((s) => s.species === species).length;

describe("Iris data split", () => {
  const samples = readIrisCsv();

  it("holds out 10 of each species' 50 and never the same flower twice", () => {
    const { train, test } = stratifiedSplit(samples, 0.2, seededRandom(1));
    for (const species of SPECIES) {
      expect(countOf(test, species)).toBe(10);
      expect(countOf(train, species)).toBe(40);
    }
    expect(new Set([...train, ...test].map((s) => s.row)).size).toBe(150);
  });

  it("is the same for the same seed and different for another", () => {
    const rows = (seed: number) => stratifiedSplit(samples, 0.2, seededRandom(seed)).test.map((s) => s.row);
    expect(rows(1)).toEqual(rows(1));
    expect(rows(1)).not.toEqual(rows(2));
  });

  it("deals balanced cross-validation folds covering every flower once", () => {
    const folds = stratifiedFolds(samples, 5, seededRandom(1));
    for (const fold of folds) expect(SPECIES.map((s) => countOf(fold, s))).toEqual([10, 10, 10]);
    expect(new Set(folds.flat().map((s) => s.row)).size).toBe(150);
  });

  it("rejects a malformed CSV line", () => {
    expect(() => parseIrisCsv("header\n5.1,3.5,1.4,0.2,rose\n")).toThrow(/line 2/);
  });
});

describe("confusion matrix", () => {
  it("counts true species by row and predictions by column", () => {
    const m = confusionMatrix(["setosa", "virginica", "virginica"], ["setosa", "versicolor", "virginica"]);
    expect(m).toEqual([
      [1, 0, 0],
      [0, 0, 0],
      [0, 1, 1],
    ]);
    expect(accuracy(m)).toBeCloseTo(2 / 3, 12);
  });
});

describe("training smoke run (3 epochs, in memory, no files written)", () => {
  it("lowers the loss, serialises, and reloads into the page's classifier", async () => {
    const tf = await loadTf();
    const { train } = stratifiedSplit(readIrisCsv(), 0.2, seededRandom(1));
    const standardisation = fitStandardisation(train.map((s) => s.x));
    const model = buildIrisModel(tf);
    try {
      const reported: number[] = [];
      const losses = await trainIrisModel(tf, model, train, standardisation, {
        epochs: 3,
        onEpoch: (epoch, loss) => void reported.push(epoch, loss),
      });
      expect(losses).toHaveLength(3);
      expect(reported).toEqual([1, losses[0], 2, losses[1], 3, losses[2]]);
      expect(losses[2]!).toBeLessThan(losses[0]!);

      const serialised = await serialiseModel(tf, model);
      expect(serialised.weights.byteLength).toBe(model.countParams() * 4);
      const reloaded = await loadIrisClassifier(modelFromMemory(tf, serialised), standardisation);
      const direct = classifyAll(tf, model, train.slice(0, 5), standardisation);
      expect(train.slice(0, 5).map((s) => reloaded.predict(s.x).species)).toEqual(direct);
      reloaded.dispose();
    } finally {
      model.dispose();
    }
  });

  it("starts from the same weights for the same seed", async () => {
    const tf = await loadTf();
    const [a, b] = [buildIrisModel(tf, 7), buildIrisModel(tf, 7)];
    try {
      const weights = (m: typeof a) => m.getWeights().map((w) => Array.from(w.dataSync()));
      expect(weights(a)).toEqual(weights(b));
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
