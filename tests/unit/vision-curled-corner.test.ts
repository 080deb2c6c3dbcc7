import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { scaleCorners } from "../../src/vision/quad.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { isHandwritten } from "../../src/shared/reading.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { corners, fitsGrid } from "../fixtures/grid-corners.ts";
import { readGeneratedPhoto, useShippedClassifier } from "../fixtures/node-reader.ts";
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

// A half-filled curled page (s9016-0124): its bottom-right corner was completed 0.6 of a cell off the real
// one, and the cells beside it, cut so, still read as a puzzle with one solution (a printed 7 read as empty,
// not doubted, and a printed digit as an entry). The outline's own fit reads a puzzle too, with fewer doubts.
const HALF_FILLED = "s9016-0124.jpg";
const HALF_FILLED_GRID = corners([
  [29.1, 86.1],
  [789.3, 72],
  [811.6, 847.5],
  [58.9, 847.2],
]);

test("a completed grid whose read proves a puzzle still gives way to the outline's own fit when that reads surer", async () => {
  const photo = await loadPhoto(new URL(HALF_FILLED, dir).pathname);
  const [best] = findGridCandidates(downscale(toGray(photo), DECODE_MAX_SIDE).image);
  expect(fitsGrid(best!.corners, HALF_FILLED_GRID)).toBe(false);
  expect(fitsGrid(best!.asFound!, HALF_FILLED_GRID)).toBe(true);
  const { cells, givens, labelledGivens, labelledEntries } = await readGeneratedPhoto(
    "curled-corner",
    HALF_FILLED,
    classifier(),
  );
  expect(givens).toBe(labelledGivens);
  expect(cells.map((c) => (isHandwritten(c) ? c.digit : 0)).join("")).toBe(labelledEntries);
});
