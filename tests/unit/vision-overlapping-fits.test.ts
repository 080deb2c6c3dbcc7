import { describe, expect, test } from "vitest";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { quadArea, separateQuads } from "../../src/vision/quad.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";
import labels from "../fixtures/photos/overlapping-fits/labels.json" with { type: "json" };

// Two generated photos (see tests/fixtures/README.md) whose grids no fit clears the gridness bar for, and
// where a second weak fit overlaps the grid's: a quad across seven of its nine columns that scores 0.001
// more (s9001-0485), and a larger quad across the grid and the margin above it (s9001-0650).
const dir = new URL("../fixtures/photos/overlapping-fits/", import.meta.url);
const classifier = useShippedClassifier();

describe.each(Object.entries(labels))("%s", (file, puzzle) => {
  const photo = () => loadPhoto(new URL(file, dir).pathname);

  test("the finder offers the grid's weak fit and an overlapping one", async () => {
    const candidates = findGridCandidates(downscale(toGray(await photo()), DECODE_MAX_SIDE).image);
    expect(candidates.every((c) => c.weak)).toBe(true);
    const [first, ...rest] = candidates;
    const rivals = rest.filter((c) => !separateQuads(c.corners, first!.corners));
    expect(rivals.length).toBeGreaterThan(0);
    expect(rivals.some((c) => quadArea(c.corners) !== quadArea(first!.corners))).toBe(true);
  });

  test("the reader keeps the one whose read has exactly one solution, not the first or the largest", async () => {
    const result = await readGrid(photo, classifier());
    assertRead(result);
    expect(digitString(result.cells)).toBe(puzzle);
  });
});
