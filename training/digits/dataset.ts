import * as tf from "@tensorflow/tfjs";
import { inputsToTensor } from "../../src/digits/classifier.ts";
import { CLASS_COUNT, classOf } from "../../src/digits/classes.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import type { Rng } from "./rng.ts";

/** One training example: a prepared CNN input and its class (see `classes.ts`). */
export interface Example {
  input: Float32Array;
  label: number;
}

export type CellRenderer = (rng: Rng, label: number) => GrayImage;

/** Share of empty cells in synthetic batches (real grids are ~64 % empty; most are easy). */
export const EMPTY_SHARE = 0.2;

/**
 * Renders `count` synthetic cells and prepares them exactly as the app prepares photo cells.
 * @param handwrittenShare share of the digit cells written by hand (the renderer must have handwriting)
 */
export function syntheticExamples(
  render: CellRenderer,
  rng: Rng,
  count: number,
  handwrittenShare = 0,
): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < count; i++) {
    const label = rng.chance(EMPTY_SHARE) ? 0 : classOf(rng.int(1, 9), rng.chance(handwrittenShare));
    out.push({ input: prepareCell(render(rng, label)).input, label });
  }
  return out;
}

/**
 * @returns xs shape [n, 32, 32, 1] and one-hot ys shape [n, CLASS_COUNT]; the caller disposes both.
 */
export function toTensors(examples: readonly Example[]): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const xs = inputsToTensor(examples.map((e) => e.input));
  const ys = tf.tidy(
    () =>
      tf.oneHot(
        tf.tensor1d(
          examples.map((e) => e.label),
          "int32",
        ),
        CLASS_COUNT,
      ) as tf.Tensor2D,
  );
  return { xs, ys };
}
