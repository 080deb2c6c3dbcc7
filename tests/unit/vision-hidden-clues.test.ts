import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();
const DIR = new URL("../fixtures/photos/hidden-clue/", import.meta.url);

/**
 * Generated printed photos (see tests/fixtures/README.md) whose printed digit in `cell` the CNN does not
 * read, and that one rule of the reader finds as the clue the puzzle's solution puts there.
 */
const cases = [
  {
    // A 240×320 book page under shadow bands: its first read's givens clash (a misread print), a sharper
    // read mends them, and only then are r1c6's 1 and the solution's digit there compared.
    title: "a 1 missed until a sharper read gave the givens one solution",
    file: "s9012-0839.jpg",
    cell: 5,
  },
  {
    // A 240×320 book page: r5c9's bold 8, blurred into a blob, reads as empty (0.34); the grid's other 8s,
    // blurred alike, are found in its tile as well as the print matches itself.
    title: "a bold 8 blurred into a blob",
    file: "s9012-0425.jpg",
    cell: 4 * 9 + 8,
  },
];

test.each(cases)("$title is read as the printed clue, doubtful", async ({ file, cell }) => {
  const labels = JSON.parse(await readFile(new URL("labels.json", DIR), "utf8")) as Record<string, string>;
  const result = await readGrid(() => loadPhoto(new URL(file, DIR).pathname), classifier());
  assertRead(result);
  const shown = result.cells.map((c) => (isHandwritten(c) ? "h" : String(c.digit))).join("");
  expect(shown).toBe(labels[file]);
  expect(result.cells[cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
});
