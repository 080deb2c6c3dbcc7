import { describe, expect, test } from "vitest";
import { loadPhoto } from "../../tooling/load-photo.ts";
import type { RgbaImage } from "../../src/vision/gray.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { fixtureLabels as labels, fixturePhotoUrl } from "../fixtures/fixture-photos.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

// A photo turned a quarter in its pixels (no EXIF tag to undo it): the rotation is found from the
// classifier's confidence over the four turns and the digits come back in the printed grid's order.

const classifier = useShippedClassifier();

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
      const upright = await loadPhoto(fixturePhotoUrl("image10.jpg").pathname);
      const result = await readGrid(() => quarterTurn(upright, clockwise), classifier());
      assertRead(result);
      // `rotation` counts the clockwise quarter turns that set the grid upright.
      expect(result.rotation).toBe(clockwise ? 3 : 1);
      expect(digitString(result.cells)).toBe(labels["image10.jpg"]);
    });
  }
});

test("a forced turn is read as forced, not chosen", async () => {
  const turned = quarterTurn(await loadPhoto(fixturePhotoUrl("image10.jpg").pathname), true);
  const right = await readGrid(() => turned, classifier(), { turns: 3 });
  assertRead(right);
  expect(right.rotation).toBe(3);
  expect(digitString(right.cells)).toBe(labels["image10.jpg"]);
  const sideways = await readGrid(() => turned, classifier(), { turns: 0 });
  assertRead(sideways);
  expect(sideways.rotation).toBe(0);
  expect(digitString(sideways.cells)).not.toBe(labels["image10.jpg"]);
});
