import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { GRID_MARGIN_PX, WARP_PX } from "../../src/digits/geometry.ts";
import { toRgba, type RgbaImage } from "../../src/vision/gray.ts";
import { wasmHeapInUse } from "../../src/vision/heap-usage.ts";
import { opencv } from "../../src/vision/opencv.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { fixtureLabels as labels, fixturePhotoUrl } from "../fixtures/fixture-photos.ts";
import { halve } from "../fixtures/halve.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const photo = (name: string) => loadPhoto(fixturePhotoUrl(name).pathname);

const classifier = useShippedClassifier();

async function digitsOf(image: RgbaImage) {
  const result = await readGrid(() => image, classifier());
  assertRead(result);
  return { ...result, digits: digitString(result.cells) };
}

describe("readGrid", () => {
  for (const name of ["image1.jpg", "image10.jpg"]) {
    test(`reads all 81 cells of ${name}`, async () => {
      const read = await digitsOf(await photo(name));
      expect(read.digits).toBe(labels[name]);
      expect(read.rotation).toBe(0);
      expect(read.timings.map((t) => t.stage)).toEqual(["load", "find-grid", "unskew", "cells", "classify"]);
    });
  }

  test("turns a photo shown sideways (EXIF tag disagreeing with its pixels) upright", async () => {
    const read = await digitsOf(await photo("image1031.jpg"));
    expect(read.rotation).toBe(3);
    expect(read.digits).toBe(labels["image1031.jpg"]);
  });

  test("a photo rotated 180° in its pixels reads the same digits", async () => {
    const upright = await photo("image10.jpg");
    const read = await digitsOf(rotate180(upright));
    expect(read.rotation).toBe(2);
    expect(read.digits).toBe(labels["image10.jpg"]);
  });

  test("corners are in the photo's pixels even when it was decoded shrunk", async () => {
    const image = await photo("image10.jpg");
    const full = await readGrid(() => image, classifier());
    const half = await readGrid(() => ({ image: halve(image), scale: 0.5 }), classifier());
    assertRead(full);
    assertRead(half);
    half.corners.forEach((p, i) => {
      expect(Math.hypot(p.x - full.corners[i]!.x, p.y - full.corners[i]!.y)).toBeLessThan(4);
    });
  });

  test("several frames of one grid are fused; frames without a grid are skipped", async () => {
    const image = await photo("image10.jpg");
    const result = await readGrid(() => [toRgba(noise(640, 480)), image, halve(image)], classifier());
    assertRead(result);
    expect(digitString(result.cells)).toBe(labels["image10.jpg"]);
    // The first frame with a grid gives the corners: the full-size one, not its half.
    const alone = await readGrid(() => image, classifier());
    assertRead(alone);
    expect(result.corners).toEqual(alone.corners);
  });

  test("fusing averages the frames' probabilities: a digit read in two of three frames wins", async () => {
    const image = await photo("image10.jpg");
    const alone = await readGrid(() => image, classifier());
    const fused = await readGrid(() => [blotOut(image, alone), image, image], classifier());
    assertRead(alone);
    assertRead(fused);
    expect(fused.cells.map((c) => c.digit)).toEqual(alone.cells.map((c) => c.digit));
  });

  test("frames none of which shows a grid are a typed no-grid error", async () => {
    const result = await readGrid(() => [toRgba(noise(640, 480)), toRgba(noise(640, 480))], classifier());
    expect(result).toEqual({ kind: "error", error: { code: "no-grid" } });
  });

  test("a photo with no sudoku is a typed no-grid error", async () => {
    const result = await readGrid(() => toRgba(noise(900, 700)), classifier());
    expect(result).toEqual({ kind: "error", error: { code: "no-grid" } });
  });

  test("a blank grid is a typed no-digits error", async () => {
    const result = await readGrid(() => toRgba(blankGrid()), classifier());
    expect(result).toEqual({ kind: "error", error: { code: "no-digits" } });
  });

  test("debug images come back for every stage", async () => {
    const result = await readGrid(() => photo("image1.jpg"), classifier(), { debug: true });
    assertRead(result);
    const { threshold, contour, warped, cells } = result.debug!;
    // image1.jpg is 640 px wide: detection enlarges it to 800 px, and the outline is drawn on that;
    // the straightened grid keeps a margin of the photo around it.
    expect([threshold?.width, contour?.width, warped?.width]).toEqual([
      800,
      800,
      WARP_PX + 2 * GRID_MARGIN_PX,
    ]);
    expect(cells).toHaveLength(81);
    // The straightened grid shows the 20 lines the cells were cut along, in blue, one dot per pixel along each.
    let blue = 0;
    for (let i = 0; i < warped!.data.length; i += 4) {
      if (warped!.data[i + 2]! > warped!.data[i]! + 100) blue++;
    }
    expect(blue).toBeGreaterThan(0.9 * 20 * WARP_PX);
  });

  test("reading the same photo 50 times leaves the OpenCV heap and the tensor count flat", async () => {
    const image = await photo("image1.jpg");
    for (let i = 0; i < 3; i++) await readGrid(() => image, classifier());
    const heapBefore = wasmHeapInUse(opencv());
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await readGrid(() => image, classifier());
    const grown = wasmHeapInUse(opencv()) - heapBefore;
    // One leaked warped grid per read alone would be 50 × 330 KB.
    expect(grown).toBeLessThan(1 << 20);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  }, 300_000);
});

function noise(width: number, height: number): GrayImage {
  const data = new Uint8ClampedArray(width * height);
  let s = 7;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return { width, height, data };
}

function blankGrid(): GrayImage {
  const side = 700;
  const data = new Uint8ClampedArray(side * side).fill(240);
  for (let k = 0; k <= 9; k++) {
    const at = 80 + Math.round((k * 540) / 9);
    const thick = k % 3 === 0 ? 4 : 2;
    for (let t = 0; t < thick; t++) {
      for (let u = 80; u <= 622; u++) {
        data[(at + t) * side + u] = 20;
        data[u * side + at + t] = 20;
      }
    }
  }
  return { width: side, height: side, data };
}

function rotate180(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data.length);
  const pixels = image.width * image.height;
  for (let i = 0; i < pixels; i++) data.set(image.data.subarray(i * 4, i * 4 + 4), (pixels - 1 - i) * 4);
  return { width: image.width, height: image.height, data };
}

/** The photo with its first read digit painted over in paper white (located by bilinear corners). */
function blotOut(image: RgbaImage, read: Awaited<ReturnType<typeof readGrid>>): RgbaImage {
  assertRead(read);
  const index = read.cells.findIndex((c) => c.digit !== 0);
  const [tl, tr, br, bl] = read.corners;
  const at = (u: number, v: number) => ({
    x: (1 - v) * ((1 - u) * tl.x + u * tr.x) + v * ((1 - u) * bl.x + u * br.x),
    y: (1 - v) * ((1 - u) * tl.y + u * tr.y) + v * ((1 - u) * bl.y + u * br.y),
  });
  const centre = at(((index % 9) + 0.5) / 9, (Math.floor(index / 9) + 0.5) / 9);
  const half = (0.4 * (tr.x - tl.x)) / 9;
  const data = new Uint8ClampedArray(image.data);
  for (let y = Math.round(centre.y - half); y <= centre.y + half; y++) {
    for (let x = Math.round(centre.x - half); x <= centre.x + half; x++) {
      data.fill(225, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
    }
  }
  return { width: image.width, height: image.height, data };
}
