import * as tf from "@tensorflow/tfjs";

/** One held-out cell as the CNN saw it: its class probabilities and its true class. */
export interface CalibrationSample {
  probs: Float32Array;
  label: number;
}

const TEMPERATURES = Array.from({ length: 91 }, (_, i) => 0.5 + i * 0.05);

/**
 * The softmax temperature that minimises the negative log-likelihood of the true classes on cells the
 * model never trained on (Guo et al. 2017, "On Calibration of Modern Neural Networks"). A fine-tuned
 * CNN is over-confident: its misreads come out at 0.99 and escape the doubt flag.
 * @returns T in [0.5, 5]; softmax(logits / T) are the calibrated probabilities
 */
export function fitTemperature(samples: readonly CalibrationSample[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (const t of TEMPERATURES) {
    let loss = 0;
    for (const s of samples) loss -= Math.log(Math.max(1e-12, tempered(s.probs, t)[s.label]!));
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best;
}

/** Probabilities softened (T > 1) or sharpened (T < 1) as if the logits were divided by T. */
export function tempered(probs: Float32Array, t: number): Float32Array {
  const out = new Float32Array(probs.length);
  let sum = 0;
  probs.forEach((p, i) => (sum += out[i] = Math.pow(Math.max(p, 1e-30), 1 / t)));
  return out.map((p) => p / sum);
}

/**
 * Bakes the temperature into the model: the last layer is dense + softmax, so dividing its weights
 * and bias by T divides the logits by T, and the app needs no extra step.
 */
export function applyTemperature(model: tf.LayersModel, t: number): void {
  const last = model.layers[model.layers.length - 1]!;
  tf.tidy(() => last.setWeights(last.getWeights().map((w) => w.div(t))));
}
