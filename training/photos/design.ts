import type { FontFace } from "../digits/fonts.ts";
import type { Rng } from "../digits/rng.ts";
import type { Puzzle } from "./puzzles.ts";
import { candidateMarks } from "./candidates.ts";
import { fade } from "./colour.ts";
import { fillIn, type HandSources } from "./fill-in.ts";

export type Rgb = readonly [number, number, number];

/** A line of the grid: width in cells (1 = one cell side) and colour. */
export interface LineStyle {
  width: number;
  colour: Rgb;
}

/** How the sudoku itself is printed or shown. */
export interface GridStyle {
  digitFont: string;
  /** Glyph height as a share of the cell side. */
  digitHeight: number;
  digitInk: Rgb;
  /** Cell fill, or null where the paper shows. */
  background: Rgb | null;
  /** Fill of every other 3×3 box (a chequerboard of boxes), or none. */
  shadedBoxes: Rgb | null;
  thin: LineStyle;
  box: LineStyle;
  outer: LineStyle;
  /** Print misregistration: each digit off centre by up to this share of a cell. */
  digitJitter: number;
  /** Font, glyph height (share of a cell) and ink of candidate marks, when the layout has any. */
  pencil: { font: string; height: number; ink: Rgb };
}

/** How one handwritten digit was written: its shape's source, the tool, and the hand's size and slant. */
export interface Hand {
  /** An MNIST test digit (its index and 28×28 pixels) or a handwriting font. */
  source: { kind: "mnist"; index: number; pixels: Uint8Array } | { kind: "font"; font: string };
  tool: "pen" | "pencil";
  ink: Rgb;
  /** Glyph height as a share of the cell, slant (shear), angle (radians), offsets (shares of a cell). */
  height: number;
  slant: number;
  angle: number;
  dx: number;
  dy: number;
  /** Extra stroke width as a share of the cell (pressure, a broad nib). */
  stroke: number;
}

/**
 * What a cell holds besides paper. Only givens are labels (`labels.json`); a player's handwritten
 * entries go to `entries.json`; pencil candidates, like everything else, must read as empty.
 */
export type CellMark =
  | { kind: "given"; digit: number }
  | { kind: "pencil"; digits: readonly number[] }
  | { kind: "entry"; digit: number; hand: Hand };

export type Layout = "plain" | "newspaper" | "book" | "app-light" | "app-dark";

export interface PageStyle {
  paper: Rgb;
  /** 0 (smooth) … 1 (strong blotches and grain). */
  texture: number;
  /** 0 (flat) … 1 (crumpled: creases and a bumpy surface). */
  crumple: number;
  /** Opacity of the mirrored print from the reverse page (0 = none). */
  showThrough: number;
  /** What lies around the page: a table, a dark desk, a cloth. */
  surround: Rgb;
}

export type Shadow = { kind: "none" } | { kind: "edge"; depth: number } | { kind: "bands"; depth: number };

export interface CameraStyle {
  /** A screenshot is only scaled and compressed; a photo goes through the lens and the light. */
  kind: "photo" | "screenshot";
  width: number;
  height: number;
  /** Grid side in the photo as a share of the photo's short side. */
  fill: number;
  /** In-plane rotation in radians, and extra quarter turns (a phone held sideways). */
  angle: number;
  quarterTurns: number;
  /** Random corner displacement as a share of the grid side (perspective). */
  perspective: number;
  /** Page curl / bumps: displacement as a share of the grid side. */
  curl: number;
  /** Brightness falling off across the photo (0 = even light). */
  gradient: number;
  shadow: Shadow;
  /** Blend towards white at the glare's centre (0 = none). */
  glare: number;
  /** Per-channel gain: the white balance. */
  tint: Rgb;
  /** Gaussian blur sigma in photo pixels. */
  blur: number;
  /** Gaussian noise sigma in 0..255 levels. */
  noise: number;
  jpegQuality: number;
}

export interface PhotoDesign {
  layout: Layout;
  grid: GridStyle;
  page: PageStyle;
  camera: CameraStyle;
  /** 81 entries row-major: what each cell shows (null = nothing). */
  marks: readonly (CellMark | null)[];
}

const INK_COLOURS: readonly Rgb[] = [
  [20, 20, 20],
  [60, 60, 60],
  [110, 40, 140], // purple newspaper lines
  [30, 60, 150],
  [170, 30, 30],
  [20, 110, 60],
  [110, 70, 30],
  [130, 130, 130],
];

/**
 * Draws every random choice of one photo up front, so a design can be logged, replayed or overridden.
 * With `filled`, the photo is a printed puzzle part-solved by hand (see `fillIn`).
 */
export function drawDesign(
  rng: Rng,
  puzzle: Puzzle,
  fonts: readonly FontFace[],
  filled?: HandSources,
): PhotoDesign {
  const drawnLayout = pickLayout(rng);
  // People write into printed puzzles; an app's own entries are typed, not handwritten.
  const layout = filled && drawnLayout.startsWith("app") ? "newspaper" : drawnLayout;
  const app = layout === "app-light" || layout === "app-dark";
  const grid = app ? appGridStyle(rng, layout === "app-dark", fonts) : printGridStyle(rng, fonts);
  // Some players take notes in every cell, some in a few, some never.
  const pencilShare = app && rng.chance(0.7) ? rng.uniform(0.2, 0.9) : 0;
  const marks = puzzle.givens.map((digit, cell): CellMark | null => {
    if (digit > 0) return { kind: "given", digit };
    if (!rng.chance(pencilShare)) return null;
    return { kind: "pencil", digits: candidateMarks(rng, puzzle, cell) };
  });
  const design: PhotoDesign = {
    layout,
    grid,
    page: app ? appPage(layout === "app-dark") : pageStyle(rng),
    camera: cameraStyle(rng, app && rng.chance(0.75) ? "screenshot" : "photo"),
    marks,
  };
  return filled ? fillIn(rng, design, puzzle, filled) : design;
}

function pickLayout(rng: Rng): Layout {
  const x = rng.next();
  if (x < 0.28) return "plain";
  if (x < 0.55) return "newspaper";
  if (x < 0.8) return "book";
  return x < 0.9 ? "app-light" : "app-dark";
}

function printGridStyle(rng: Rng, fonts: readonly FontFace[]): GridStyle {
  const lineInk = rng.chance(0.65) ? INK_COLOURS[0]! : rng.pick(INK_COLOURS);
  const digitInk = rng.chance(0.75) ? INK_COLOURS[0]! : rng.chance(0.5) ? lineInk : rng.pick(INK_COLOURS);
  const thinWidth = rng.chance(0.3) ? rng.uniform(0.006, 0.015) : rng.uniform(0.015, 0.05);
  // Some puzzles draw box borders barely thicker than the cell lines.
  const boxWidth = rng.chance(0.2) ? thinWidth * rng.uniform(1, 1.6) : rng.uniform(0.04, 0.12);
  return {
    digitFont: rng.pick(fonts.filter((f) => f.weight >= 400)).alias,
    digitHeight: rng.uniform(0.45, 0.75),
    digitInk,
    background: null,
    shadedBoxes: rng.chance(0.2) ? tintOf(rng, lineInk) : null,
    thin: { width: thinWidth, colour: rng.chance(0.25) ? fade(lineInk, rng.uniform(0.2, 0.6)) : lineInk },
    box: { width: boxWidth, colour: lineInk },
    outer: { width: boxWidth * rng.uniform(1, 1.8), colour: lineInk },
    digitJitter: rng.uniform(0, 0.05),
    pencil: { font: rng.pick(fonts).alias, height: 0.22, ink: [110, 110, 110] },
  };
}

const APP_FONTS = ["roboto", "open-sans", "lato", "montserrat", "source-sans-3", "arimo"];

function appGridStyle(rng: Rng, dark: boolean, fonts: readonly FontFace[]): GridStyle {
  const sans = fonts.filter((f) => APP_FONTS.includes(f.family) && f.weight >= 400 && f.weight <= 700);
  const bg: Rgb = dark ? [rng.uniform(18, 40), rng.uniform(18, 40), rng.uniform(20, 48)] : [255, 255, 255];
  const line: Rgb = dark
    ? [95, 95, 105]
    : [rng.uniform(180, 215), rng.uniform(180, 215), rng.uniform(190, 225)];
  const strong: Rgb = dark
    ? [150, 150, 160]
    : [rng.uniform(30, 80), rng.uniform(30, 80), rng.uniform(40, 100)];
  return {
    digitFont: rng.pick(sans).alias,
    digitHeight: rng.uniform(0.45, 0.6),
    digitInk: dark ? [225, 225, 230] : [rng.uniform(10, 50), rng.uniform(10, 50), rng.uniform(10, 70)],
    background: bg,
    shadedBoxes: null,
    thin: { width: rng.uniform(0.01, 0.025), colour: line },
    box: { width: rng.uniform(0.025, 0.05), colour: strong },
    outer: { width: rng.uniform(0.025, 0.06), colour: strong },
    digitJitter: 0,
    pencil: {
      font: rng.pick(sans).alias,
      height: rng.uniform(0.17, 0.25),
      ink: dark ? [150, 150, 160] : [rng.uniform(90, 140), rng.uniform(90, 140), rng.uniform(90, 150)],
    },
  };
}

function pageStyle(rng: Rng): PageStyle {
  const level = rng.chance(0.15) ? rng.uniform(170, 215) : rng.uniform(215, 255);
  const warm = rng.chance(0.4) ? rng.uniform(5, 30) : rng.uniform(0, 6);
  return {
    paper: [level, level - warm * 0.4, level - warm],
    texture: rng.chance(0.5) ? rng.uniform(0.4, 1) : rng.uniform(0, 0.3),
    crumple: rng.chance(0.2) ? rng.uniform(0.3, 1) : rng.uniform(0, 0.15),
    showThrough: rng.chance(0.3) ? rng.uniform(0.05, 0.15) : 0,
    surround: rng.pick<Rgb>([
      [120, 85, 55],
      [60, 60, 65],
      [200, 200, 195],
      [30, 30, 35],
      [150, 140, 120],
    ]),
  };
}

function appPage(dark: boolean): PageStyle {
  const bg: Rgb = dark ? [12, 12, 16] : [246, 246, 248];
  return { paper: bg, texture: 0, crumple: 0, showThrough: 0, surround: [10, 10, 10] };
}

function cameraStyle(rng: Rng, kind: CameraStyle["kind"]): CameraStyle {
  const [width, height] = photoSize(rng, kind);
  const photo = kind === "photo";
  const bad = photo && rng.chance(0.3);
  return {
    kind,
    width,
    height,
    fill: rng.uniform(0.45, 0.95),
    angle: photo ? rng.normal() * (rng.chance(0.2) ? 0.25 : 0.06) : 0,
    quarterTurns: photo && rng.chance(0.05) ? rng.int(1, 3) : 0,
    perspective: photo ? rng.uniform(0, bad ? 0.14 : 0.06) : 0,
    curl: photo ? (rng.chance(0.35) ? rng.uniform(0.005, 0.03) : 0) : 0,
    gradient: photo ? rng.uniform(0, bad ? 0.55 : 0.25) : 0,
    shadow: photo ? shadowOf(rng) : { kind: "none" },
    glare: photo && rng.chance(0.2) ? rng.uniform(0.2, 0.65) : 0,
    tint: photo ? [rng.uniform(0.85, 1.05), rng.uniform(0.9, 1.05), rng.uniform(0.75, 1.05)] : [1, 1, 1],
    blur: photo ? (bad ? rng.uniform(0.5, 2) : rng.uniform(0, 0.8)) : 0,
    noise: photo ? (bad ? rng.uniform(4, 16) : rng.uniform(0, 5)) : 0,
    jpegQuality: rng.chance(0.25) ? rng.int(30, 60) : rng.int(60, 95),
  };
}

function photoSize(rng: Rng, kind: CameraStyle["kind"]): [number, number] {
  if (kind === "screenshot") {
    const w = rng.pick([360, 540, 720, 1080]);
    return [w, Math.round(w * rng.pick([16 / 9, 19.5 / 9, 4 / 3]))];
  }
  const x = rng.next();
  const [w, h] =
    x < 0.1
      ? [320, 240]
      : x < 0.3
        ? [640, 480]
        : x < 0.8
          ? [rng.pick([1024, 1280]), 960]
          : x < 0.96
            ? [1600, 1200]
            : [2448, 1836];
  const landscapeShort = Math.min(w, h);
  const long = Math.max(w, h);
  return rng.chance(0.5) ? [long, landscapeShort] : [landscapeShort, long];
}

function shadowOf(rng: Rng): Shadow {
  const x = rng.next();
  if (x < 0.65) return { kind: "none" };
  if (x < 0.88) return { kind: "edge", depth: rng.uniform(0.2, 0.6) };
  return { kind: "bands", depth: rng.uniform(0.15, 0.5) };
}

function tintOf(rng: Rng, ink: Rgb): Rgb {
  return fade(ink, rng.uniform(0.82, 0.93));
}
