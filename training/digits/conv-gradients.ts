import * as tf from "@tensorflow/tfjs";
import type { Conv2DAttrs } from "@tensorflow/tfjs-core";

/**
 * The wasm backend has a Conv2D forward kernel and Conv2DBackpropInput, but no
 * Conv2DBackpropFilter, so the stock Conv2D gradient throws during training. This replaces
 * the Conv2D gradient with one built only from kernels wasm has. Call once, after the backend
 * is chosen. Proved by tests/unit/conv-gradients.test.ts (finite differences).
 *
 * Layers must use a non-linear activation (e.g. relu) on conv layers: with "linear" TF.js keeps
 * the fused conv kernel while differentiating, whose gradient calls the missing kernel directly.
 */
export function registerConvGradients(): void {
  tf.registerGradient({
    kernelName: "Conv2D",
    inputsToSave: ["x", "filter"],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const { strides, pad, dilations, dataFormat, dimRoundingMode } = attrs as unknown as Conv2DAttrs;
      if (dataFormat !== "NHWC") throw new Error(`Conv2D gradient: only NHWC, got ${dataFormat}`);
      if (!tf.backend_util.eitherStridesOrDilationsAreOne(strides, dilations ?? 1)) {
        throw new Error("Conv2D gradient: strides and dilations cannot both exceed 1");
      }
      const dy4 = dy as tf.Tensor4D;
      return {
        x: () => tf.conv2dTranspose(dy4, filter, x.shape, strides, pad, dimRoundingMode),
        filter: () => filterGradient(x, dy4, filter.shape, strides, pad, dimRoundingMode),
      };
    },
  });
}

/**
 * dL/dW[a,b,ci,co] = Σ_{n,i,j} x[n, a + i·s − top, b + j·s − left, ci] · dy[n,i,j,co]:
 * a forward convolution of x with batch and channels swapped ([Ci,H,W,N]) by dy used as the
 * filter ([Ho,Wo,N,Co]) dilated by the stride, padded like the forward pass.
 * @returns shape [kh, kw, Ci, Co]
 */
export function filterGradient(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  strides: Conv2DAttrs["strides"],
  pad: Conv2DAttrs["pad"],
  dimRoundingMode?: Conv2DAttrs["dimRoundingMode"],
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode);
    const [kh, kw] = filterShape;
    const { top, left } = info.padInfo;
    const { strideHeight: sh, strideWidth: sw, outHeight: ho, outWidth: wo, inHeight: h, inWidth: w } = info;
    // Pad the far side just enough for kh×kw outputs; "valid" can leave extra rows, sliced off below.
    const bottom = Math.max(0, (ho - 1) * sh + kh - h - top);
    const right = Math.max(0, (wo - 1) * sw + kw - w - left);
    const xT = tf.transpose(x, [3, 1, 2, 0]);
    const dyT = tf.transpose(dy, [1, 2, 0, 3]);
    const full = tf.conv2d(
      xT,
      dyT,
      1,
      [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
      "NHWC",
      [sh, sw],
    );
    const cropped = tf.slice(full, [0, 0, 0, 0], [-1, kh, kw, -1]);
    return tf.transpose(cropped, [1, 2, 0, 3]);
  });
}
