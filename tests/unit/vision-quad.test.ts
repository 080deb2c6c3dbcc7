import { expect, test } from "vitest";
import type { Corners } from "../../src/shared/image.ts";
import { aspectOf, isPlausibleSquare } from "../../src/vision/quad.ts";

const rect = (width: number, height: number): Corners => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height },
];

test("a square, and one foreshortened as a steep photo shows it, are plausible grids", () => {
  expect(isPlausibleSquare(rect(300, 300), 50)).toBe(true);
  expect(isPlausibleSquare(rect(300, 180), 50)).toBe(true);
  // A trapezoid: the far side shorter, the square tilted away from the camera.
  const tilted: Corners = [
    { x: 60, y: 0 },
    { x: 240, y: 0 },
    { x: 300, y: 200 },
    { x: 0, y: 200 },
  ];
  expect(isPlausibleSquare(tilted, 50)).toBe(true);
});

test("a strip of three 3×3 boxes is no grid, upright or lying", () => {
  expect(isPlausibleSquare(rect(200, 600), 50)).toBe(false);
  expect(isPlausibleSquare(rect(600, 200), 50)).toBe(false);
});

test("a quad with a side below the minimum is no grid", () => {
  expect(isPlausibleSquare(rect(300, 300), 301)).toBe(false);
});

test("a quad's aspect is its longer over its shorter pair of opposite sides, whichever way it lies", () => {
  expect(aspectOf(rect(300, 300))).toBe(1);
  expect(aspectOf(rect(300, 150))).toBeCloseTo(2);
  expect(aspectOf(rect(150, 300))).toBeCloseTo(2);
});
