import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, test } from "vitest";
import { toFloat16 } from "../../tooling/float16.ts";
import { modelFilesHandler, saveModelFiles, WEIGHTS_BIN } from "../../tooling/model-files.ts";

/** Widens halves the way TF.js does when it loads a model (`decodeWeights` with float16 quantization). */
function widen(halves: Uint16Array<ArrayBuffer>): Float32Array {
  const spec = {
    name: "w",
    shape: [halves.length],
    dtype: "float32" as const,
    quantization: { dtype: "float16" as const },
  };
  return tf.io.decodeWeights(halves.buffer, [spec])["w"]!.dataSync() as Float32Array;
}

describe("toFloat16", () => {
  test("encodes exact values, the extremes and the specials bit for bit", () => {
    const values = [0, -0, 1, -2, 0.5, 65504, 2 ** -14, 2 ** -24, Infinity, -Infinity];
    expect([...toFloat16(Float32Array.from(values))]).toEqual([
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x0400, 0x0001, 0x7c00, 0xfc00,
    ]);
    expect(toFloat16(Float32Array.of(NaN))[0]! & 0x7c00).toBe(0x7c00);
    expect(toFloat16(Float32Array.of(NaN))[0]! & 0x03ff).not.toBe(0);
  });

  test("rounds to nearest, ties to even, into subnormals and overflowing to infinity", () => {
    const ulp = 2 ** -10;
    const values = [1 + ulp / 2, 1 + (3 * ulp) / 2, 1 + ulp / 2 + 2 ** -20, 3 * 2 ** -25, 2 ** -26, 65520];
    expect([...toFloat16(Float32Array.from(values))]).toEqual([
      0x3c00, 0x3c02, 0x3c01, 0x0002, 0x0000, 0x7c00,
    ]);
  });

  test("round-trips through TF.js's decoder within half an ulp", () => {
    const values = Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i * 12.9898) * 10 ** ((i % 9) - 6));
    const back = widen(toFloat16(values));
    values.forEach((v, i) => {
      const ulp = 2 ** (Math.max(Math.floor(Math.log2(Math.abs(v))), -14) - 10);
      expect(Math.abs(back[i]! - v)).toBeLessThanOrEqual(ulp / 2);
    });
  });
});

describe("saveModelFiles", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true }))));

  test("stores float16 weights in half the bytes, and the loaded model predicts as before", async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [6], units: 16, activation: "relu" }),
        tf.layers.dense({ units: 3, activation: "softmax" }),
      ],
    });
    const root = await mkdtemp(join(tmpdir(), "model-files-"));
    dirs.push(root);
    const full = await saveModelFiles(model, join(root, "full"));
    const half = await saveModelFiles(model, join(root, "half"), "float16");
    expect(half * 2).toBe(full);
    expect((await stat(join(root, "half", WEIGHTS_BIN))).size).toBe(half);
    const loaded = await tf.loadLayersModel(modelFilesHandler(join(root, "half")));
    const x = tf.randomNormal([5, 6], 0, 1, "float32", 7);
    const [a, b] = [model, loaded].map((m) => (m.predict(x) as tf.Tensor).arraySync() as number[][]);
    a!.flat().forEach((p, i) => expect(b!.flat()[i]).toBeCloseTo(p, 2));
  });
});
