import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DOUBT_THRESHOLD } from "../../src/shared/reading.ts";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { aspectOf } from "../../src/vision/quad.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { corners, fitsGrid } from "../fixtures/grid-corners.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";

// A generated 320×240 photo (see tests/fixtures/README.md) of a book page whose grid has even hairlines and
// no bolder box borders, its outline merged with the text beside it. The last-resort binarisation fitted a
// quad across the right half of the grid (4½ columns by 9 rows), whose even lines cleared the gridness bar:
// read as the puzzle, 35 of its 81 cells were wrong, 14 of them not doubted.
const dir = new URL("../fixtures/photos/oblong-fit/", import.meta.url);
const FILE = "s9015-0436.jpg";
const classifier = useShippedClassifier();
// The grid's true corners (photo pixels), from the generator's design.
const GRID = corners([
  [144, 108.2],
  [256.4, 90.4],
  [259.5, 204.5],
  [147.5, 216.3],
]);

test("a candidate far from square is offered only as a long shot, to be proven by its read", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const { image } = downscale(toGray(photo), DECODE_MAX_SIDE);
  const candidates = findGridCandidates(image);
  const oblong = candidates.filter((c) => aspectOf(c.corners) > 1.5);
  expect(oblong.length).toBeGreaterThan(0);
  for (const c of oblong) expect(c).toMatchObject({ weak: true, longShot: true });
});

test("the half grid is not read as the puzzle: no misread goes undoubted", async () => {
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const labels = JSON.parse(await readFile(new URL("labels.json", dir), "utf8")) as Record<string, string>;
  const result = await readGrid(() => photo, classifier());
  if (result.kind === "error") return expect(result.error.code).toBe("no-grid");
  expect(fitsGrid(result.corners, GRID)).toBe(true);
  result.cells.forEach((cell, i) => {
    if (String(cell.digit) !== labels[FILE]![i]) expect(cell.confidence).toBeLessThan(DOUBT_THRESHOLD);
  });
});
