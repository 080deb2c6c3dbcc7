/**
 * Recognition benchmark: the app's own pipeline (`readGrid`) over a folder of photos + labels.json.
 *   npm run -s bench:recognition -- [DIR] [--limit N] [--megapixels MP] [--fold K/N] [--turns all]
 *     [--model DIR | --kfold DIR]
 * One line per photo on stderr; the last stdout line is the summary JSON. `--megapixels` upscales
 * each photo and re-encodes it as JPEG first, to time full-size phone photos (decode included).
 * `--fold 0/3` keeps only the photos of fold 0 of 3. `--model DIR` reads with another digit model than the
 * shipped one; `--kfold DIR` reads each photo with `DIR/fold-K`, K its fold (`foldOf`): the models
 * `train:digits` leaves in tmp/digits-training, each trained without its fold's photos, so every photo
 * is scored by a model that never saw it.
 * `--turns all` reads every photo as given and with its pixels turned 90°, 180° and 270° (no EXIF
 * tag), scores all four reads and counts `wrongTurns`: reads whose upright top-left is not the
 * printed grid's (the truth being the forced turn whose read matches the label best); times then
 * leave out decoding.
 * An `entries.json` beside `labels.json` (file → 81 chars: the handwritten digits, `0` elsewhere;
 * labels.json then holds the printed givens only) adds the entry figures (see recognition-score.ts).
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { Point } from "../src/shared/image.ts";
import { DOUBT_THRESHOLD, isHandwritten, type CellRead } from "../src/shared/reading.ts";
import { createDigitClassifier, type DigitClassifier } from "../src/digits/classifier.ts";
import { proposeRepair } from "../src/solver/repair.ts";
import { readDoubtfulAsWhole } from "../src/solver/conflicts.ts";
import { loadOpenCV } from "../src/vision/opencv.ts";
import { readGrid, type DecodedPhoto, type GridReading } from "../src/vision/read-grid.ts";
import { ALL_TURNS, type Turns } from "../src/vision/rotation.ts";
import { modelFilesHandler } from "../tooling/model-files.ts";
import { readEntries } from "../tooling/entries.ts";
import { FOLDS, foldOf } from "../tooling/folds.ts";
import { decodePhotoShrunk } from "../tooling/load-photo.ts";
import { useNodeWasm } from "../tooling/node-wasm.ts";
import { readDesignFacts, type DesignFacts } from "../training/photos/write-photos.ts";
import { summarise, type PhotoScore } from "./recognition-score.ts";
import { turnPhoto, turnPoint, uprightTopLeft } from "./turn-photo.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: "string" },
    megapixels: { type: "string" },
    fold: { type: "string" },
    turns: { type: "string" },
    model: { type: "string" },
    kfold: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`Usage: npm run -s bench:recognition -- [DIR] [--limit N] [--megapixels MP] [--fold K/N] [--turns all]
  [--model DIR | --kfold DIR]

Reads every photo of DIR (default ../shared/photos/dev) listed in its labels.json with the app's own
pipeline; one line per photo on stderr, the summary JSON last on stdout. An entries.json beside
labels.json adds the handwritten-entry figures.

  --limit N        the first N photos only
  --megapixels MP  upscale each photo to MP megapixels (re-encoded as JPEG) to time full-size photos
  --fold K/N       only the photos of fold K of N
  --turns all      also read each photo turned 90°, 180° and 270°; counts wrongTurns
  --model DIR      read with this digit model instead of the shipped one
  --kfold DIR      read each photo with DIR/fold-K, the fold model that never saw it`);
  process.exit(0);
}
if (values.turns !== undefined && values.turns !== "all") throw new Error("--turns takes only `all`");
const allTurns = values.turns === "all";
/** With --turns all, agreement below this leaves the best of the four reads in doubt: forced turns decide. */
const TRUSTED_AGREEMENT = 70;
/** Entries stand in for the repair search as blanks it may not change: it repairs givens only. */
const SURE_EMPTY: CellRead = { digit: 0, confidence: 1, candidates: [{ digit: 0, p: 1 }] };
const dir = resolve(positionals[0] ?? "../shared/photos/dev");
const limit = values.limit ? Number(values.limit) : Infinity;
const megapixels = values.megapixels ? Number(values.megapixels) : undefined;

const labels = JSON.parse(await readFile(join(dir, "labels.json"), "utf8")) as Record<string, string>;
const entries = await readEntries(dir);
const designFacts = await readDesignFacts(dir);
const [fold, folds] = values.fold ? values.fold.split("/").map(Number) : [];
const inFold = (f: string) => folds === undefined || foldOf(f, folds) === fold;
const files = (await readdir(dir))
  .filter((f) => f in labels && inFold(f))
  .sort(byNumber)
  .slice(0, limit);

await Promise.all([loadOpenCV(), useNodeWasm()]);
const modelDir = (file: string): string =>
  values.kfold ? join(values.kfold, `fold-${foldOf(file, FOLDS)}`) : (values.model ?? "public/models/digits");
const classifiers = new Map<string, DigitClassifier>();
const classifierFor = (file: string): DigitClassifier => {
  const dir = resolve(modelDir(file));
  const known = classifiers.get(dir) ?? createDigitClassifier(modelFilesHandler(dir));
  classifiers.set(dir, known);
  return known;
};

const scores: PhotoScore[] = [];
let wrongTurns = 0;
let uncertainTurns = 0;
/** Reads doubtful as a whole (`readDoubtfulAsWhole`: their clues clash): all their cells doubtful. */
let clashingReads = 0;
for (const file of files) {
  let bytes: Uint8Array = await readFile(join(dir, file));
  if (megapixels) bytes = await upscaleJpeg(bytes, megapixels);
  const label = labels[file]!;
  const classifier = classifierFor(file);
  if (!allTurns) {
    const start = performance.now();
    let shortSide = 0;
    const result = await readGrid(async () => {
      const photo = await decodePhotoShrunk(bytes);
      shortSide = takenShortSide(photo);
      return photo;
    }, classifier);
    report(file, label, result, performance.now() - start, {
      written: entries?.[file],
      shortSide,
      design: designFacts?.[file],
    });
    continue;
  }
  const photo = await decodePhotoShrunk(bytes);
  const { width, height } = photo.image;
  const reads: { turns: Turns; result: GridReading; ms: number }[] = [];
  for (const turns of ALL_TURNS) {
    const turned: DecodedPhoto = { image: turnPhoto(photo.image, turns), scale: photo.scale };
    const start = performance.now();
    const result = await readGrid(() => turned, classifier);
    reads.push({ turns, result, ms: performance.now() - start });
  }
  const topLeft = await trueTopLeft(photo, label, reads, classifier);
  for (const { turns, result, ms } of reads) {
    let turnNote = "";
    if (result.kind === "read" && topLeft) {
      const expected = turnPoint(topLeft, width, height, turns);
      const got = scalePoint(uprightTopLeft(result.corners, result.rotation), photo.scale);
      const wrong = Math.hypot(got.x - expected.x, got.y - expected.y) > Math.min(width, height) / 8;
      if (wrong) wrongTurns++;
      turnNote = wrong ? " WRONG TURN" : "";
    }
    if (result.kind === "read" && result.otherTurn) turnNote += ` (asks: or ${result.otherTurn.rotation})`;
    report(`${file} +${turns * 90}°${turnNote}`, label, result, ms, {
      written: entries?.[file],
      shortSide: takenShortSide(photo),
      design: designFacts?.[file],
    });
  }
}
for (const c of classifiers.values()) c.dispose();
console.log(
  JSON.stringify({
    ...summarise(scores),
    uncertainTurns,
    clashingReads,
    ...(allTurns ? { wrongTurns } : {}),
  }),
);

function report(
  name: string,
  label: string,
  result: GridReading,
  ms: number,
  photo: { written: string | undefined; shortSide: number; design: DesignFacts | undefined },
): void {
  const { written, shortSide, design } = photo;
  const score: PhotoScore = {
    label,
    read: undefined,
    ms,
    shortSide,
    ...(written === undefined ? {} : { entries: written }),
    ...design,
  };
  if (result.kind === "read") {
    if (result.otherTurn) uncertainTurns++;
    score.read = result.cells.map((c) => c.digit).join("");
    // A read whose clues clash beyond one misread, or clash while most are doubtful, is doubtful as a whole
    // (the page says so).
    const clashing = readDoubtfulAsWhole(result.cells);
    if (clashing) clashingReads++;
    score.doubtful = result.cells.map((c) => clashing || c.confidence < DOUBT_THRESHOLD);
    score.handwritten = result.cells.map(isHandwritten);
    // What the user gets by pressing "Apply" on the proposal the app shows (the app's own budget); as
    // in the page, the search changes givens only.
    const proposal = proposeRepair(result.cells.map((c) => (isHandwritten(c) ? SURE_EMPTY : c)));
    if (proposal) score.repaired = applyChanges(score.read, proposal.changes);
  }
  scores.push(score);
  const wrong = [...wrongCells(score), ...wrongKinds(score)];
  const repair =
    score.repaired === undefined
      ? ""
      : score.repaired === score.label
        ? " (repair fixes it)"
        : " (repair wrong)";
  const status = result.kind === "read" ? `rot ${result.rotation}` : result.error.code;
  const stages =
    result.kind === "read" ? result.timings.map((t) => `${t.stage} ${t.ms.toFixed(0)}`).join(", ") : "";
  process.stderr.write(
    `${name}\t${status}\t${81 - cellsIn(wrong)}/81\t${ms.toFixed(0)} ms (${stages})\t${wrong.join(" ")}${repair}\n`,
  );
}

/**
 * Where the printed grid's top-left corner is in the decoded photo: that of the turned read whose
 * digits match the label best, or when none matches well, of the forced turn of the photo as given
 * that does (undefined when no grid is read).
 */
async function trueTopLeft(
  photo: DecodedPhoto,
  label: string,
  reads: readonly { turns: Turns; result: GridReading }[],
  classifier: DigitClassifier,
): Promise<Point | undefined> {
  const agreement = (r: GridReading) =>
    r.kind === "read" ? r.cells.filter((c, i) => String(c.digit) === label[i]).length : -1;
  const best = reads.reduce((a, b) => (agreement(b.result) > agreement(a.result) ? b : a));
  if (best.result.kind === "read" && agreement(best.result) >= TRUSTED_AGREEMENT) {
    const { width, height } = photo.image;
    const [w, h] = best.turns % 2 ? [height, width] : [width, height];
    const corner = scalePoint(uprightTopLeft(best.result.corners, best.result.rotation), photo.scale);
    return turnPoint(corner, w, h, (4 - best.turns) % 4);
  }
  let forced: { agree: number; point: Point } | undefined;
  for (const turns of ALL_TURNS) {
    const result = await readGrid(() => photo, classifier, { turns });
    if (result.kind !== "read") return undefined;
    const agree = agreement(result);
    if (!forced || agree > forced.agree) forced = { agree, point: uprightTopLeft(result.corners, turns) };
  }
  return forced && scalePoint(forced.point, photo.scale);
}

/** The photo's short side as taken, before `decodePhotoShrunk` shrank it. */
function takenShortSide({ image, scale }: DecodedPhoto): number {
  return Math.round(Math.min(image.width, image.height) / scale);
}

function scalePoint(p: Point, factor: number): Point {
  return { x: p.x * factor, y: p.y * factor };
}

function applyChanges(read: string, changes: readonly { cell: number; to: number }[]): string {
  const digits = [...read];
  for (const { cell, to } of changes) digits[cell] = String(to);
  return digits.join("");
}

/** entries.json, when the set has one: file → the 81 handwritten digits, `0` elsewhere. */
function cellName(i: number): string {
  return `r${Math.floor(i / 9) + 1}c${(i % 9) + 1}`;
}

/**
 * "r3c5:4>9?" = row 3, column 5 (1-based) labelled 4 (printed or, with entries, handwritten), read 9;
 * "?" when the UI marks it doubtful.
 */
function wrongCells({ label, read, doubtful, entries }: PhotoScore): string[] {
  if (!read) return ["no read"];
  const wrong: string[] = [];
  for (let i = 0; i < 81; i++) {
    const written = label[i] === "0" && entries ? entries[i]! : label[i]!;
    if (read[i] === written) continue;
    const flag = doubtful?.[i] ? "?" : "";
    wrong.push(`${cellName(i)}:${written}>${read[i]}${flag}`);
  }
  return wrong;
}

/** How many cells the notes of `wrongCells` and `wrongKinds` name (a cell misread and of the wrong kind once). */
function cellsIn(notes: readonly string[]): number {
  return new Set(notes.map((note) => note.split(":")[0])).size;
}

/**
 * "r3c5:hand>print" = a handwritten digit read as a given; "print>hand" the other way round; with
 * entries, "blank>print" = a cell with neither (blank, or pencil candidates) read as a given.
 */
function wrongKinds({ label, read, handwritten, entries }: PhotoScore): string[] {
  if (!read) return [];
  const wrong: string[] = [];
  for (let i = 0; i < 81; i++) {
    if (read[i] === "0") continue;
    const readHand = handwritten?.[i] ?? false;
    if (label[i] !== "0" && readHand) wrong.push(`${cellName(i)}:print>hand`);
    else if (entries && entries[i] !== "0" && !readHand) wrong.push(`${cellName(i)}:hand>print`);
    else if (entries && label[i] === "0" && entries[i] === "0" && !readHand) {
      wrong.push(`${cellName(i)}:blank>print`);
    }
  }
  return wrong;
}

function byNumber(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

async function upscaleJpeg(bytes: Uint8Array, mp: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(bytes));
  const factor = Math.sqrt((mp * 1e6) / (image.width * image.height));
  const canvas = createCanvas(Math.round(image.width * factor), Math.round(image.height * factor));
  canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.encode("jpeg", 90);
}
