import type { Corners } from "../../src/shared/image.ts";
import type { FontFace } from "../digits/fonts.ts";
import { createRng } from "../digits/rng.ts";
import { renderAppScreen } from "./app-screen.ts";
import { shoot } from "./camera.ts";
import { drawDesign, type PhotoDesign } from "./design.ts";
import type { HandSources } from "./fill-in.ts";
import { renderPrintPage, type RenderedPage } from "./print-page.ts";
import { choosePuzzle, symmetricPuzzle } from "./puzzles.ts";

export interface GeneratorInput {
  fonts: readonly FontFace[];
  /** Puzzle lines to print (see puzzles.ts). */
  puzzles: readonly string[];
  /** Part-solved puzzles: handwritten entries and candidates from these sources (`--filled`). */
  filled?: HandSources;
  /** Puzzles with symmetric clue layouts (`--symmetric`), dug from the pool's solutions. */
  symmetric?: boolean;
  /** Replaces parts of the drawn design, e.g. a flat camera for tests. */
  adjust?: (design: PhotoDesign) => PhotoDesign;
}

export interface GeneratedPhoto {
  jpeg: Buffer;
  /** The printed givens, 81 characters row-major, `0` for every other cell (the benchmark's format). */
  label: string;
  /** The handwritten entries as written (right or wrong), `0` elsewhere: `entries.json`'s format. */
  entries: string;
  design: PhotoDesign;
  /** The target grid's outer corners in the photo's pixels: its top-left, top-right, bottom-right, bottom-left as printed. */
  corners: Corners;
}

/** Photo `index` of the set made with `seed`: the same pair always gives the same bytes. */
export function generatePhoto(input: GeneratorInput, seed: number, index: number): GeneratedPhoto {
  const rng = createRng(photoSeed(seed, index));
  const puzzle = input.symmetric ? symmetricPuzzle(rng, input.puzzles) : choosePuzzle(rng, input.puzzles);
  const drawn = drawDesign(rng, puzzle, input.fonts, input.filled);
  const design = input.adjust ? input.adjust(drawn) : drawn;
  const textFonts = input.fonts.filter((f) => f.weight === 400).map((f) => f.alias);
  const { camera, layout } = design;
  let page: RenderedPage;
  if (layout === "app-light" || layout === "app-dark") {
    // A photographed screen is rendered at about the resolution the photo resolves it with.
    const width =
      camera.kind === "screenshot"
        ? camera.width
        : Math.round(
            Math.min(1400, Math.max(300, camera.fill * Math.min(camera.width, camera.height) * 1.5)),
          );
    const height = camera.kind === "screenshot" ? camera.height : Math.round(width * (16 / 9));
    page = renderAppScreen(rng, layout === "app-dark", design.page, design.grid, design.marks, width, height);
  } else {
    const photoCell = (camera.fill * Math.min(camera.width, camera.height)) / 9;
    const cell = Math.min(120, Math.max(10, photoCell * 1.4));
    page = renderPrintPage(rng, layout, design.page, design.grid, design.marks, cell, textFonts);
  }
  const label = design.marks.map((m) => (m?.kind === "given" ? String(m.digit) : "0")).join("");
  const entries = design.marks.map((m) => (m?.kind === "entry" ? String(m.digit) : "0")).join("");
  return { ...shoot(rng, page, camera, design.page), label, entries, design };
}

/** Independent stream per photo (FNV-1a of seed and index), so photos can be made in any order or subset. */
function photoSeed(seed: number, index: number): number {
  let h = 2166136261;
  for (const v of [seed, index]) {
    for (let k = 0; k < 4; k++) h = Math.imul(h ^ ((v >>> (8 * k)) & 0xff), 16777619) >>> 0;
  }
  return h;
}
