import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { meanSide } from "../../src/shared/corners.ts";
import type { PhotoDesign } from "./design.ts";
import { generatePhoto, type GeneratorInput } from "./generate-photo.ts";

/** Written beside the photos: how they were made, so training can refuse an evaluation seed. */
export interface GeneratorManifest {
  seed: number;
  count: number;
}

const MANIFEST_FILE = "generator.json";
const DESIGNS_FILE = "designs.json";

/**
 * Writes photos `s<seed>-<index>.jpg`, `labels.json` (file → 81 digits, the benchmark's format; only
 * the printed givens), `entries.json` for `filled` sets (file → 81 digits, the handwritten entries),
 * `designs.json` (file → what was drawn: layout, fonts, camera, the grid's corners in the photo) and the manifest.
 */
export async function writePhotos(
  input: GeneratorInput,
  options: { seed: number; count: number; out: string; log: (line: string) => void },
): Promise<void> {
  const { seed, count, out, log } = options;
  await mkdir(out, { recursive: true });
  const labels: Record<string, string> = {};
  const entries: Record<string, string> = {};
  const designs: Record<string, Omit<PhotoDesign, "marks"> & { corners: number[][]; entrySources?: string }> =
    {};
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const photo = generatePhoto(input, seed, index);
    const file = `s${seed}-${String(index).padStart(4, "0")}.jpg`;
    await writeFile(join(out, file), photo.jpeg);
    labels[file] = photo.label;
    entries[file] = photo.entries;
    const { layout, grid, page, camera } = photo.design;
    const corners = photo.corners.map((p) => [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10]);
    designs[file] = {
      layout,
      grid,
      page,
      camera,
      corners,
      ...(input.filled ? { entrySources: entrySources(photo.design) } : {}),
    };
    if ((index + 1) % 50 === 0 || index + 1 === count) {
      const each = (performance.now() - started) / (index + 1);
      log(`${index + 1}/${count} photos, ${each.toFixed(0)} ms each`);
    }
  }
  await writeFile(join(out, "labels.json"), `${JSON.stringify(labels, null, 1)}\n`);
  await writeFile(join(out, DESIGNS_FILE), `${JSON.stringify(designs)}\n`);
  if (input.filled) await writeFile(join(out, "entries.json"), `${JSON.stringify(entries, null, 1)}\n`);
  const manifest: GeneratorManifest = { seed, count };
  await writeFile(join(out, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
}

/** The manifest of a generated folder, or undefined for a folder of real photos. */
export async function readManifest(dir: string): Promise<GeneratorManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8")) as GeneratorManifest;
  } catch {
    return undefined;
  }
}

/** What a generated photo's design says of how legible its digits are. */
/**
 * Where each handwritten entry came from: `m` a real person's digit (MNIST), `f` a handwriting font, `.`
 * a cell without an entry. Real handwriting reads worse than fonts; the benchmark shows the two apart.
 */
function entrySources({ marks }: PhotoDesign): string {
  return marks
    .map((mark) => (mark?.kind === "entry" ? ENTRY_SOURCE_CODES[mark.hand.source.kind] : "."))
    .join("");
}

export const ENTRY_SOURCE_CODES = { mnist: "m", font: "f" } as const;

export interface DesignFacts {
  /** Camera blur (σ, in photo pixels) as a share of the grid's cell side. */
  blurShare: number;
  /** Height of the printed digits in photo pixels (the grid's mean cell side times the digits' share of it). */
  digitPx: number;
  /** Of a half-filled photo, each entry's source (see `entrySources`); absent in sets made before it was kept. */
  entrySources?: string;
}

/**
 * Per photo of a generated folder, its `DesignFacts` (from designs.json), or undefined for a folder of
 * real photos.
 */
export async function readDesignFacts(dir: string): Promise<Record<string, DesignFacts> | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, DESIGNS_FILE), "utf8");
  } catch {
    return undefined;
  }
  const designs = JSON.parse(text) as Record<
    string,
    {
      camera: { blur: number };
      grid: { digitHeight: number };
      corners: number[][];
      entrySources?: string;
    }
  >;
  const cellSide = (corners: number[][]) => {
    const [tl, tr, br, bl] = corners.map(([x, y]) => ({ x: x!, y: y! }));
    return meanSide([tl!, tr!, br!, bl!]) / 9;
  };
  return Object.fromEntries(
    Object.entries(designs).map(([file, d]) => {
      const side = cellSide(d.corners);
      const facts: DesignFacts = { blurShare: d.camera.blur / side, digitPx: d.grid.digitHeight * side };
      return [file, d.entrySources === undefined ? facts : { ...facts, entrySources: d.entrySources }];
    }),
  );
}
