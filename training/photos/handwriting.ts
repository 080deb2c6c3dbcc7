import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { registerFamilies, type FontFace } from "../digits/fonts.ts";

/** Handwriting-style Fontsource families (OFL-1.1) for pen and pencil entries. */
export const HANDWRITING_FAMILIES = [
  "caveat",
  "indie-flower",
  "kalam",
  "patrick-hand",
  "shadows-into-light",
  "gochi-hand",
  "reenie-beanie",
  "nanum-pen-script",
  "just-another-hand",
  "architects-daughter",
  "handlee",
  "nothing-you-could-do",
  "coming-soon",
  "homemade-apple",
] as const;

let registered: FontFace[] | undefined;

export function registerHandwritingFonts(): FontFace[] {
  return (registered ??= registerFamilies(HANDWRITING_FAMILIES, 300));
}

/** MNIST digits: 28×28 bytes each, white (255) strokes on black (0). */
export interface MnistDigits {
  pixels: Uint8Array;
  labels: Uint8Array;
  /** `byDigit[d]`: indices of the images of digit d. */
  byDigit: number[][];
}

export const MNIST_SIDE = 28;

/** Parses the IDX image and label files (big-endian headers: magic 2051 / 2049, counts, sizes). */
export function parseMnist(images: Buffer, labels: Buffer): MnistDigits {
  if (images.readUInt32BE(0) !== 2051 || labels.readUInt32BE(0) !== 2049) {
    throw new Error("not MNIST IDX files (bad magic numbers)");
  }
  const count = images.readUInt32BE(4);
  const rows = images.readUInt32BE(8);
  const cols = images.readUInt32BE(12);
  if (labels.readUInt32BE(4) !== count || rows !== MNIST_SIDE || cols !== MNIST_SIDE) {
    throw new Error(
      `MNIST files disagree: ${count} images of ${rows}×${cols}, ${labels.readUInt32BE(4)} labels`,
    );
  }
  const pixels = new Uint8Array(images.subarray(16, 16 + count * rows * cols));
  const digitLabels = new Uint8Array(labels.subarray(8, 8 + count));
  const byDigit: number[][] = Array.from({ length: 10 }, () => []);
  digitLabels.forEach((d, i) => byDigit[d]!.push(i));
  return { pixels, labels: digitLabels, byDigit };
}

/**
 * Which MNIST digits a use may draw: training draws the even-numbered images, evaluation seeds the
 * odd ones, so no writer's digit seen in training is scored in a benchmark.
 */
export type MnistHalf = "training" | "evaluation";

export function mnistHalf(mnist: MnistDigits, half: MnistHalf): MnistDigits {
  const parity = half === "training" ? 0 : 1;
  return { ...mnist, byDigit: mnist.byDigit.map((ids) => ids.filter((i) => i % 2 === parity)) };
}

/** The MNIST test set from `dir` (`t10k-*-ubyte.gz`), or undefined when it is not there. */
export function loadMnist(dir: string): MnistDigits | undefined {
  const images = join(dir, "t10k-images-idx3-ubyte.gz");
  const labels = join(dir, "t10k-labels-idx1-ubyte.gz");
  if (!existsSync(images) || !existsSync(labels)) return undefined;
  return parseMnist(gunzipSync(readFileSync(images)), gunzipSync(readFileSync(labels)));
}
