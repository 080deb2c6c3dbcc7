/**
 * `npm run train:digits [-- --steps N --seed S --batch B --fine-tune on|off --photos DIR --out DIR]`
 * Defaults reproduce the committed model in public/models/digits/. Without the photo folder
 * (a fresh clone has no ../shared) it trains on synthetic cells only.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { registerFonts } from "./fonts.ts";
import { saveModelFiles } from "./model-files.ts";
import { useNodeWasmBackend } from "./node-backend.ts";
import { createCellRenderer } from "./render-cell.ts";
import { evaluate, syntheticValidation, trainDigitModel } from "./trainer.ts";

const repo = resolve(import.meta.dirname, "../..");
const { values } = parseArgs({
  options: {
    steps: { type: "string", default: "4000" },
    seed: { type: "string", default: "1" },
    batch: { type: "string", default: "64" },
    "fine-tune": { type: "string", default: "on" },
    photos: { type: "string", default: resolve(repo, "../shared/photos/dev") },
    out: { type: "string", default: resolve(repo, "public/models/digits") },
  },
});
const steps = Number(values.steps);
const seed = Number(values.seed);
const batchSize = Number(values.batch);
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

await useNodeWasmBackend();
const render = createCellRenderer(registerFonts());
const fineTune = values["fine-tune"] === "on" && existsSync(resolve(values.photos, "labels.json"));
log(`steps ${steps}, batch ${batchSize}, seed ${seed}, real photos: ${fineTune ? values.photos : "off"}`);

const started = Date.now();
const { model } = await trainDigitModel({
  steps,
  batchSize,
  seed,
  realExamples: [],
  realShare: 0,
  render,
  log,
  logEvery: 50,
});
const minutes = (Date.now() - started) / 60000;
const synthetic = await evaluate(model, syntheticValidation(render, seed, 2000));
log(`synthetic validation: ${(synthetic.accuracy * 100).toFixed(2)} % of ${synthetic.count}`);
log(`confusion (rows truth 0-9, cols predicted): ${JSON.stringify(synthetic.confusion)}`);
const bytes = await saveModelFiles(model, values.out);
log(`saved ${values.out} (${(bytes / 1024).toFixed(0)} KB weights), training ${minutes.toFixed(1)} min`);
