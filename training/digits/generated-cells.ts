import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { classOf } from "../../src/digits/classes.ts";
import type { PreparedCell } from "../../src/digits/preprocess.ts";
import type { Point } from "../../src/shared/image.ts";
import { loadOpenCV } from "../../src/vision/opencv.ts";
import { readEntries } from "../../tooling/entries.ts";
import { isEvalSeed } from "../photos/seeds.ts";
import { readManifest } from "../photos/write-photos.ts";
import { cacheKey, cachedExamples } from "./cell-cache.ts";
import type { Example } from "./dataset.ts";
import { alignToLabels, cutPhotoCells } from "./real-cells.ts";

/** Found corners farther than this share of the grid side from the drawn ones mean another grid was cut. */
const CORNER_TOLERANCE = 0.08;

/**
 * Training cells from `gen:photos` folders, cut by the app's own detector, warp and `prepareCell`
 * exactly as the real photos are, and turned to the labels' orientation by `read` (a model's digits).
 * A `--filled` folder's handwritten digits (`entries.json`) get their handwritten classes.
 * Folders made with an evaluation seed are refused; photos whose detected grid is not the drawn one
 * (a neighbouring grid, a partial outline) are skipped rather than trained on with wrong labels.
 * @param cache keep each folder's cells there and take them back while nothing they depend on changed
 */
export async function loadGeneratedExamples(
  dirs: readonly string[],
  read: (cells: PreparedCell[]) => Promise<number[]>,
  log: (line: string) => void,
  cache?: GeneratedCellCache,
): Promise<Example[]> {
  if (dirs.length === 0) return [];
  await loadOpenCV();
  const examples: Example[] = [];
  for (const dir of dirs) {
    const manifest = await readManifest(dir);
    if (!manifest) throw new Error(`${dir}: no generator.json, so not a gen:photos folder`);
    if (isEvalSeed(manifest.seed)) {
      throw new Error(`${dir}: made with seed ${manifest.seed}, which is reserved for evaluation`);
    }
    const cut = () => cutFolder(dir, read, log);
    const cells = cache
      ? await cachedExamples(
          join(cache.dir, `${basename(resolve(dir))}.bin`),
          await cacheKey([dir, ...cache.dependsOn]),
          cut,
        )
      : await cut();
    if (cache) log(`${dir}: ${cells.length} cells (cached in ${cache.dir})`);
    examples.push(...cells);
  }
  return examples;
}

/**
 * Where cut cells are kept between training processes, and what else (besides the photo folder) they
 * depend on: the app's vision and preprocessing sources and the model that turns the cells upright.
 */
export interface GeneratedCellCache {
  dir: string;
  dependsOn: readonly string[];
}

async function cutFolder(
  dir: string,
  read: (cells: PreparedCell[]) => Promise<number[]>,
  log: (line: string) => void,
): Promise<Example[]> {
  const labels = JSON.parse(await readFile(join(dir, "labels.json"), "utf8")) as Record<string, string>;
  const entries = await readEntries(dir);
  const designs = JSON.parse(await readFile(join(dir, "designs.json"), "utf8")) as Record<
    string,
    { corners: [number, number][] }
  >;
  const examples: Example[] = [];
  let missed = 0;
  let photos = 0;
  for (const file of Object.keys(labels).sort()) {
    const cut = await cutPhotoCells(dir, file, labels[file]!);
    const drawn = designs[file]!.corners.map(([x, y]) => ({ x, y }));
    if (!cut || !sameQuad(cut.corners, drawn)) {
      missed++;
      continue;
    }
    const cells = await alignToLabels(cut, read);
    const written = entries?.[file];
    cells.forEach((cell, i) => {
      const entry = Number(written?.[i] ?? 0);
      examples.push({ input: cell.input, label: entry ? classOf(entry, true) : cut.labels[i]! });
    });
    photos++;
  }
  log(`${dir}: ${photos} generated photos for training, ${missed} skipped (grid not found or another grid)`);
  return examples;
}

/** Whether every drawn corner has a found corner near it (in any order: a turned photo starts elsewhere). */
function sameQuad(found: readonly Point[], drawn: readonly Point[]): boolean {
  const side = Math.hypot(drawn[1]!.x - drawn[0]!.x, drawn[1]!.y - drawn[0]!.y);
  return drawn.every((d) => found.some((f) => Math.hypot(f.x - d.x, f.y - d.y) < CORNER_TOLERANCE * side));
}

/**
 * One pool of photo cells in which real and generated cells are drawn equally often: thousands of
 * generated photos would otherwise drown a hundred real ones. The real cells repeat (references only).
 */
export function balancedPool(real: readonly Example[], generated: readonly Example[]): Example[] {
  if (real.length === 0 || generated.length === 0) return [...real, ...generated];
  const repeats = Math.max(1, Math.round(generated.length / real.length));
  return [...Array.from({ length: repeats }, () => real).flat(), ...generated];
}
