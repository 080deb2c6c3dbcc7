import { expect, test } from "vitest";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import labels from "../fixtures/photos/creased/labels.json" with { type: "json" };
import { useShippedClassifier } from "../fixtures/node-reader.ts";

// Generated photos (see tests/fixtures/README.md) of pages crossed by folds. In s9004-0277, two pale ones, in
// empty cells (row 2 column 9, at the grid's edge, and row 6 column 6), read to the ink test and the CNN as
// pencilled 1s; in s9004-0297 a darker one, in row 8 column 7, passes the ink test as a digit, and its kept
// ink stops short of the cell's edges.
const dir = new URL("../fixtures/photos/creased/", import.meta.url);
const classifier = useShippedClassifier();

test.each(Object.entries(labels))(
  "%s: folds of the page through empty cells read as empty",
  async (file, puzzle) => {
    const photo = await loadPhoto(new URL(file, dir).pathname);
    const read = await readGrid(() => photo, classifier());
    if (read.kind !== "read") throw new Error(`no read: ${JSON.stringify(read)}`);
    expect(read.cells.map((cell) => cell.digit).join("")).toBe(puzzle);
  },
);
