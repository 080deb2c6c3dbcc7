import type { GrayImage } from "../shared/image.ts";

/**
 * How the paper under a cell's ink is estimated (`darknessMap`): "dilated", a max filter wider than any
 * stroke, is what the CNN was trained on; "closed" adds a min filter of the same width (a closing), which
 * follows a shadow's or a shaded box's step edge where the max filter takes the dark side of the step for
 * ink along it, but also fills the core of a blob wider than the filter (a bold digit blurred at low
 * resolution), so it serves only for another look at a cell.
 */
export type PaperEstimate = "dilated" | "closed";

/**
 * Per-pixel "darkness relative to the local paper", robust to shading and tinted paper:
 * the paper level (`PaperEstimate`) is smoothed by a box blur, so a shadow or gradient across the cell
 * shifts the paper estimate along with it.
 * @returns values 0..255, 0 = paper, row-major like the input.
 */
export function darknessMap(cell: GrayImage, estimate: PaperEstimate = "dilated"): Float32Array {
  const { width: w, height: h, data } = cell;
  const radius = Math.max(2, Math.round(Math.min(w, h) * 0.12));
  const src = Float32Array.from(data);
  const dilated = maxFilter(src, w, h, radius);
  const paper = separable(
    blurLines,
    estimate === "closed" ? minFilter(dilated, w, h, radius) : dilated,
    w,
    h,
    radius,
  );
  const dark = new Float32Array(w * h);
  for (let i = 0; i < dark.length; i++) dark[i] = Math.max(0, paper[i]! - src[i]!);
  return dark;
}

/**
 * The cell as its darkness relative to the local paper (`darknessMap`, closed), drawn back as gray on
 * white paper: a shadow's or a shaded box's edge across a glyph is gone, so glyphs compare by shape.
 */
export function paperFlattened(cell: GrayImage): GrayImage {
  const dark = darknessMap(cell, "closed");
  return { width: cell.width, height: cell.height, data: Uint8ClampedArray.from(dark, (v) => 255 - v) };
}

/**
 * Contrast of the darkest strokes near the centre relative to the paper: the 98th percentile of
 * darkness in the central half of the cell, divided by the paper gray. Paper texture, halftone
 * and print showing through from the back page stay well below a printed digit's strokes.
 */
export function peakContrast(dark: Float32Array, w: number, h: number, paper: number): number {
  const x0 = Math.floor(w / 4);
  const y0 = Math.floor(h / 4);
  const cols = Math.ceil((3 * w) / 4) - x0;
  const rows = Math.ceil((3 * h) / 4) - y0;
  // A typed array sorts numerically, several times faster than numbers with a comparator.
  const values = new Float32Array(cols * rows);
  for (let y = 0; y < rows; y++) {
    const start = (y0 + y) * w + x0;
    values.set(dark.subarray(start, start + cols), y * cols);
  }
  values.sort();
  return values[Math.floor(values.length * 0.98)]! / Math.max(1, paper);
}

/** Otsu's threshold of `values` (0..255) restricted to pixels where `include(i)` is true. */
export function otsuThreshold(values: Float32Array, include: (i: number) => boolean): number {
  const hist = new Float64Array(256);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    hist[Math.min(255, Math.round(values[i]!))]! += 1;
    n++;
  }
  if (n === 0) return 0;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * hist[v]!;
  let best = 0;
  let bestVar = -1;
  let w0 = 0;
  let sum0 = 0;
  for (let t = 0; t < 256; t++) {
    w0 += hist[t]!;
    sum0 += t * hist[t]!;
    const w1 = n - w0;
    if (w0 === 0 || w1 === 0) continue;
    const m0 = sum0 / w0;
    const m1 = (sumAll - sum0) / w1;
    const between = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best + 0.5;
}

/** Max over a (2r+1)² window clipped to the image, of values ≥ 0. */
export function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  return separable(maxLines, src, w, h, r);
}

/** Min over a (2r+1)² window clipped to the image, of values in 0..255: the max filter of 255 − v (≥ 0, as `maxFilter` wants). */
export function minFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  const invert = (a: Float32Array) => a.map((v) => 255 - v);
  return invert(maxFilter(invert(src), w, h, r));
}

/** A 1-D filter applied to `lines` lines of `len` samples; `step` between samples, `stride` between lines. */
type LineFilter = (
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  step: number,
  stride: number,
  r: number,
) => void;

/** A separable filter over a (2r+1)² window clipped to the image: rows, then columns. */
function separable(filter: LineFilter, src: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  filter(src, tmp, w, h, 1, w, r);
  filter(tmp, out, h, w, w, 1, r);
  return out;
}

/**
 * Running max along lines in O(1) per sample (van Herk / Gil–Werman): prefix and suffix maxima
 * within blocks of the window size, combined at each sample.
 */
function maxLines(
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  step: number,
  stride: number,
  r: number,
): void {
  const k = 2 * r + 1;
  const pre = new Float32Array(len);
  const suf = new Float32Array(len);
  for (let l = 0; l < lines; l++) {
    const base = l * stride;
    for (let i = 0; i < len; i++) {
      const v = src[base + i * step]!;
      pre[i] = i % k === 0 ? v : Math.max(pre[i - 1]!, v);
    }
    for (let i = len - 1; i >= 0; i--) {
      const v = src[base + i * step]!;
      suf[i] = i === len - 1 || (i + 1) % k === 0 ? v : Math.max(suf[i + 1]!, v);
    }
    for (let i = 0; i < len; i++) {
      const lo = Math.max(0, i - r);
      const hi = Math.min(len - 1, i + r);
      // A window within one block starts at the block's start (a whole block, or one clipped by the line's
      // start) or ends where the suffix maxima restart (clipped by the line's end).
      dst[base + i * step] =
        Math.floor(lo / k) !== Math.floor(hi / k)
          ? Math.max(suf[lo]!, pre[hi]!)
          : lo % k === 0
            ? pre[hi]!
            : suf[lo]!;
    }
  }
}

/** Mean filter along `lines` lines of `len` samples; `step` between samples, `stride` between lines. */
function blurLines(
  src: Float32Array,
  dst: Float32Array,
  len: number,
  lines: number,
  step: number,
  stride: number,
  r: number,
): void {
  for (let l = 0; l < lines; l++) {
    const base = l * stride;
    let sum = 0;
    for (let k = 0; k < Math.min(len, r); k++) sum += src[base + k * step]!;
    for (let i = 0; i < len; i++) {
      if (i + r < len) sum += src[base + (i + r) * step]!;
      if (i - r - 1 >= 0) sum -= src[base + (i - r - 1) * step]!;
      dst[base + i * step] = sum / (Math.min(len - 1, i + r) - Math.max(0, i - r) + 1);
    }
  }
}
