/**
 * `npm run train:digits [-- --steps N --fine-tune-steps M --seed S --batch B --fine-tune on|off
 *   --photos DIR --generated DIR… --out DIR]`. The defaults reproduce the committed model in
 *   public/models/digits/.
 * Phase 1 trains on synthetic cells only. Phase 2 (when the photo folder exists; a fresh clone
 * has no ../shared) fine-tunes on cells cut from two thirds of the dev photos, split by image,
 * mixed with synthetic cells; the other third is only ever used to report accuracy. Each
 * `--generated DIR` (a `gen:photos` folder of a training seed) adds its photos' cells, cut by the
 * app's own pipeline; with real photos too, generated cells fill half of the photo share of a batch.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Example } from "./dataset.ts";
import { registerFonts } from "./fonts.ts";
import { writeModelCard, type TrainingReport } from "./model-card.ts";
import { saveModelFiles } from "../../tooling/model-files.ts";
import { useNodeWasmBackend } from "./node-backend.ts";
import { foldOf } from "../../tooling/folds.ts";
import { balancedPool, loadGeneratedExamples } from "./generated-cells.ts";
import { alignToLabels, loadPhotoCells } from "./real-cells.ts";
import { readDigits, scoreRealCells, type LabelledGrid, type RealCellReport } from "./real-eval.ts";
import { createCellRenderer } from "./render-cell.ts";
import { evaluate, FINE_TUNE_LR, SYNTHETIC_LR, syntheticValidation, trainDigitModel } from "./trainer.ts";

/** Photos whose file name hashes to this fold (of FOLDS) are held out from all training. */
const FOLDS = 3;
const HELD_OUT_FOLD = 0;

const repo = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "2500" },
    "fine-tune-steps": { type: "string", default: "1200" },
    seed: { type: "string", default: "1" },
    batch: { type: "string", default: "64" },
    "fine-tune": { type: "string", default: "on" },
    photos: { type: "string", default: resolve(repo, "../shared/photos/dev") },
    generated: { type: "string", multiple: true, default: [] },
    out: { type: "string", default: resolve(repo, "public/models/digits") },
  },
});
const seed = Number(values.seed);
const batchSize = Number(values.batch);
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const percent = (x: number): string => `${(x * 100).toFixed(2)} %`;
const describe = (name: string, r: RealCellReport): void =>
  log(
    `${name}: ${r.images} images, cells ${percent(r.cellAccuracy)}, digits ${percent(r.digitAccuracy)}, ` +
      `empty ${percent(r.emptyAccuracy)}, grids all right ${percent(r.gridAccuracy)}; ` +
      `confusions ${r.confusions
        .slice(0, 12)
        .map(([k, n]) => `${k}×${n}`)
        .join(" ")}`,
  );

await useNodeWasmBackend();
const render = createCellRenderer(registerFonts());
const realPhotos = existsSync(resolve(values.photos, "labels.json"));
const fineTune = values["fine-tune"] === "on" && (realPhotos || values.generated.length > 0);
log(
  `seed ${seed}, batch ${batchSize}, fine-tuning on photos: ${fineTune ? [values.photos, ...values.generated].join(", ") : "off"}`,
);

const started = Date.now();
const common = { batchSize, seed, render, log, logEvery: 100 };
const { model } = await trainDigitModel({
  ...common,
  steps: Number(values.steps),
  peakLr: SYNTHETIC_LR,
  realExamples: [],
  realShare: 0,
});
log(`phase 1 (synthetic) done in ${((Date.now() - started) / 60000).toFixed(1)} min`);

let real: TrainingReport["real"];
if (fineTune) {
  const photos = realPhotos ? await loadPhotoCells(values.photos, log) : [];
  // Orientation by agreement with the labels, judged by the synthetic-only model.
  const grids: LabelledGrid[] = [];
  for (const photo of photos) {
    const cells = await alignToLabels(photo, (c) => readDigits(model, c));
    grids.push({ file: photo.file, labels: photo.labels, cells });
  }
  const heldOut = grids.filter((g) => foldOf(g.file, FOLDS) === HELD_OUT_FOLD);
  const training = grids.filter((g) => foldOf(g.file, FOLDS) !== HELD_OUT_FOLD);
  const heldOutSyntheticOnly = await scoreRealCells(model, heldOut);
  describe("held-out photos, synthetic-only model", heldOutSyntheticOnly);
  const realExamples: Example[] = training.flatMap((g) =>
    g.cells.map((c, i) => ({ input: c.input, label: g.labels[i]! })),
  );
  const generated = await loadGeneratedExamples(values.generated, (c) => readDigits(model, c), log);
  log(
    `fine-tuning on ${realExamples.length} cells of ${training.length} photos (held out: ${heldOut.length})` +
      ` and ${generated.length} cells of generated photos`,
  );
  await trainDigitModel({
    ...common,
    seed: seed + 1,
    model,
    steps: Number(values["fine-tune-steps"]),
    peakLr: FINE_TUNE_LR,
    realExamples: balancedPool(realExamples, generated),
    realShare: 0.5,
  });
  if (realPhotos) {
    const heldOutReport = await scoreRealCells(model, heldOut);
    describe("held-out photos, fine-tuned model", heldOutReport);
    real = {
      trainingImages: training.length,
      trainingCells: realExamples.length,
      heldOutSyntheticOnly,
      heldOut: heldOutReport,
    };
    describe("training photos (not a measure of generalisation)", await scoreRealCells(model, training));
  }
}

const minutes = (Date.now() - started) / 60000;
const synthetic = await evaluate(model, syntheticValidation(render, seed, 2000));
log(`synthetic validation: ${percent(synthetic.accuracy)} of ${synthetic.count}`);
log(`synthetic confusion (rows truth 0-9, cols predicted): ${JSON.stringify(synthetic.confusion)}`);
const bytes = await saveModelFiles(model, values.out);
// Where the files go does not change the model: leave --out out of the recorded command.
const argv = process.argv.slice(2);
const outAt = argv.indexOf("--out");
const args = (outAt >= 0 ? [...argv.slice(0, outAt), ...argv.slice(outAt + 2)] : argv).join(" ");
await writeModelCard(values.out, {
  command: `npm run train:digits${args ? ` -- ${args}` : ""}`,
  syntheticSteps: Number(values.steps),
  fineTuneSteps: fineTune ? Number(values["fine-tune-steps"]) : 0,
  batchSize,
  minutes,
  weightBytes: bytes,
  synthetic,
  real,
});
log(
  `saved ${values.out} (${(bytes / 1024).toFixed(0)} KB weights) + README.md, training ${minutes.toFixed(1)} min`,
);
