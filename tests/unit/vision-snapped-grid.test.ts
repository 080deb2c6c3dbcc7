import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { isHandwritten } from "../../src/shared/reading.ts";
import { findGridCandidates, snappedGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { scaleCorners } from "../../src/vision/quad.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { corners, fitsGrid } from "../fixtures/grid-corners.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

// Two generated photos (see tests/fixtures/README.md) whose grid's outline is joined by print beside it,
// so that the finder's passes fit its hull too far off to refine it: a book's puzzle whose left border
// touches its text, with a small grid beside it (s9012-0513), and a newspaper grid with its title set on
// its top border (s9002-0055). The grids' true corners (photo pixels) come from the generator's designs.
const dir = new URL("../fixtures/photos/snapped/", import.meta.url);
const classifier = useShippedClassifier();
const truth = async (name: string, file: string) =>
  (JSON.parse(await readFile(new URL(name, dir), "utf8")) as Record<string, string>)[file]!;

const BOOK = "s9012-0513.jpg";
const BOOK_GRID = corners([
  [216.6, 62.3],
  [860.6, 171.6],
  [781.5, 794.4],
  [122.8, 718.2],
]);
const TITLED = "s9002-0055.jpg";
const TITLED_GRID = corners([
  [106.4, 362.5],
  [319.9, 337.3],
  [334.4, 566.6],
  [116.4, 578.8],
]);

/** The photo's working image and its scale (working pixels per photo pixel). */
async function working(file: string) {
  const photo = await loadPhoto(new URL(file, dir).pathname);
  const { image, scale } = downscale(toGray(photo), DECODE_MAX_SIDE);
  return { photo, gray: image, scale };
}

test("a puzzle whose outline merges with the text beside it is found once outlines are snapped onto their border", async () => {
  const { gray, scale } = await working(BOOK);
  const grid = scaleCorners(BOOK_GRID, scale);
  // The passes offer the small grid beside it, not the puzzle…
  const found = findGridCandidates(gray);
  expect(found.length).toBeGreaterThan(0);
  expect(found.some((c) => fitsGrid(c.corners, grid))).toBe(false);
  // …which snapping every outline onto its border finds.
  expect(snappedGridCandidates(gray).some((c) => fitsGrid(c.corners, grid))).toBe(true);
});

test("a grid whose givens read as no puzzle gives way to a snapped grid whose givens have one solution", async () => {
  const { photo } = await working(BOOK);
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  expect(fitsGrid(result.corners, BOOK_GRID)).toBe(true);
  expect(result.otherGridsSeen).toBe(true);
  expect(result.cells.map((c) => c.digit).join("")).toBe(await truth("labels.json", BOOK));
});

test("when no pass finds a grid, one whose title joins its outline is found by snapping", async () => {
  const { photo, gray, scale } = await working(TITLED);
  const found = findGridCandidates(gray);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((c) => c.weak)).toBe(true);
  expect(fitsGrid(found[0]!.corners, scaleCorners(TITLED_GRID, scale))).toBe(true);
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  expect(result.cells.map((c) => (isHandwritten(c) ? 0 : c.digit)).join("")).toBe(
    await truth("labels.json", TITLED),
  );
});
