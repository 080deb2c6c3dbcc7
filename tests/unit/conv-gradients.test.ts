import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, test } from "vitest";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { createRng } from "../../training/digits/rng.ts";

type Pad = "same" | "valid";
const CASES: {
  x: [number, number, number, number];
  k: [number, number];
  co: number;
  stride: number;
  pad: Pad;
}[] = [
  { x: [2, 5, 5, 2], k: [3, 3], co: 3, stride: 1, pad: "same" },
  { x: [2, 5, 5, 2], k: [3, 3], co: 3, stride: 1, pad: "valid" },
  { x: [2, 6, 7, 2], k: [3, 3], co: 2, stride: 2, pad: "same" },
  { x: [1, 7, 6, 3], k: [3, 2], co: 2, stride: 2, pad: "valid" },
  { x: [2, 5, 5, 1], k: [2, 2], co: 2, stride: 2, pad: "same" },
];

beforeAll(async () => {
  await useNodeWasmBackend();
});

/**
 * The loss Σ conv(x, W)·R is linear in x and in W separately, so a central difference is exact
 * up to float32 rounding: any indexing, padding or stride mistake in the gradient shows up.
 */
describe("registered Conv2D gradients on the wasm backend", () => {
  test.each(CASES)(
    "match finite differences for x $x, kernel $k, stride $stride, $pad",
    ({ x, k, co, stride, pad }) => {
      expect(tf.getBackend()).toBe("wasm");
      const rng = createRng(7);
      const rand = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
      const xs = rand(x[0] * x[1] * x[2] * x[3]);
      const ws = rand(k[0] * k[1] * x[3] * co);
      const wShape: [number, number, number, number] = [k[0], k[1], x[3], co];
      const outShape = tf.tidy(
        () => tf.conv2d(tf.tensor4d(xs, x), tf.tensor4d(ws, wShape), stride, pad).shape,
      );
      const r = tf.tensor(rand(outShape.reduce((a, b) => a * b)), outShape);
      const loss = (xv: tf.Tensor4D, wv: tf.Tensor4D): tf.Scalar =>
        tf.sum(tf.mul(tf.conv2d(xv, wv, stride, pad), r));
      const lossAt = (xa: Float32Array, wa: Float32Array): number =>
        tf.tidy(() => loss(tf.tensor4d(xa, x), tf.tensor4d(wa, wShape)).dataSync()[0]!);

      const [dx, dw] = tf.tidy(() =>
        tf
          .grads((a, b) => loss(a as tf.Tensor4D, b as tf.Tensor4D))([
            tf.tensor4d(xs, x),
            tf.tensor4d(ws, wShape),
          ])
          .map((g) => g.dataSync()),
      );
      const eps = 0.5;
      const numeric = (values: Float32Array, isX: boolean): Float32Array =>
        values.map((v, i) => {
          const plus = values.slice();
          const minus = values.slice();
          plus[i] = v + eps;
          minus[i] = v - eps;
          const f = (arr: Float32Array): number => (isX ? lossAt(arr, ws) : lossAt(xs, arr));
          return (f(plus) - f(minus)) / (2 * eps);
        });
      const expectClose = (analytic: Float32Array | Int32Array | Uint8Array, fd: Float32Array): void => {
        expect(analytic.length).toBe(fd.length);
        fd.forEach((v, i) => expect(analytic[i]).toBeCloseTo(v, 3));
      };
      expectClose(dx!, numeric(xs, true));
      expectClose(dw!, numeric(ws, false));
      r.dispose();
    },
  );
});
