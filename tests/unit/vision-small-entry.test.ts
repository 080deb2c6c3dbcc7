import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

test("a 5 written short and wide in the middle of its cell is read as the user's entry, doubtful", async () => {
  // A generated half-filled photo (see tests/fixtures/README.md) whose r5c7 holds a handwritten 5 about 0.35 of
  // the cell tall and 0.55 wide: short of the print, centred where a pencilled 5 would sit, but wider than one.
  const dir = new URL("../fixtures/photos/wide-five/", import.meta.url);
  const file = "s9002-0072.jpg";
  const json = async (name: string) =>
    (JSON.parse(await readFile(new URL(name, dir), "utf8")) as Record<string, string>)[file]!;
  const [labels, entries] = await Promise.all([json("labels.json"), json("entries.json")]);
  const result = await readGrid(() => loadPhoto(new URL(file, dir).pathname), classifier());
  assertRead(result);
  const cell = 4 * 9 + 6;
  expect(entries[cell]).toBe("5");
  expect(result.cells[cell]!.digit).toBe(5);
  expect(isHandwritten(result.cells[cell]!)).toBe(true);
  expect(result.cells[cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
  expect(result.cells.map((c) => (isHandwritten(c) ? 0 : c.digit)).join("")).toBe(labels);
});
