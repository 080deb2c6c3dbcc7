/**
 * `npm run gen:photos -- --count N --out DIR [--seed S] [--puzzles FILE] [--filled [--entries A-B]]
 * [--symmetric]`: synthetic photos of whole printed sudokus and app screenshots with labels.json in the
 * benchmark's format.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { registerFonts } from "../digits/fonts.ts";
import { loadMnist, mnistHalf, registerHandwritingFonts, type MnistDigits } from "./handwriting.ts";
import { FALLBACK_PUZZLES, loadPuzzlePool } from "./puzzles.ts";
import { BENCHMARK_SEED, EVAL_SEEDS, isEvalSeed } from "./seeds.ts";
import { writePhotos } from "./write-photos.ts";

const repo = resolve(import.meta.dirname, "../..");
const defaultPuzzles = resolve(repo, "../shared/puzzles/kaggle-10k.txt");
const help = `Usage: npm run gen:photos -- --count N --out DIR [--seed S] [--puzzles FILE] [--filled [--entries A-B]]
       [--symmetric]

Renders N photos of complete sudoku grids (newspaper, puzzle-book and plain layouts, app
screenshots light and dark with pencil marks; many fonts, line weights and colours, shaded
boxes, show-through; perspective, curl, shadows, glare, blur, noise, low resolution, JPEG)
into DIR with labels.json (file -> 81 digits, 0 = empty), designs.json and generator.json.
The same seed always gives the same photos.

  --seed S       default 1. Seeds ${EVAL_SEEDS.first}-${EVAL_SEEDS.last} are RESERVED FOR EVALUATION (never train on
                 them; train:digits refuses them). The 1,000-photo benchmark uses --seed ${BENCHMARK_SEED}.
  --puzzles FILE one puzzle a line (81 of 1-9 . 0); default ../shared/puzzles/kaggle-10k.txt,
                 else one built-in puzzle varied by symmetry.
  --filled       printed puzzles part-solved by hand: 1-15 entries in pen or pencil (MNIST digits
                 re-inked and handwriting fonts; about 8 % of them wrong) and pencilled candidates;
                 labels.json keeps the printed givens, entries.json the handwritten digits.
  --entries A-B  with --filled: A to B entries a photo instead of 1-15 (20-40: a puzzle well on the way).
  --symmetric    clue layouts symmetric as newspapers print them (mostly under a half turn; some a
                 quarter turn, a mirror or a diagonal), dug from the pool puzzles' solutions with
                 24-34 clues; without it, the pool's puzzles as they are (not symmetric).
  --handwriting DIR  MNIST t10k-*-ubyte.gz files; default ../shared/handwriting (fonts only without).
                 Training seeds draw its even-numbered digits, evaluation seeds the odd ones.`;

const { values } = parseArgs({
  options: {
    count: { type: "string" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    puzzles: { type: "string" },
    filled: { type: "boolean", default: false },
    symmetric: { type: "boolean", default: false },
    entries: { type: "string", default: "1-15" },
    handwriting: { type: "string", default: resolve(repo, "../shared/handwriting") },
    help: { type: "boolean", short: "h" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const [entriesMin, entriesMax] = (/^(\d+)-(\d+)$/.exec(values.entries)?.slice(1) ?? []).map(Number);
const entriesOk = entriesMin !== undefined && entriesMax !== undefined && entriesMin <= entriesMax;
if (
  values.help ||
  !values.out ||
  !(Number.isInteger(count) && count > 0) ||
  !Number.isInteger(seed) ||
  !entriesOk
) {
  console.log(help);
  process.exit(values.help ? 0 : 1);
}
const puzzleFile = values.puzzles ?? (existsSync(defaultPuzzles) ? defaultPuzzles : undefined);
const puzzles = puzzleFile ? loadPuzzlePool(puzzleFile) : [...FALLBACK_PUZZLES];
const log = (line: string): void => console.error(line);
log(`seed ${seed}, ${count} photos into ${values.out}, puzzles: ${puzzleFile ?? "built-in"}`);
const started = performance.now();
function mnistFor(seed: number): MnistDigits | undefined {
  const mnist = loadMnist(values.handwriting);
  return mnist && mnistHalf(mnist, isEvalSeed(seed) ? "evaluation" : "training");
}
const filled = values.filled
  ? {
      mnist: mnistFor(seed),
      fonts: registerHandwritingFonts(),
      entries: { min: entriesMin!, max: entriesMax! },
    }
  : undefined;
if (filled) log(`handwriting: ${filled.mnist ? `MNIST from ${values.handwriting} and` : ""} fonts`);
await writePhotos(
  { fonts: registerFonts(), puzzles, filled, symmetric: values.symmetric },
  { seed, count, out: resolve(values.out), log },
);
log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
