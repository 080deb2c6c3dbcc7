/**
 * `npm run train:iris`: trains the Iris MLP and writes public/models/iris/ (model.json, weights.bin,
 * metadata.json, README.md). Deterministic: seeded split, initialisers and batch order on the cpu backend.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FEATURES, SPECIES } from "../../src/iris/contract.ts";
import type { IrisMetadata } from "../../src/iris/metadata.ts";
import { loadIrisClassifier, loadTf, type TfModule } from "../../src/iris/predict.ts";
import { stratifiedFolds, type IrisSample } from "../../src/iris/dataset.ts";
import {
  buildIrisModel,
  classifyAll,
  IRIS_TRAINING,
  trainIrisModel,
  trainIrisRecipe,
} from "../../src/iris/mlp.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { fitStandardisation } from "../../src/iris/standardise.ts";
import { fitTrainingRange } from "../../src/iris/training-range.ts";
import { readIrisCsv } from "./data.ts";
import { accuracy, confusionMatrix } from "./evaluate.ts";
import { renderModelCard } from "./model-card.ts";
import { modelFromMemory, serialiseModel, writeModelFiles } from "./model-files.ts";

const OUT_DIR = join(import.meta.dirname, "../../public/models/iris");
const { seed, crossValidationFolds, epochs } = IRIS_TRAINING;

const started = performance.now();
const tf = await loadTf();
const samples = readIrisCsv();
const { model, standardisation, train, test, losses } = await trainIrisRecipe(tf, samples);
const serialised = await serialiseModel(tf, model);
const trainingSeconds = (performance.now() - started) / 1000;

// Evaluate what ships, through the page's own code path: the serialised model and loadIrisClassifier.
const classifier = await loadIrisClassifier(modelFromMemory(tf, serialised), standardisation);
const confusionOf = (of: readonly IrisSample[]) =>
  confusionMatrix(
    of.map((s) => s.species),
    of.map((s) => classifier.predict(s.x).species),
  );
const testConfusion = confusionOf(test);
const trainAccuracy = accuracy(confusionOf(train));
const crossValidation = await crossValidate(tf, samples);

const metadata: IrisMetadata = {
  classNames: SPECIES,
  features: FEATURES,
  standardisation,
  trainingRange: fitTrainingRange(train.map((s) => s.x)),
  testAccuracy: accuracy(testConfusion),
};
writeModelFiles(OUT_DIR, serialised);
writeFileSync(join(OUT_DIR, "metadata.json"), `${JSON.stringify(metadata, null, 2)}\n`);
writeFileSync(
  join(OUT_DIR, "README.md"),
  renderModelCard({
    metadata,
    trainCount: train.length,
    testCount: test.length,
    trainAccuracy,
    finalTrainLoss: losses.at(-1) ?? NaN,
    testConfusion,
    crossValidation,
    parameterCount: model.countParams(),
    weightBytes: serialised.weights.byteLength,
    trainingSeconds,
    totalSeconds: (performance.now() - started) / 1000,
  }),
);
classifier.dispose();
model.dispose();

console.log(
  JSON.stringify({
    testAccuracy: metadata.testAccuracy,
    trainAccuracy,
    crossValidation,
    firstEpochLoss: losses[0],
    finalTrainLoss: losses.at(-1),
    testConfusion,
    trainingSeconds: Number(trainingSeconds.toFixed(2)),
    totalSeconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  }),
);

/**
 * A 30-flower test split moves 3.3 points per flower, so also retrain the same recipe on k stratified
 * folds of all 150 flowers: the accuracy of each fold when held out.
 */
async function crossValidate(tf: TfModule, all: readonly IrisSample[]): Promise<number[]> {
  const folds = stratifiedFolds(all, crossValidationFolds, seededRandom(seed));
  const accuracies: number[] = [];
  for (const [k, heldOut] of folds.entries()) {
    const rest = folds.filter((_, j) => j !== k).flat();
    const foldStandardisation = fitStandardisation(rest.map((s) => s.x));
    const foldModel = buildIrisModel(tf);
    try {
      await trainIrisModel(tf, foldModel, rest, foldStandardisation, { epochs });
      const predicted = classifyAll(tf, foldModel, heldOut, foldStandardisation);
      accuracies.push(
        accuracy(
          confusionMatrix(
            heldOut.map((s) => s.species),
            predicted,
          ),
        ),
      );
    } finally {
      foldModel.dispose();
    }
  }
  return accuracies;
}
