import { describe, expect, test } from "vitest";
import { loadPhoto } from "../../tooling/load-photo.ts";
import type { Corners, GrayImage } from "../../src/shared/image.ts";
import { withoutMargin } from "../../src/vision/cell-bounds.ts";
import { toGray, toRgba, type RgbaImage } from "../../src/vision/gray.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { warpToSquare } from "../../src/vision/warp.ts";
import { fixtureLabels as labels, fixturePhotoUrl, HAND_CORNERS } from "../fixtures/fixture-photos.ts";
import { crop, degradations } from "../fixtures/hard-paper.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

/**
 * The grid is found where it is (every corner within 2.5 % of the photo's long side) and, given a
 * label, the read is sane: at most 6 cells wrong (a misplaced grid gets dozens wrong). Not every
 * fixture is held to the read: on image1 (blurred) under heavy grain the digit model misreads a
 * dozen cells, and crumpled image1031 is read a quarter turn off; those are the digit stages' to fix.
 */
async function expectFound(photo: RgbaImage, expected: Corners, label?: string): Promise<void> {
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  const tolerance = 0.025 * Math.max(photo.width, photo.height);
  result.corners.forEach((p, i) => {
    expect(Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y)).toBeLessThan(tolerance);
  });
  if (label === undefined) return;
  const digits = digitString(result.cells);
  const wrong = [...digits].filter((d, i) => d !== label[i]).length;
  expect(wrong).toBeLessThanOrEqual(6);
}

describe("grid finding on hard paper (fixtures degraded in memory)", () => {
  for (const [name, corners] of Object.entries(HAND_CORNERS)) {
    for (const [kind, degrade] of Object.entries(degradations)) {
      test(`${name}, ${kind}`, async () => {
        const photo = degrade(await loadPhoto(fixturePhotoUrl(name).pathname), 7);
        await expectFound(photo, corners, name === "image10.jpg" ? labels[name] : undefined);
      }, 60_000);
    }
  }

  test("a grid touching the photo's edge, its border cut", async () => {
    const name = "image10.jpg";
    const photo = await loadPhoto(fixturePhotoUrl(name).pathname);
    const [tl, tr, br, bl] = HAND_CORNERS[name]!;
    // Cut through the left and top border lines.
    const box = { x: tl.x + 2, y: tl.y + 2, width: photo.width - tl.x - 2, height: photo.height - tl.y - 2 };
    const shift = (p: { x: number; y: number }) => ({ x: p.x - box.x, y: p.y - box.y });
    await expectFound(crop(photo, box), [shift(tl), shift(tr), shift(br), shift(bl)], labels[name]!);
  }, 60_000);
});

test("a larger blank grid beside the puzzle: the candidate that reads like a sudoku is taken", async () => {
  const name = "image10.jpg";
  const puzzle = withoutMargin(
    warpToSquare(toGray(await loadPhoto(fixturePhotoUrl(name).pathname)), HAND_CORNERS[name]!),
  );
  const page: GrayImage = { width: 1400, height: 800, data: new Uint8ClampedArray(1400 * 800).fill(235) };
  for (let y = 0; y < puzzle.height; y++) {
    page.data.set(
      puzzle.data.subarray(y * puzzle.width, (y + 1) * puzzle.width),
      (100 + y) * page.width + 40,
    );
  }
  // An empty 9×9 grid, larger than the puzzle: the finder ranks it first, its cells hold nothing.
  const [left, top, side] = [680, 40, 700];
  for (let k = 0; k <= 9; k++) {
    const at = Math.round((k * side) / 9);
    for (let t = 0; t < (k % 3 === 0 ? 5 : 2); t++) {
      for (let u = 0; u <= side; u++) {
        page.data[(top + at + t) * page.width + left + u] = 20;
        page.data[(top + u) * page.width + left + at + t] = 20;
      }
    }
  }
  const result = await readGrid(() => toRgba(page), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(labels[name]);
  expect(result.otherGridsSeen).toBe(true);
  expect(Math.max(...result.corners.map((p) => p.x))).toBeLessThan(680);
}, 60_000);
