/**
 * `npm run gen:photos -- --count N --out DIR [--seed S] [--puzzles FILE]`: synthetic photos of
 * whole printed sudokus and app screenshots with labels.json in the benchmark's format.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { registerFonts } from "../digits/fonts.ts";
import { FALLBACK_PUZZLES, loadPuzzlePool } from "./puzzles.ts";
import { BENCHMARK_SEED, EVAL_SEEDS } from "./seeds.ts";
import { writePhotos } from "./write-photos.ts";

const repo = resolve(import.meta.dirname, "../..");
const defaultPuzzles = resolve(repo, "../shared/puzzles/kaggle-10k.txt");
const help = `Usage: npm run gen:photos -- --count N --out DIR [--seed S] [--puzzles FILE]

Renders N photos of complete sudoku grids (newspaper, puzzle-book and plain layouts, app
screenshots light and dark with pencil marks; many fonts, line weights and colours, shaded
boxes, show-through; perspective, curl, shadows, glare, blur, noise, low resolution, JPEG)
into DIR with labels.json (file -> 81 digits, 0 = empty), designs.json and generator.json.
The same seed always gives the same photos.

  --seed S       default 1. Seeds ${EVAL_SEEDS.first}-${EVAL_SEEDS.last} are RESERVED FOR EVALUATION (never train on
                 them; train:digits refuses them). The 1,000-photo benchmark uses --seed ${BENCHMARK_SEED}.
  --puzzles FILE one puzzle a line (81 of 1-9 . 0); default ../shared/puzzles/kaggle-10k.txt,
                 else one built-in puzzle varied by symmetry.`;

const { values } = parseArgs({
  options: {
    count: { type: "string" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
    puzzles: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (values.help || !values.out || !(Number.isInteger(count) && count > 0) || !Number.isInteger(seed)) {
  console.log(help);
  process.exit(values.help ? 0 : 1);
}
const puzzleFile = values.puzzles ?? (existsSync(defaultPuzzles) ? defaultPuzzles : undefined);
const puzzles = puzzleFile ? loadPuzzlePool(puzzleFile) : [...FALLBACK_PUZZLES];
const log = (line: string): void => console.error(line);
log(`seed ${seed}, ${count} photos into ${values.out}, puzzles: ${puzzleFile ?? "built-in"}`);
const started = performance.now();
await writePhotos({ fonts: registerFonts(), puzzles }, { seed, count, out: resolve(values.out), log });
log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
