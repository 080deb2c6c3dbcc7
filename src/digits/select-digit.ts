import type { Component } from "./components.ts";
import { boxOffCentre } from "./fit-box.ts";
import { EDGE_BAND } from "./grid-lines.ts";

/** Below this share of its pixels outside the edge bands, a side piece counts as lying in the band. */
const EDGE_PIECE_CENTRAL = 0.5;
/** A side piece in the band is part of the digit when at least this share of its box lies in the digit's. */
const BAND_PIECE_OVERLAP = 0.25;

/**
 * Picks the components that make up the digit: the largest blob reaching into the centre of the
 * cell, plus blobs that overlap it or are of comparable size (a stroke broken by thresholding);
 * small blobs lying in the edge band must share a good part of their box with its box, not just lie
 * near it. Drops specks, blobs confined to the edge band (neighbouring digits, line corners) and long
 * blobs a few pixels across touching the border (grid-line remnants that survived `clearEdgeLines`,
 * slanted ones included).
 * @returns the labels to keep, empty when nothing digit-like is there.
 */
export function selectDigitComponents(
  components: Component[],
  labels: Int32Array,
  w: number,
  h: number,
): Set<number> {
  const side = Math.min(w, h);
  const minArea = Math.max(4, 0.002 * w * h);
  const bx0 = w * EDGE_BAND;
  const bx1 = w * (1 - EDGE_BAND);
  const by0 = h * EDGE_BAND;
  const by1 = h * (1 - EDGE_BAND);
  const central = centralAreas(components.length, labels, w, h);
  const candidates = components.filter((c) => {
    if (c.area < minArea) return false;
    // Line corners (an L along two edges) reach the centre box with their bounding box only.
    if (c.touchesBorder && central[c.label]! < 0.2 * c.area) return false;
    const reachesCentre = c.x1 >= bx0 && c.x0 < bx1 && c.y1 >= by0 && c.y0 < by1;
    if (!reachesCentre) return false;
    const long = Math.max(c.x1 - c.x0, c.y1 - c.y0) + 1 >= 0.45 * side;
    return !(
      c.touchesBorder &&
      long &&
      crossSpan(c, labels, w) <= 0.15 * side &&
      !strokeFromOneSide(c, labels, w, h)
    );
  });
  const main = candidates.reduce<Component | undefined>((a, c) => (a && a.area >= c.area ? a : c), undefined);
  const keep = new Set<number>();
  if (!main) return keep;
  const margin = 0.08 * side;
  for (const c of candidates) {
    // A small piece lying mostly in the edge band beside the digit is a grid-line end or corner that
    // a slightly-off warp left inside the cell: kept, it shrinks the digit in the tile to a corner.
    // Such a corner's box may touch the digit's box at a corner of both; a broken stroke's lies in it.
    const nearMain =
      central[c.label]! < EDGE_PIECE_CENTRAL * c.area
        ? overlap(c, main, 0) >= BAND_PIECE_OVERLAP * boxArea(c)
        : overlap(c, main, margin) > 0;
    if (c === main || (nearMain && c.area >= 0.05 * main.area) || c.area >= 0.3 * main.area)
      keep.add(c.label);
  }
  return keep;
}

type Box = Pick<Component, "x0" | "y0" | "x1" | "y1">;

/**
 * A stroke run over the cell's edge lies within this middle share of that side. The edge band's
 * 0.2–0.8 also let through lines of cells cut off-centre (a curled page) that end within the cell,
 * and misread 3 givens of the generated seeds.
 */
const STROKE_MIDDLE = [0.3, 0.7] as const;

/**
 * A long thin blob at least this slanted (run across per run along, about 20°) and centred in its cell
 * (`SLANTED_OFF_CENTRE`) is a handwritten stroke wherever it meets the edge: a grid line left in a cell
 * by a slightly-off warp runs within a few degrees of its side. Written 1s are often slanted, and 2 of
 * the 9002 seed's ran over the edge outside its middle.
 */
const MIN_STROKE_SLANT = 0.35;
/**
 * At most this far (share of the side) from the cell's centre, a slanted blob's box centre: a written 1
 * runs through its cell; a crease of a crumpled page near the cell's side (0.23 away) ran slanted too.
 */
const SLANTED_OFF_CENTRE = 0.15;

/**
 * Whether a long thin blob touching the border is a stroke run over the cell's edge (a written 1 that
 * overshoots its cell), not a grid line: it touches one side only, runs away from it, and is slanted
 * through the cell's middle (`MIN_STROKE_SLANT`) or lies across the middle of that side
 * (`STROKE_MIDDLE`). A grid line left in the cell runs along its side, and a crease or a line of a
 * misplaced cut crosses the cell from side to side.
 */
function strokeFromOneSide(c: Component, labels: Int32Array, w: number, h: number): boolean {
  const [top, bottom, left, right] = [c.y0 === 0, c.y1 === h - 1, c.x0 === 0, c.x1 === w - 1];
  if ([top, bottom, left, right].filter(Boolean).length !== 1) return false;
  const upright = top || bottom;
  const runsAway = upright ? c.y1 - c.y0 > c.x1 - c.x0 : c.x1 - c.x0 > c.y1 - c.y0;
  if (!runsAway) return false;
  const centred = boxOffCentre(c, w, h) <= SLANTED_OFF_CENTRE;
  if (centred && slant(c, labels, w, upright) >= MIN_STROKE_SLANT) return true;
  const [lo, hi, length] = upright ? [c.x0, c.x1 + 1, w] : [c.y0, c.y1 + 1, h];
  return lo >= STROKE_MIDDLE[0] * length && hi <= STROKE_MIDDLE[1] * length;
}

/**
 * How far a blob's pixels move across per pixel along (least squares; along is down for an upright
 * blob, right for a lying one), without sign.
 */
function slant(c: Component, labels: Int32Array, w: number, upright: boolean): number {
  let n = 0;
  let sumAlong = 0;
  let sumAcross = 0;
  let sumProduct = 0;
  let sumSquares = 0;
  for (let y = c.y0; y <= c.y1; y++) {
    for (let x = c.x0; x <= c.x1; x++) {
      if (labels[y * w + x] !== c.label) continue;
      const [along, across] = upright ? [y, x] : [x, y];
      n++;
      sumAlong += along;
      sumAcross += across;
      sumProduct += along * across;
      sumSquares += along * along;
    }
  }
  const spread = sumSquares / n - (sumAlong / n) ** 2;
  return spread > 0 ? Math.abs((sumProduct / n - (sumAlong / n) * (sumAcross / n)) / spread) : 0;
}

/** Pixels shared by box `a` and box `b` grown by `margin` on each side (0 when apart). */
function overlap(a: Box, b: Box, margin: number): number {
  const w = Math.min(a.x1, b.x1 + margin) - Math.max(a.x0, b.x0 - margin) + 1;
  const h = Math.min(a.y1, b.y1 + margin) - Math.max(a.y0, b.y0 - margin) + 1;
  return w > 0 && h > 0 ? w * h : 0;
}

function boxArea(b: Box): number {
  return (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);
}

/**
 * The widest a component is across its length: per row for a tall one, per column for a wide one. A
 * grid line is a few pixels across even when slanted, where its bounding box is not.
 */
function crossSpan(c: Component, labels: Int32Array, w: number): number {
  const tall = c.y1 - c.y0 >= c.x1 - c.x0;
  let widest = 0;
  for (let a = tall ? c.y0 : c.x0; a <= (tall ? c.y1 : c.x1); a++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let b = tall ? c.x0 : c.y0; b <= (tall ? c.x1 : c.y1); b++) {
      if (labels[tall ? a * w + b : b * w + a] !== c.label) continue;
      lo = Math.min(lo, b);
      hi = Math.max(hi, b);
    }
    widest = Math.max(widest, hi - lo + 1);
  }
  return widest;
}

/** Per label, how many of its pixels lie inside the central box (outside the edge bands). */
function centralAreas(count: number, labels: Int32Array, w: number, h: number): Int32Array {
  const areas = new Int32Array(count + 1);
  const x0 = Math.round(w * EDGE_BAND);
  const y0 = Math.round(h * EDGE_BAND);
  for (let y = y0; y < h - y0; y++) {
    for (let x = x0; x < w - x0; x++) areas[labels[y * w + x]!]!++;
  }
  return areas;
}
