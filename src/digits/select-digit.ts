import type { Component } from "./components.ts";
import { EDGE_BAND } from "./grid-lines.ts";

/** Below this share of its pixels outside the edge bands, a side piece counts as lying in the band. */
const EDGE_PIECE_CENTRAL = 0.5;

/**
 * Picks the components that make up the digit: the largest blob reaching into the centre of the
 * cell, plus blobs that overlap it or are of comparable size (a stroke broken by thresholding);
 * small blobs lying in the edge band must overlap its box itself, not just lie near it.
 * Drops specks, blobs confined to the edge band (neighbouring digits, line corners) and long
 * thin blobs touching the border (slanted grid-line remnants that survived `clearEdgeLines`).
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
    const thin = Math.min(c.x1 - c.x0, c.y1 - c.y0) + 1 <= 0.15 * side;
    const long = Math.max(c.x1 - c.x0, c.y1 - c.y0) + 1 >= 0.45 * side;
    return !(c.touchesBorder && thin && long);
  });
  const main = candidates.reduce<Component | undefined>((a, c) => (a && a.area >= c.area ? a : c), undefined);
  const keep = new Set<number>();
  if (!main) return keep;
  const margin = 0.08 * side;
  for (const c of candidates) {
    // A small piece lying mostly in the edge band beside the digit is a grid-line end or corner that
    // a slightly-off warp left inside the cell: kept, it shrinks the digit in the tile to a corner.
    const reach = central[c.label]! < EDGE_PIECE_CENTRAL * c.area ? 0 : margin;
    const nearMain =
      c.x1 >= main.x0 - reach &&
      c.x0 <= main.x1 + reach &&
      c.y1 >= main.y0 - reach &&
      c.y0 <= main.y1 + reach;
    if (c === main || (nearMain && c.area >= 0.05 * main.area) || c.area >= 0.3 * main.area)
      keep.add(c.label);
  }
  return keep;
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
