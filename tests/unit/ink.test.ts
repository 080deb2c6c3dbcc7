import { expect, test } from "vitest";
import { darknessMap } from "../../src/digits/ink.ts";

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
