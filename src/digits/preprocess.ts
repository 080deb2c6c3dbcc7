import type { GrayImage } from "../shared/image.ts";
import { connectedComponents } from "./components.ts";
import { boxOffset, fitToBox, type Box } from "./fit-box.ts";
import { MODEL_INPUT_PX } from "./geometry.ts";
import { clearEdgeLines, EDGE_BAND } from "./grid-lines.ts";
import { cellLooksEmpty, type InkShape } from "./empty-cell.ts";
import { darknessMap, otsuThreshold, peakContrast, type PaperEstimate } from "./ink.ts";
import { selectDigitComponents } from "./select-digit.ts";

/**
 * THE preprocessing shared by training (synthetic cells) and the app (cells cut from photos).
 * The CNN only works on inputs made exactly like its training data: change this and retrain.
 */
export interface PreparedCell {
  /** MODEL_INPUT_PX² row-major, ink = 1, paper = 0. */
  input: Float32Array;
  /** Share of the cell's pixels that belong to the kept digit components. */
  inkFraction: number;
  /** Decided from ink area and shape alone, independent of the CNN (see `cellLooksEmpty`). */
  empty: boolean;
  /** What the empty test and the orientation check measured (absent when no ink was kept). */
  shape?: InkShape;
  /** Pixel bounds (inclusive) of the kept ink in the cell, absent when none was kept. */
  box?: Box;
  /**
   * Darkest strokes near the centre relative to the paper (`peakContrast`), whether or not ink was kept: a
   * digit washed out below the ink test still leaves a trace there (`faintTraces`).
   */
  peak: number;
}

/** Below this darkness (0..255) nothing is ink, whatever Otsu says: keeps paper noise out of blank cells. */
const MIN_CONTRAST = 18;
/** …and relative to the paper level, so a dim photo does not lower the bar to its noise. */
const MIN_RELATIVE_CONTRAST = 0.12;

/** Cuts the digit out of a cell and fits it into the CNN's input, as training and the first read do. */
export function prepareCell(cell: GrayImage): PreparedCell {
  return prepareCellWith(cell);
}

/** How another look at a cell prepares it otherwise than the first (`src/digits/second-look.ts`). */
export interface LookOptions {
  /** Scales the bar dark pixels must clear to be ink: a tighter look raises it (`tightCell`). */
  inkBar?: number;
  /** How the paper is estimated (`PaperEstimate`): a step-free look closes it (`stepFreeCell`). */
  estimate?: PaperEstimate;
}

/** `prepareCell` with another ink bar or paper estimate (`LookOptions`). */
export function prepareCellWith(
  cell: GrayImage,
  { inkBar = 1, estimate = "dilated" }: LookOptions = {},
): PreparedCell {
  const { width: w, height: h } = cell;
  const dark = darknessMap(cell, estimate);
  const paper = paperLevel(cell);
  // Otsu over the centre only: grid lines at the edges would otherwise dominate the ink class.
  const cx0 = w * EDGE_BAND;
  const cx1 = w * (1 - EDGE_BAND);
  const cy0 = h * EDGE_BAND;
  const cy1 = h * (1 - EDGE_BAND);
  const otsu = otsuThreshold(dark, (i) => {
    const x = i % w;
    const y = (i - x) / w;
    return x >= cx0 && x < cx1 && y >= cy0 && y < cy1;
  });
  const threshold = inkBar * Math.max(otsu, MIN_CONTRAST, MIN_RELATIVE_CONTRAST * paper);
  const mask = new Uint8Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = dark[i]! > threshold ? 1 : 0;
  clearEdgeLines(mask, w, h);

  const { labels, components } = connectedComponents(mask, w, h);
  const keep = selectDigitComponents(components, labels, w, h);
  const box: Box = { x0: w, y0: h, x1: -1, y1: -1 };
  let area = 0;
  let inkSum = 0;
  let longestPart = 0;
  for (const c of components) {
    if (!keep.has(c.label)) continue;
    area += c.area;
    longestPart = Math.max(longestPart, c.y1 - c.y0 + 1, c.x1 - c.x0 + 1);
    box.x0 = Math.min(box.x0, c.x0);
    box.y0 = Math.min(box.y0, c.y0);
    box.x1 = Math.max(box.x1, c.x1);
    box.y1 = Math.max(box.y1, c.y1);
  }
  const peak = peakContrast(dark, w, h, paper);
  if (area === 0) {
    return { input: new Float32Array(MODEL_INPUT_PX * MODEL_INPUT_PX), inkFraction: 0, empty: true, peak };
  }
  const kept = new Uint8Array(w * h);
  for (let i = 0; i < kept.length; i++) {
    if (!keep.has(labels[i]!)) continue;
    kept[i] = 1;
    inkSum += dark[i]!;
  }
  const inkLevel = inkSum / area;
  const ink = softInk(dark, kept, w, h, inkLevel);
  const inkFraction = area / (w * h);
  const shape: InkShape = {
    inkFraction,
    height: (box.y1 - box.y0 + 1) / h,
    width: (box.x1 - box.x0 + 1) / w,
    longestPart: longestPart / Math.max(w, h),
    peakContrast: peak,
    strokeContrast: inkLevel / Math.max(1, paper),
    sharpOutline: sharpOutline(cell, kept, inkLevel),
    offset: boxOffset(box, w, h),
  };
  return { input: fitToBox(ink, w, h, box), inkFraction, empty: cellLooksEmpty(shape), shape, box, peak };
}

/**
 * Darkness scaled so a typical stroke pixel is 1, kept only on and next to the chosen
 * components: anti-aliased stroke edges survive, grid lines and neighbours' fragments do not.
 */
function softInk(dark: Float32Array, kept: Uint8Array, w: number, h: number, inkLevel: number): Float32Array {
  const ink = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let near = 0;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) near |= kept[ny * w + nx]!;
      }
      if (near) ink[y * w + x] = Math.min(1, dark[y * w + x]! / inkLevel);
    }
  }
  return ink;
}

/**
 * Share of the kept ink's outline across which the cell's gray rises by at least half the ink's darkness
 * (`inkLevel`) within two pixels: a stroke, printed or written, has such an edge on both sides, the
 * edge of a shadow on one side only, and print showing through the page on none (the paper blurs it).
 * Darkness is measured against a local paper level, so a shadow's dark side looks like a stroke.
 */
function sharpOutline({ width: w, height: h, data }: GrayImage, kept: Uint8Array, inkLevel: number): number {
  const steps = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ] as const;
  let outline = 0;
  let sharp = 0;
  for (let y = 2; y < h - 2; y++) {
    for (let x = 2; x < w - 2; x++) {
      if (!kept[y * w + x]) continue;
      for (const [dx, dy] of steps) {
        if (kept[(y + dy) * w + x + dx]) continue;
        outline++;
        const rise = data[(y + 2 * dy) * w + x + 2 * dx]! - data[(y - dy) * w + x - dx]!;
        if (rise >= 0.5 * inkLevel) sharp++;
      }
    }
  }
  return outline > 0 ? sharp / outline : 0;
}

/** Median gray of the cell: the paper level, since most of any cell is paper. */
function paperLevel(cell: GrayImage): number {
  const hist = new Uint32Array(256);
  for (const v of cell.data) hist[v]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen * 2 >= cell.data.length) return v;
  }
  return 255;
}
