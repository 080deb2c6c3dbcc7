import { beforeAll, expect, it } from "vitest";
import type { GrayImage } from "../../src/shared/image.ts";
import { loadOpenCV } from "../../src/vision/opencv.ts";
import { sharpenedCells, SHARPENINGS } from "../../src/vision/sharpen.ts";

beforeAll(async () => {
  await loadOpenCV();
}, 60_000);

/** A 64×64 cell: paper (200) left, a dark band (60) right, the step between them blurred over 8 px. */
function softStep(): GrayImage {
  const data = new Uint8ClampedArray(64 * 64);
  for (let y = 0; y < 64; y++) {
    for (let x = 0; x < 64; x++) data[y * 64 + x] = 200 - 140 * Math.min(1, Math.max(0, (x - 28) / 8));
  }
  return { width: 64, height: 64, data };
}

const row = (image: GrayImage) => Array.from(image.data.slice(32 * 64, 33 * 64));
const steepest = (values: number[]) => Math.max(...values.slice(1).map((v, x) => Math.abs(v - values[x]!)));

it("steepens a blurred edge in every cell and keeps flat paper and ink as they were", () => {
  const cells = [softStep(), softStep()];
  for (const [sigma, amount] of SHARPENINGS) {
    const out = sharpenedCells(cells, sigma, amount);
    expect(out).toHaveLength(2);
    for (const cell of out) {
      expect([cell.width, cell.height]).toEqual([64, 64]);
      expect(steepest(row(cell))).toBeGreaterThan(1.5 * steepest(row(cells[0]!)));
      expect(row(cell)[0]).toBe(200);
      expect(row(cell)[63]).toBe(60);
    }
  }
});
