import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DOUBT_THRESHOLD } from "../../src/shared/reading.ts";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { scaleCorners } from "../../src/vision/quad.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { corners, fitsGrid } from "../fixtures/grid-corners.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

// A generated 480×640 photo (see tests/fixtures/README.md) of a curled newspaper page whose puzzle has box
// borders and no cell lines, with a small filled solution grid above it. The puzzle's fit scores below every
// gridness bar (no cell lines, a bowed outline), so it is only a long shot, while the solution grid, snapped
// onto its border, clears the bar: it was the one candidate offered, refused as a filled grid, and the photo
// read as "no grid".
const dir = new URL("../fixtures/photos/box-borders/", import.meta.url);
const FILE = "s9015-0013.jpg";
const classifier = useShippedClassifier();
// The grid's true corners (photo pixels), from the generator's design.
const GRID = corners([
  [125.3, 148.7],
  [421.9, 177.9],
  [409.5, 450.5],
  [122.4, 452.1],
]);

test("the long shots follow a snapped grid found beside the puzzle", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const { image, scale } = downscale(toGray(photo), DECODE_MAX_SIDE);
  const candidates = findGridCandidates(image);
  const grid = scaleCorners(GRID, scale);
  const puzzle = candidates.findIndex((c) => fitsGrid(c.corners, grid));
  expect(puzzle).toBeGreaterThan(0);
  expect(candidates[puzzle]).toMatchObject({ longShot: true });
  expect(candidates.slice(0, puzzle).some((c) => c.longShot)).toBe(false);
});

test("the puzzle of box borders is read, its misreads doubted", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const labels = JSON.parse(await readFile(new URL("labels.json", dir), "utf8")) as Record<string, string>;
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  expect(fitsGrid(result.corners, GRID)).toBe(true);
  const wrong = result.cells.flatMap((cell, i) => (String(cell.digit) === labels[FILE]![i] ? [] : [cell]));
  expect(wrong.length).toBeLessThanOrEqual(2);
  for (const cell of wrong) expect(cell.confidence).toBeLessThan(DOUBT_THRESHOLD);
});
