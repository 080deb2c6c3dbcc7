import { expect, test } from "vitest";
import { CLASS_COUNT } from "../../src/digits/classes.ts";
import { WARP_PX } from "../../src/digits/geometry.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { rehearseCells } from "../../src/vision/read-grid.ts";

/** A WARP_PX² grid: white paper, black lines, a dark block in every fourth cell. */
function squareGrid(): GrayImage {
  const side = WARP_PX;
  const data = new Uint8ClampedArray(side * side).fill(255);
  const cell = side / 9;
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const onLine = x % cell < 2 || y % cell < 2;
      const index = Math.floor(y / cell) * 9 + Math.floor(x / cell);
      const inDigit =
        index % 4 === 0 &&
        Math.abs((x % cell) - cell / 2) < cell / 8 &&
        Math.abs((y % cell) - cell / 2) < cell / 4;
      if (onLine || inDigit) data[y * side + x] = 0;
    }
  return { data, width: side, height: side };
}

// This file never loads OpenCV.js: the rehearsal runs before its wasm has arrived, so it must not need it.
test("the cells rehearsal classifies a drawn grid's 81 cells (and turned inked ones) without OpenCV", async () => {
  const batches: number[] = [];
  await rehearseCells(squareGrid(), {
    classifyCells: (inputs) => {
      batches.push(inputs.length);
      return Promise.resolve(inputs.map(() => new Float32Array(CLASS_COUNT).fill(1 / CLASS_COUNT)));
    },
  });
  expect(batches[0]).toBeGreaterThan(81);
});
