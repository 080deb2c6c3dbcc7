// Core + layers only, not the "@tensorflow/tfjs" bundle: the pipeline worker would carry its WebGL backend
// and converter (tests/e2e/transfer.spec.ts checks the built bundle). Node code importing "@tensorflow/tfjs" shares this core.
import * as tf from "@tensorflow/tfjs-core";
import { loadLayersModel, type LayersModel } from "@tensorflow/tfjs-layers";
import { CLASS_COUNT } from "./classes.ts";
import { MODEL_INPUT_PX } from "./geometry.ts";

/** A model URL (".../model.json") or an IOHandler (e.g. reading files in Node). */
export type ModelSource = string | tf.io.IOHandler;

/** Probabilities of classes 0..CLASS_COUNT−1 for one cell (see `classes.ts`: empty, printed, handwritten). */
export type CellProbabilities = Float32Array;

export interface DigitClassifier {
  /** Classifies prepared inputs (see `prepareCell`), all in one batch. */
  classifyCells(inputs: readonly Float32Array[]): Promise<CellProbabilities[]>;
  /** Frees the model's weights; a later call loads it again. */
  dispose(): void;
}

/**
 * The digit CNN, loaded lazily on first use and once. The TF.js backend must already be
 * chosen (see `useWasmBackend`).
 */
export function createDigitClassifier(source: ModelSource): DigitClassifier {
  let model: Promise<LayersModel> | undefined;
  return {
    async classifyCells(inputs) {
      model ??= loadLayersModel(source);
      return predictProbabilities(await model, inputs);
    },
    dispose() {
      void model?.then((m) => m.dispose());
      model = undefined;
    },
  };
}

/**
 * Packs prepared cells into the CNN's input tensor. Training uses this same function: the parity
 * test holds it to that.
 * @param inputs each MODEL_INPUT_PX² values, ink = 1
 * @returns shape [inputs.length, MODEL_INPUT_PX, MODEL_INPUT_PX, 1]; the caller disposes it
 */
export function inputsToTensor(inputs: readonly Float32Array[]): tf.Tensor4D {
  const size = MODEL_INPUT_PX * MODEL_INPUT_PX;
  const flat = new Float32Array(inputs.length * size);
  inputs.forEach((input, i) => {
    if (input.length !== size) throw new Error(`input ${i} has ${input.length} values, expected ${size}`);
    flat.set(input, i * size);
  });
  return tf.tensor4d(flat, [inputs.length, MODEL_INPUT_PX, MODEL_INPUT_PX, 1]);
}

/**
 * One `predict` over the whole batch; every intermediate tensor is freed.
 * @param inputs each MODEL_INPUT_PX² values, ink = 1
 */
export async function predictProbabilities(
  model: LayersModel,
  inputs: readonly Float32Array[],
): Promise<CellProbabilities[]> {
  if (inputs.length === 0) return [];
  const probs = tf.tidy(() => model.predict(inputsToTensor(inputs)) as tf.Tensor2D);
  try {
    const data = await probs.data<"float32">();
    return inputs.map((_, i) => data.slice(i * CLASS_COUNT, (i + 1) * CLASS_COUNT));
  } finally {
    probs.dispose();
  }
}
