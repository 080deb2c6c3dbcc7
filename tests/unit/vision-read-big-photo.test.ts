import { readFileSync } from "node:fs";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { expect, test } from "vitest";
import { decodePhotoShrunk } from "../../tooling/load-photo.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { fixtureLabels as labels, fixturePhotoUrl } from "../fixtures/fixture-photos.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

// A 12-MP phone photo holds a grid some 2000 px wide: far more than the warp's 576 px, so the warp
// shrinks it first and must map the corners into the shrunk image.
test("a photo whose grid is over 1900 px wide reads right, corners in the photo's pixels", async () => {
  const factor = 4.25;
  const small = await loadImage(readFileSync(fixturePhotoUrl("image10.jpg")));
  const canvas = createCanvas(Math.round(small.width * factor), Math.round(small.height * factor));
  canvas.getContext("2d").drawImage(small, 0, 0, canvas.width, canvas.height);
  const bytes = await canvas.encode("jpeg", 92);

  const result = await readGrid(() => decodePhotoShrunk(bytes), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(labels["image10.jpg"]);
  // The grid's top edge runs from about (91, 58) to (556, 63) in the 640-px original.
  const [topLeft, topRight] = result.corners;
  expect(topRight.x - topLeft.x).toBeGreaterThan(1900);
  expect(Math.hypot(topLeft.x - 91 * factor, topLeft.y - 58 * factor)).toBeLessThan(0.015 * canvas.width);
}, 60_000);
