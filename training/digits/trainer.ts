import * as tf from "@tensorflow/tfjs";
import { predictProbabilities } from "../../src/digits/classifier.ts";
import { CLASS_COUNT } from "../../src/digits/classes.ts";
import { syntheticExamples, toTensors, type CellRenderer, type Example } from "./dataset.ts";
import { buildDigitModel } from "./model.ts";
import { createRng } from "./rng.ts";

export interface TrainOptions {
  /** Continue training this model (fine-tuning); a fresh one is built from `seed` when absent. */
  model?: tf.LayersModel;
  steps: number;
  /** Learning rate of the first half; it then decays to a twentieth of it. */
  peakLr: number;
  batchSize: number;
  seed: number;
  /** Cells cut from real photos (training folds only), mixed into every batch. */
  realExamples: readonly Example[];
  /** Share of each batch drawn from `realExamples` when there are any. */
  realShare: number;
  render: CellRenderer;
  /** Share of synthetic digit cells written by hand (0 when the renderer has no handwriting). */
  handwrittenShare: number;
  log: (line: string) => void;
  logEvery: number;
}

/** Adam whose learning rate the schedule can change between steps. */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

export const SYNTHETIC_LR = 2e-3;
export const FINE_TUNE_LR = 5e-4;

/** Constant rate for the first half, then cosine decay to peak/20: a stable finish without tuning. */
export function learningRateAt(step: number, steps: number, peak: number): number {
  const t = Math.max(0, (step / steps - 0.5) / 0.5);
  const floor = peak / 20;
  return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * t));
}

/**
 * Trains the digit CNN on batches rendered on the fly (a fresh stream from `seed`), optionally
 * mixed with real cells. Returns the model and the loss of each step.
 */
export async function trainDigitModel(
  options: TrainOptions,
): Promise<{ model: tf.LayersModel; losses: number[] }> {
  const { steps, batchSize, seed, realExamples, render, log } = options;
  const rng = createRng(seed);
  const model = options.model ?? buildDigitModel(seed);
  const optimizer = new ScheduledAdam(options.peakLr, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const realCount = realExamples.length > 0 ? Math.round(batchSize * options.realShare) : 0;
  const losses: number[] = [];
  const started = Date.now();
  for (let step = 0; step < steps; step++) {
    optimizer.setLearningRate(learningRateAt(step, steps, options.peakLr));
    const batch = syntheticExamples(render, rng, batchSize - realCount, options.handwrittenShare);
    for (let i = 0; i < realCount; i++) batch.push(rng.pick(realExamples));
    const { xs, ys } = toTensors(batch);
    try {
      const [loss, acc] = (await model.trainOnBatch(xs, ys)) as number[];
      losses.push(loss!);
      if ((step + 1) % options.logEvery === 0 || step === steps - 1) {
        const s = ((Date.now() - started) / 1000).toFixed(0);
        log(`step ${step + 1}/${steps} loss ${loss!.toFixed(4)} acc ${acc!.toFixed(3)} ${s}s`);
      }
    } finally {
      xs.dispose();
      ys.dispose();
    }
  }
  optimizer.dispose();
  return { model, losses };
}

export interface Evaluation {
  count: number;
  accuracy: number;
  /** confusion[truth][predicted] */
  confusion: number[][];
}

/** Accuracy and confusion matrix of `model` on `examples` (argmax of the CNN alone). */
export async function evaluate(model: tf.LayersModel, examples: readonly Example[]): Promise<Evaluation> {
  const confusion = Array.from({ length: CLASS_COUNT }, () => new Array<number>(CLASS_COUNT).fill(0));
  let right = 0;
  for (let start = 0; start < examples.length; start += 256) {
    const chunk = examples.slice(start, start + 256);
    const probs = await predictProbabilities(
      model,
      chunk.map((e) => e.input),
    );
    chunk.forEach((e, i) => {
      const p = probs[i]!;
      const predicted = p.indexOf(Math.max(...p));
      confusion[e.label]![predicted]!++;
      if (predicted === e.label) right++;
    });
  }
  return { count: examples.length, accuracy: examples.length ? right / examples.length : NaN, confusion };
}

/** Held-out synthetic cells: a stream disjoint from training (different seed). */
export function syntheticValidation(
  render: CellRenderer,
  seed: number,
  count: number,
  handwrittenShare: number,
): Example[] {
  return syntheticExamples(render, createRng(seed ^ 0x5eed), count, handwrittenShare);
}
