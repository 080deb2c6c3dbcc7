import * as tf from "@tensorflow/tfjs";
import { beforeAll, expect, test } from "vitest";
import { applyTemperature, fitTemperature, tempered } from "../../training/digits/calibrate.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { createRng } from "../../training/digits/rng.ts";

beforeAll(async () => {
  await useNodeWasmBackend();
});

const softmax = (z: readonly number[]): Float32Array => {
  const e = z.map((v) => Math.exp(v - Math.max(...z)));
  const sum = e.reduce((a, b) => a + b);
  return Float32Array.from(e, (v) => v / sum);
};

test("fitting finds the temperature that makes over-confident probabilities honest", () => {
  // Classes drawn from softmax(z), reported as softmax(2.5 z): the fit should undo the factor 2.5.
  const rng = createRng(7);
  const samples = Array.from({ length: 3000 }, () => {
    const z = Array.from({ length: 5 }, () => rng.normal() * 1.5);
    const truth = softmax(z);
    let u = rng.next();
    let label = 0;
    while (label < 4 && (u -= truth[label]!) > 0) label++;
    return { probs: softmax(z.map((v) => v * 2.5)), label };
  });
  expect(fitTemperature(samples)).toBeGreaterThan(2.1);
  expect(fitTemperature(samples)).toBeLessThan(2.9);
  // Honest probabilities need no temperature.
  const honest = samples.map((s) => ({ probs: tempered(s.probs, 2.5), label: s.label }));
  expect(Math.abs(fitTemperature(honest) - 1)).toBeLessThan(0.25);
});

test("a temperature baked into the last dense layer softens the model's output as `tempered` does", () => {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [3], units: 4, activation: "softmax" }));
  const x = tf.tensor2d([[0.5, -1, 2]]);
  const before = (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  applyTemperature(model, 2);
  const after = (model.predict(x) as tf.Tensor).dataSync() as Float32Array;
  const expected = tempered(Float32Array.from(before), 2);
  after.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 5));
  expect(Math.max(...after)).toBeLessThan(Math.max(...before));
  x.dispose();
  model.dispose();
});
