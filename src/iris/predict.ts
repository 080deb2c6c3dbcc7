import type * as Tf from "@tensorflow/tfjs";
import { LOGITS_LAYER, SPECIES, type Measurements, type Species } from "./contract.ts";
import { standardise, type Standardisation } from "./standardise.ts";

export type TfModule = typeof Tf;

/** One classification, every array in SPECIES order. */
export interface IrisPrediction {
  readonly logits: readonly number[];
  /** The model's softmax output. */
  readonly probabilities: readonly number[];
  readonly species: Species;
}

export interface IrisClassifier {
  /** `x` in centimetres, FEATURES order; standardised here with the training-split constants. */
  predict(x: Measurements): IrisPrediction;
  dispose(): void;
}

let tfModule: Promise<TfModule> | undefined;

/** TF.js is large: fetched on first use, once; a failed fetch is retried on the next call. */
export function loadTf(): Promise<TfModule> {
  tfModule ??= import("@tensorflow/tfjs").then(
    async (tf) => {
      // cpu on purpose: this MLP has a few hundred weights, so a prediction takes well under a millisecond.
      // WebGL would spend more on context and shader setup (and is absent under headless --disable-gpu);
      // wasm would cost a binary download. Same backend in Node training, so results match bit for bit.
      await tf.setBackend("cpu");
      return tf;
    },
    (error: unknown) => {
      tfModule = undefined;
      throw error;
    },
  );
  return tfModule;
}

/**
 * Loads the trained model from a URL (relative to the page, e.g. "./models/iris/model.json") or,
 * in Node, from an IOHandler. The returned classifier reads both the logits and the softmax output.
 */
export async function loadIrisClassifier(
  source: string | Tf.io.IOHandler,
  standardisation: Standardisation,
): Promise<IrisClassifier> {
  const tf = await loadTf();
  return classifierFromModel(tf, await tf.loadLayersModel(source), standardisation);
}

/** Wraps a trained model (loaded, or just trained in the page) as a classifier of raw centimetres. */
export function classifierFromModel(
  tf: TfModule,
  trained: Tf.LayersModel,
  standardisation: Standardisation,
): IrisClassifier {
  // A second view of the same weights with two outputs: the page shows −ln p computed from the logits
  // by log-sum-exp, which stays exact where the float32 softmax rounds a probability to 0.
  const logits = trained.getLayer(LOGITS_LAYER).output;
  if (Array.isArray(logits)) throw new Error(`Layer "${LOGITS_LAYER}" should have one output.`);
  const twoHeads = tf.model({ inputs: trained.inputs, outputs: [logits, ...trained.outputs] });
  return {
    predict(x) {
      const z = standardise(x, standardisation);
      const [zOut, pOut] = tf.tidy(() => {
        const outputs = twoHeads.predict(tf.tensor2d([[...z]], [1, z.length]));
        if (!Array.isArray(outputs)) throw new Error("Expected logits and probabilities.");
        return outputs.map((t) => Array.from(t.dataSync()));
      });
      if (!zOut || !pOut) throw new Error("Expected logits and probabilities.");
      return { logits: zOut, probabilities: pOut, species: SPECIES[argMax(pOut)] ?? SPECIES[0] };
    },
    dispose() {
      trained.dispose();
    },
  };
}

function argMax(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v > (values[best] ?? -Infinity) ? i : best), 0);
}
