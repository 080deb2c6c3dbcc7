import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

/** Reads a generated half-filled photo fixture (see tests/fixtures/README.md) with its printed givens and entries. */
async function readFixture(folder: string, file: string) {
  const dir = new URL(`../fixtures/photos/${folder}/`, import.meta.url);
  const labelled = async (name: string) =>
    (JSON.parse(await readFile(new URL(name, dir), "utf8")) as Record<string, string>)[file]!;
  const [givens, entries] = await Promise.all([labelled("labels.json"), labelled("entries.json")]);
  const result = await readGrid(() => loadPhoto(new URL(file, dir).pathname), classifier());
  assertRead(result);
  const readGivens = result.cells.map((c) => (isHandwritten(c) ? 0 : c.digit)).join("");
  return { cells: result.cells, givens, entries, readGivens };
}

test("a 5 written short and wide in the middle of its cell is read as the user's entry, doubtful", async () => {
  // r5c7 holds a handwritten 5 about 0.35 of the cell tall and 0.55 wide: short of the print, centred where a
  // pencilled 5 would sit, but wider than one.
  const { cells, givens, entries, readGivens } = await readFixture("wide-five", "s9002-0072.jpg");
  const cell = 4 * 9 + 6;
  expect(entries[cell]).toBe("5");
  expect(cells[cell]!.digit).toBe(5);
  expect(isHandwritten(cells[cell]!)).toBe(true);
  expect(cells[cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
  expect(readGivens).toBe(givens);
});

test("a blurred pen 8 first read as a doubtful printed 1 is read, sharpened, as the user's entry", async () => {
  // A 320×240 photo: r3c5's first read, a printed 1, leaves the givens without a solution, and only the
  // sharper read sees the handwritten 8.
  const { cells, givens, entries, readGivens } = await readFixture("sharper-entry", "s9002-0220.jpg");
  const cell = 2 * 9 + 4;
  expect(entries[cell]).toBe("8");
  expect(cells[cell]!.digit).toBe(8);
  expect(isHandwritten(cells[cell]!)).toBe(true);
  expect(readGivens).toBe(givens);
});
