import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { classOf } from "../../src/digits/classes.ts";
import type { Point } from "../../src/shared/image.ts";
import { loadOpenCV } from "../../src/vision/opencv.ts";
import { readEntries } from "../../tooling/entries.ts";
import { isEvalSeed } from "../photos/seeds.ts";
import { readManifest } from "../photos/write-photos.ts";
import { cacheKey, cachedExamples } from "./cell-cache.ts";
import type { Example } from "./dataset.ts";
import { findPhotoGrid, turnedCells } from "./real-cells.ts";

/** Found corners farther than this share of the grid side from the drawn ones mean another grid was cut. */
const CORNER_TOLERANCE = 0.08;

/**
 * Training cells from `gen:photos` folders, cut by the app's own detector, warp and `prepareCell`
 * exactly as the real photos are, and turned to the labels' orientation by the corners the generator
 * drew (`designs.json`), so that no model takes part and the cut cells outlive any model.
 * A `--filled` folder's handwritten digits (`entries.json`) get their handwritten classes.
 * Folders made with an evaluation seed are refused; photos whose detected grid is not the drawn one
 * (a neighbouring grid, a partial outline) are skipped rather than trained on with wrong labels.
 * @param cache keep each folder's cells there and take them back while nothing they depend on changed
 */
export async function loadGeneratedExamples(
  dirs: readonly string[],
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
    const cut = () => cutFolder(dir, log);
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
 * depend on: the app's vision and preprocessing sources.
 */
export interface GeneratedCellCache {
  dir: string;
  dependsOn: readonly string[];
}

async function cutFolder(dir: string, log: (line: string) => void): Promise<Example[]> {
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
    const found = await findPhotoGrid(dir, file);
    const drawn = designs[file]!.corners.map(([x, y]) => ({ x, y }));
    const turns = found && uprightTurns(found.corners, drawn);
    if (!found || turns === undefined) {
      missed++;
      continue;
    }
    const written = entries?.[file];
    const printed = labels[file]!;
    turnedCells(found.gray, found.corners, turns).forEach((cell, i) => {
      const entry = Number(written?.[i] ?? 0);
      examples.push({ input: cell.input, label: entry ? classOf(entry, true) : Number(printed[i]) });
    });
    photos++;
  }
  log(`${dir}: ${photos} generated photos for training, ${missed} skipped (grid not found or another grid)`);
  return examples;
}

/**
 * The quarter turns (clockwise) that bring the grid warped from the `found` corners upright, as the
 * generator printed it: `drawn` lists the printed grid's top-left, top-right, bottom-right and
 * bottom-left corners in the photo, `found` the detector's in the photo's top-left, top-right… order,
 * so a photo taken sideways has the printed top-left at another found corner. Undefined when the found
 * corners are not the drawn ones, each within `CORNER_TOLERANCE` of the grid's side (another grid was
 * found, or part of this one).
 */
export function uprightTurns(found: readonly Point[], drawn: readonly Point[]): number | undefined {
  const side = Math.hypot(drawn[1]!.x - drawn[0]!.x, drawn[1]!.y - drawn[0]!.y);
  const offset = [0, 1, 2, 3].find((k) =>
    drawn.every((d, j) => {
      const f = found[(j + k) % 4]!;
      return Math.hypot(f.x - d.x, f.y - d.y) < CORNER_TOLERANCE * side;
    }),
  );
  // The printed top-left lies at the warp's corner `offset`; each clockwise turn moves it one corner on.
  return offset === undefined ? undefined : (4 - offset) % 4;
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
