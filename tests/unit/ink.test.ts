import { expect, test } from "vitest";
import { darknessMap, maxFilter, minFilter, paperFlattened } from "../../src/digits/ink.ts";
import { seededRandom } from "../../src/shared/random.ts";

const SIDE = 64;
/** Paper at 200 with a shadow 60 levels deep over the rows from `edge` down, and a 3-px stroke down column 20. */
function shadowedStroke(edge: number): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++)
      data[y * SIDE + x] = (y >= edge ? 140 : 200) - (x >= 19 && x <= 21 ? 80 : 0);
  }
  return { width: SIDE, height: SIDE, data };
}

test("a dilated paper takes a band along a shadow's edge for ink; a closed one only a blur's width of it, paler", () => {
  const cell = shadowedStroke(40);
  const at = (map: Float32Array, x: number, y: number) => map[y * SIDE + x]!;
  const dilated = darknessMap(cell);
  const closed = darknessMap(cell, "closed");
  // Below the edge, away from the stroke: a band as dark as the shadow to the dilated paper, a quarter of a
  // cell wide; to the closed one, half as dark at the edge (the paper is blurred) and paper a blur away.
  expect(at(dilated, 45, 40)).toBeGreaterThan(50);
  expect(at(dilated, 45, 48)).toBeGreaterThan(25);
  expect(at(closed, 45, 40)).toBeLessThan(at(dilated, 45, 40) / 2 + 1);
  expect(at(closed, 45, 48)).toBeLessThan(2);
  // Far from the edge, in the shadow and above it, both see paper.
  expect(at(closed, 45, 60)).toBeLessThan(10);
  expect(at(dilated, 45, 20)).toBeLessThan(10);
  // The stroke is ink to both, above the edge and in the shadow.
  for (const map of [dilated, closed]) {
    expect(at(map, 20, 20)).toBeGreaterThan(60);
    expect(at(map, 20, 55)).toBeGreaterThan(60);
  }
});

test("a flattened cell shows its stroke on white paper, in the shadow as above it", () => {
  const flat = paperFlattened(shadowedStroke(40));
  const at = (x: number, y: number) => flat.data[y * SIDE + x]!;
  expect(at(45, 20)).toBeGreaterThan(245);
  expect(at(45, 60)).toBeGreaterThan(245);
  expect(Math.abs(at(20, 20) - at(20, 60))).toBeLessThan(10);
  expect(at(20, 60)).toBeLessThan(195);
});

/** The (2r+1)² window's extreme, clipped to the image, by brute force. */
function windowExtreme(
  src: Float32Array,
  w: number,
  h: number,
  r: number,
  pick: typeof Math.max,
): Float32Array {
  return Float32Array.from(src, (_, i) => {
    const [x, y] = [i % w, Math.floor(i / w)];
    let m = src[i]!;
    for (let v = Math.max(0, y - r); v <= Math.min(h - 1, y + r); v++) {
      for (let u = Math.max(0, x - r); u <= Math.min(w - 1, x + r); u++) m = pick(m, src[v * w + u]!);
    }
    return m;
  });
}

test("the running max and min filters equal the window's extreme at every pixel, edges and tiny images too", () => {
  const random = seededRandom(11);
  // Sizes below, at and above a block (2r + 1) and not a multiple of it, so windows clip inside one block.
  for (const [w, h, r] of [
    [64, 64, 8],
    [1, 1, 3],
    [5, 3, 0],
    [17, 9, 8],
    [23, 40, 5],
    [70, 13, 11],
  ] as const) {
    const src = Float32Array.from({ length: w * h }, () => Math.round(random() * 255));
    expect(maxFilter(src, w, h, r)).toEqual(windowExtreme(src, w, h, r, Math.max));
    expect(minFilter(src, w, h, r)).toEqual(windowExtreme(src, w, h, r, Math.min));
  }
});
