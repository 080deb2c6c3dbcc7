import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, test } from "vitest";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useNodeWasm } from "../../tooling/node-wasm.ts";
import { createDigitClassifier, type DigitClassifier } from "../../src/digits/classifier.ts";
import type { RgbaImage } from "../../src/vision/gray.ts";
import { loadOpenCV } from "../../src/vision/opencv.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { modelFilesHandler } from "../../tooling/model-files.ts";

// A photo turned a quarter in its pixels (no EXIF tag to undo it): the rotation is found from the
// classifier's confidence over the four turns and the digits come back in the printed grid's order.

const fixtures = new URL("../fixtures/photos/", import.meta.url);
const labels = JSON.parse(readFileSync(new URL("labels.json", fixtures), "utf8")) as Record<string, string>;

let classifier: DigitClassifier;

beforeAll(async () => {
  await Promise.all([loadOpenCV(), useNodeWasm()]);
  classifier = createDigitClassifier(
    modelFilesHandler(new URL("../../public/models/digits", import.meta.url).pathname),
  );
}, 120_000);

/** The image turned 90° clockwise (`clockwise`) or counter-clockwise. */
function quarterTurn(image: RgbaImage, clockwise: boolean): RgbaImage {
  const { width, height } = image;
  const data = new Uint8ClampedArray(image.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Source (x, y) lands at column nx, row ny of a height × width image.
      const nx = clockwise ? height - 1 - y : y;
      const ny = clockwise ? x : width - 1 - x;
      data.set(image.data.subarray((y * width + x) * 4, (y * width + x) * 4 + 4), (ny * height + nx) * 4);
    }
  }
  return { width: height, height: width, data };
}

describe("a photo turned a quarter", () => {
  for (const clockwise of [true, false]) {
    test(`${clockwise ? "clockwise" : "counter-clockwise"}: rotation detected, digits right`, async () => {
      const upright = await loadPhoto(new URL("image10.jpg", fixtures).pathname);
      const result = await readGrid(() => quarterTurn(upright, clockwise), classifier);
      if (result.kind !== "read") throw new Error(`expected a read, got ${result.error.code}`);
      // `rotation` counts the clockwise quarter turns that set the grid upright.
      expect(result.rotation).toBe(clockwise ? 3 : 1);
      expect(result.cells.map((c) => c.digit).join("")).toBe(labels["image10.jpg"]);
    });
  }
});
