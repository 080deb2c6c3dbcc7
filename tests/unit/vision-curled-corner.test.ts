import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { scaleCorners } from "../../src/vision/quad.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { corners, fitsGrid } from "../fixtures/grid-corners.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

// A generated photo (see tests/fixtures/README.md) of a curled page: its outline bows, so the quad fitted to
// its hull lines up with the grid's straight lines less well than a quad whose bottom-right corner is
// "completed" from the other three as a parallelogram, a cell along the bottom border from the real one.
// Cut so, the bottom-right cells were shifted by a column: 4 digits read wrong, one of them surely.
const dir = new URL("../fixtures/photos/curled-corner/", import.meta.url);
const FILE = "s9015-0128.jpg";
const classifier = useShippedClassifier();
// The grid's true corners (photo pixels), from the generator's design.
const GRID = corners([
  [16.8, 94.1],
  [425.8, 54.9],
  [465.2, 462.8],
  [57.2, 503],
]);

test("a grid whose corner was completed keeps the outline's own fit, which fits the grid", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const { image, scale } = downscale(toGray(photo), DECODE_MAX_SIDE);
  const [best] = findGridCandidates(image);
  const grid = scaleCorners(GRID, scale);
  expect(best).toBeDefined();
  expect(fitsGrid(best!.corners, grid)).toBe(false);
  expect(best!.asFound).toBeDefined();
  expect(fitsGrid(best!.asFound!, grid)).toBe(true);
});

test("a completed grid whose read proves no puzzle gives way to the outline's own fit, read exactly", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const labels = JSON.parse(await readFile(new URL("labels.json", dir), "utf8")) as Record<string, string>;
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  expect(fitsGrid(result.corners, GRID)).toBe(true);
  expect(digitString(result.cells)).toBe(labels[FILE]);
});
