import * as tf from "@tensorflow/tfjs";
import { CLASS_COUNT } from "../../src/digits/classes.ts";
import { MODEL_INPUT_PX } from "../../src/digits/geometry.ts";

/** Filters of the three 3×3 convolutions, each followed by a 2×2 max-pool. */
export const CONV_FILTERS = [16, 32, 32] as const;
/** Units of the hidden dense layer. */
export const DENSE_UNITS = 64;
export const DROPOUT = 0.3;

/**
 * conv → pool, three times (`CONV_FILTERS`) → dense (`DENSE_UNITS`) → dropout → dense19 softmax:
 * ~48 k parameters, ~94 KB as shipped in float16 (budget 250 KB). Conv layers use relu, not linear,
 * so training goes through the Conv2D gradient registered for wasm (see conv-gradients.ts).
 * @returns model mapping [batch, 32, 32, 1] → [batch, CLASS_COUNT] class probabilities (see classes.ts)
 */
export function buildDigitModel(seed: number): tf.Sequential {
  const init = (k: number): ReturnType<typeof tf.initializers.heNormal> =>
    tf.initializers.heNormal({ seed: seed + k });
  const model = tf.sequential();
  CONV_FILTERS.forEach((filters, i) => {
    model.add(
      tf.layers.conv2d({
        ...(i === 0 ? { inputShape: [MODEL_INPUT_PX, MODEL_INPUT_PX, 1] } : {}),
        filters,
        kernelSize: 3,
        padding: "same",
        activation: "relu",
        kernelInitializer: init(i + 1),
      }),
    );
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  });
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: DENSE_UNITS, activation: "relu", kernelInitializer: init(4) }));
  model.add(tf.layers.dropout({ rate: DROPOUT, seed: seed + 5 }));
  model.add(
    tf.layers.dense({
      units: CLASS_COUNT,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 6 }),
    }),
  );
  return model;
}
