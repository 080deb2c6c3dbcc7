import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import type { Corners } from "../../src/shared/image.ts";
import { projectRect, squareToQuad } from "../../src/shared/homography.ts";
import { findGridCandidates } from "../../src/vision/find-grid.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../../src/vision/photo-format.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

// A generated 240×320 photo (see tests/fixtures/README.md) blurred by σ 1.8 px, 20 px a cell: no
// binarisation shows its cell lines, and its unskewed grid shows too few box-border pieces for the
// weak candidate to be trusted on its lines alone.
const dir = new URL("../fixtures/photos/blurred-small/", import.meta.url);
const FILE = "s9004-0249.jpg";
const PUZZLE = "006100950500634080708200014060850700100302000052049030009007860407580020000000001";
/** The grid's outer corners as the generator drew them (its designs.json). */
const CORNERS: Corners = [
  { x: 7.4, y: 135.1 },
  { x: 186.3, y: 93.1 },
  { x: 220.5, y: 275.7 },
  { x: 43.7, y: 311 },
];

const classifier = useShippedClassifier();

test("a blurred grid whose box borders barely show is read when its givens have exactly one solution", async () => {
  const result = await readGrid(() => loadPhoto(new URL(FILE, dir).pathname), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(PUZZLE);
});

test("…and is no grid when its read leaves the puzzle open: such a quad could be cut across a grid", async () => {
  // Without its 9 in row 1, column 7 the puzzle has more than one solution.
  const photo = await loadPhoto(new URL(FILE, dir).pathname);
  const [tl, , br] = projectRect(squareToQuad(CORNERS), 6 / 9, 0, 7 / 9, 1 / 9);
  const [cx, cy] = [Math.round((tl.x + br.x) / 2), Math.round((tl.y + br.y) / 2)];
  // Paint it over with the cell's paper: per channel, the upper quartile of the painted patch.
  const patch: number[] = [];
  for (let y = cy - 8; y <= cy + 8; y++)
    for (let x = cx - 7; x <= cx + 7; x++) patch.push(4 * (y * photo.width + x));
  for (let c = 0; c < 3; c++) {
    const values = patch.map((i) => photo.data[i + c]!).sort((a, b) => a - b);
    const paper = values[Math.floor(0.75 * values.length)]!;
    for (const i of patch) photo.data[i + c] = paper;
  }
  expect(await readGrid(() => photo, classifier())).toEqual({ kind: "error", error: { code: "no-grid" } });
});

test("a grid in pale gray lines that no pass nor the last resort finds is read as a long shot proven by its read", async () => {
  // A generated 640×480 photo (see tests/fixtures/README.md): gray (130) lines on a pale page, 25 px a
  // cell, with the darker digits outweighing the lines in every binarisation.
  const path = new URL("../fixtures/photos/hairline-small/s9004-0172.jpg", import.meta.url).pathname;
  const photo = await loadPhoto(path);
  const candidates = findGridCandidates(downscale(toGray(photo), DECODE_MAX_SIDE).image);
  expect(candidates.length).toBeGreaterThan(0);
  expect(candidates.every((c) => c.longShot)).toBe(true);
  const result = await readGrid(() => photo, classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(
    "008260030009100000700008104000900057100005080630702000820006570006803902040007360",
  );
});

test("a long shot whose printed digits partly read as a hand is proven by all its digits, and read as print", async () => {
  // A generated 320×240 photo of a crumpled book page (see tests/fixtures/README.md): only a long shot
  // finds its grid, and at 20 px a cell some of its printed 2s, 3s and 7s read as handwritten, which
  // leaves its givens alone with several solutions; with no entry surely handwritten, those that give the
  // givens one solution are print (`entriesAsMissingGivens`).
  const path = new URL("../fixtures/photos/print-read-as-hand/s9001-0179.jpg", import.meta.url).pathname;
  const result = await readGrid(() => loadPhoto(path), classifier());
  assertRead(result);
  expect(digitString(result.cells)).toBe(
    "090000403005027608006400900700008560800019000020000009007301002350040000682000001",
  );
  expect(result.cells.some(isHandwritten)).toBe(false);
});

test("a long shot whose read has one doubtful misread given is read, the misread doubtful", async () => {
  // A generated 320×240 newspaper photo (see tests/fixtures/README.md) with 13 pen entries: only a long
  // shot finds its grid, and one of its printed digits reads as another, doubtfully, leaving no solution.
  const dir = new URL("../fixtures/photos/long-shot-misread/", import.meta.url);
  const file = "s9002-0061.jpg";
  const load = async (name: string) =>
    (JSON.parse(await readFile(new URL(name, dir), "utf8")) as Record<string, string>)[file]!;
  const [givens, entries] = await Promise.all([load("labels.json"), load("entries.json")]);
  const result = await readGrid(() => loadPhoto(new URL(file, dir).pathname), classifier());
  assertRead(result);
  const wrong = result.cells.flatMap((cell, i) =>
    String(cell.digit) === (givens[i] === "0" ? entries[i] : givens[i]) ? [] : [cell],
  );
  expect(wrong.length).toBeLessThanOrEqual(1);
  for (const cell of wrong) expect(cell.confidence).toBeLessThan(DOUBT_THRESHOLD);
});
