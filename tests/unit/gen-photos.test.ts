import { loadImage } from "@napi-rs/canvas";
import { describe, expect, test } from "vitest";
import type { GrayImage } from "../../src/shared/image.ts";
import { squareToQuad, project } from "../../src/shared/homography.ts";
import { toGray } from "../../src/vision/gray.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { drawDesign, type CameraStyle, type PhotoDesign } from "../../training/photos/design.ts";
import { generatePhoto, type GeneratorInput } from "../../training/photos/generate-photo.ts";
import { hasOneSolution } from "../../src/solver/solve.ts";
import { nearestSymmetry } from "../../src/solver/symmetry.ts";
import { choosePuzzle, FALLBACK_PUZZLES, symmetricPuzzle } from "../../training/photos/puzzles.ts";
import { createRng } from "../../training/digits/rng.ts";
import { decodePhoto } from "../../tooling/load-photo.ts";

const fonts = registerFonts();
const puzzles = [...FALLBACK_PUZZLES];

/** Caps the photo size so the tests stay fast; every other choice is the generator's own. */
const small = (design: PhotoDesign): PhotoDesign => ({
  ...design,
  camera: {
    ...design.camera,
    width: Math.min(design.camera.width, 640),
    height: Math.min(design.camera.height, 640),
  },
});

/** A well-lit photo taken square-on, of a page with nothing but the puzzle's own print. */
const clean =
  (layout: PhotoDesign["layout"], quarterTurns = 0, perspective = 0) =>
  (design: PhotoDesign): PhotoDesign => {
    const camera: CameraStyle = {
      ...design.camera,
      kind: "photo",
      width: 800,
      height: 800,
      fill: 0.8,
      angle: 0.05,
      quarterTurns,
      perspective,
      curl: 0,
      gradient: 0,
      shadow: { kind: "none" },
      glare: 0,
      tint: [1, 1, 1],
      blur: 0,
      noise: 0,
      jpegQuality: 92,
    };
    const print = layout !== "app-light" && layout !== "app-dark";
    return {
      ...design,
      layout,
      // Print styles for print layouts (a dark app style on paper would be white on white).
      grid: print
        ? { ...design.grid, background: null, digitInk: [20, 20, 20], shadedBoxes: null }
        : design.grid,
      page: { ...design.page, paper: [240, 238, 230], texture: 0, crumple: 0, showThrough: 0 },
      camera,
      marks: design.marks.map((m) => (m?.kind === "pencil" ? null : m)),
    };
  };

function generate(seed: number, index: number, adjust: GeneratorInput["adjust"]) {
  return generatePhoto({ fonts, puzzles, adjust }, seed, index);
}

/** Share of dark pixels in a window of ±`half` cells around cell (r, c)'s centre, found through the grid's corners. */
function inkAround(
  gray: GrayImage,
  corners: Parameters<typeof squareToQuad>[0],
  r: number,
  c: number,
  half: number,
) {
  const h = squareToQuad(corners);
  let dark = 0;
  let all = 0;
  for (let dv = -half; dv <= half; dv += 0.02) {
    for (let du = -half; du <= half; du += 0.02) {
      const p = project(h, (c + 0.5 + du) / 9, (r + 0.5 + dv) / 9);
      const v = gray.data[Math.round(p.y) * gray.width + Math.round(p.x)]!;
      all++;
      if (v < 120) dark++;
    }
  }
  return dark / all;
}

describe("gen:photos", () => {
  test("the same seed and index give the same photo, byte for byte; another seed another", () => {
    for (const index of [0, 1, 2]) {
      const a = generate(41, index, small);
      const b = generate(41, index, small);
      expect(a.label).toMatch(/^[0-9]{81}$/);
      expect(Buffer.compare(a.jpeg, b.jpeg)).toBe(0);
      expect(a.label).toBe(b.label);
      expect(generate(42, index, small).jpeg.equals(a.jpeg)).toBe(false);
    }
  });

  test("a label holds exactly the printed givens of a valid puzzle", () => {
    const { label, design } = generate(43, 0, small);
    const givens = design.marks.map((m) => (m?.kind === "given" ? m.digit : 0));
    expect(label).toBe(givens.join(""));
    // The built-in puzzle has 32 givens; the symmetry transforms keep the count.
    expect(givens.filter((d) => d > 0)).toHaveLength(32);
    for (let r = 0; r < 9; r++) {
      const row = givens.slice(r * 9, r * 9 + 9).filter((d) => d > 0);
      expect(new Set(row).size).toBe(row.length);
    }
  });

  test("--symmetric puzzles have symmetric clue layouts, 21-34 clues and one solution, which they keep", () => {
    const rng = createRng(5);
    const names = new Set<string>();
    for (let n = 0; n < 12; n++) {
      const { givens, solution } = symmetricPuzzle(rng, puzzles);
      const clues = givens.flatMap((d, cell) => (d > 0 ? [cell] : []));
      const { name, breakers } = nearestSymmetry(clues);
      names.add(name);
      expect(breakers).toEqual([]);
      expect(clues.length).toBeGreaterThanOrEqual(21);
      expect(clues.length).toBeLessThanOrEqual(34);
      expect(hasOneSolution(Uint8Array.from(givens))).toBe(true);
      for (const cell of clues) expect(givens[cell]).toBe(solution[cell]);
    }
    expect(names.size).toBeGreaterThan(1);
  });

  for (const [layout, turns, perspective] of [
    ["plain", 0, 0],
    ["newspaper", 1, 0.05],
    ["book", 2, 0.03],
    ["app-light", 0, 0],
  ] as const) {
    test(`labelled cells have ink at their centre and empty ones none (${layout}, ${turns} quarter turns)`, async () => {
      for (const index of [0, 1]) {
        const photo = generate(44, index, clean(layout, turns, perspective));
        const gray = toGray(await decodePhoto(photo.jpeg));
        for (let i = 0; i < 81; i++) {
          const ink = inkAround(gray, photo.corners, Math.floor(i / 9), i % 9, 0.22);
          if (photo.label[i] === "0") expect(ink, `cell ${i}`).toBeLessThan(0.01);
          else expect(ink, `cell ${i} (${photo.label[i]})`).toBeGreaterThan(0.04);
        }
      }
    });
  }

  test("pencil candidates appear only in app screenshots, and only in cells with no given", () => {
    const rng = createRng(45);
    let pencilled = 0;
    for (let n = 0; n < 40; n++) {
      const puzzle = choosePuzzle(rng, puzzles);
      const design = drawDesign(rng, puzzle, fonts);
      design.marks.forEach((mark, i) => {
        if (mark?.kind !== "pencil") return;
        pencilled++;
        expect(design.layout.startsWith("app")).toBe(true);
        expect(puzzle.givens[i]).toBe(0);
        expect(mark.digits).toContain(puzzle.solution[i]);
      });
    }
    expect(pencilled).toBeGreaterThan(0);
  });

  test("a photo decodes at the size the design asked for, turned when it is turned", async () => {
    const upright = await loadImage(generate(46, 0, clean("plain", 0)).jpeg);
    const landscape = (d: PhotoDesign): PhotoDesign => {
      const turned = clean("plain", 1)(d);
      return { ...turned, camera: { ...turned.camera, width: 640, height: 480 } };
    };
    const { design, jpeg } = generate(46, 0, landscape);
    const sideways = await loadImage(jpeg);
    expect([upright.width, upright.height]).toEqual([800, 800]);
    expect([sideways.width, sideways.height]).toEqual([480, 640]);
    expect(design.camera.quarterTurns).toBe(1);
  });
});
