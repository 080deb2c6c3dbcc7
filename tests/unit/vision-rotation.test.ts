import { describe, expect, test } from "vitest";
import { clashes, rotateGray, unrotatedIndex, uprightOrder } from "../../src/vision/rotation.ts";

describe("grid rotation", () => {
  test("the cell mapping agrees with turning the image: each cell keeps its own content", () => {
    // A 9×9 image whose pixel (r, c) holds the cell index: turn it, then look the cells up.
    const image = { width: 9, height: 9, data: new Uint8ClampedArray(81).map((_, i) => i) };
    for (const turns of [0, 1, 2, 3] as const) {
      const turned = rotateGray(image, turns);
      for (let i = 0; i < 81; i++) expect(turned.data[i]).toBe(unrotatedIndex(i, turns));
    }
    expect(uprightOrder([...Array(81).keys()], 1).slice(0, 3)).toEqual([72, 63, 54]);
  });

  test("clashes counts equal digits sharing a row, column or box", () => {
    const grid = new Uint8Array(81);
    expect(clashes(grid)).toBe(0);
    grid[0] = 5;
    grid[8] = 5; // same row
    grid[80] = 5; // same column as 8
    grid[10] = 5; // same box as 0
    expect(clashes(grid)).toBe(3);
  });
});
