import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { digitOf, HANDWRITTEN_OFFSET } from "../../src/digits/classes.ts";
import { CELL_PX } from "../../src/digits/geometry.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import type { FontFace } from "./fonts.ts";
import type { Rng } from "./rng.ts";
import { degrade } from "./degrade.ts";
import { drawHandDigit } from "../photos/draw-hand.ts";
import { handOf, penOrPencil, type HandSources } from "../photos/fill-in.ts";
import { drawGlyph } from "../photos/glyph.ts";

/** Share of empty cells that hold pencilled candidates when handwriting is rendered. */
const CANDIDATE_SHARE = 0.15;

type Rgb = readonly [number, number, number];

/**
 * Renders synthetic CELL_PX² cells as a slightly-off warp of a phone photo would cut them:
 * a digit (or nothing for label 0) in a random font, size, offset, rotation and shear, with
 * grid-line fragments at the edges, pieces of neighbouring digits, tinted paper, coloured ink,
 * lighting gradients, then blur, resampling softness and noise (`degrade`).
 * With `hands`, a handwritten class (see `classes.ts`) is written in pen or pencil by `handOf`, and
 * some empty cells hold small pencilled candidates (still empty: they are not an answer).
 */
export function createCellRenderer(
  fonts: readonly FontFace[],
  hands?: HandSources,
): (rng: Rng, label: number) => GrayImage {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  return (rng, label) => {
    const paper = paperColour(rng);
    const ink = inkColour(rng, paper);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = rgb(paper);
    ctx.fillRect(0, 0, CELL_PX, CELL_PX);
    const face = rng.pick(fonts);
    const heightFrac = rng.uniform(0.38, 0.78);
    if (label > HANDWRITTEN_OFFSET) {
      if (!hands) throw new Error(`class ${label} is handwritten, but no handwriting was given`);
      const digit = digitOf(label);
      const { tool, ink: pen } = penOrPencil(rng);
      const hand = handOf(rng, digit, tool, pen, rng.pick(hands.fonts).alias, hands);
      drawHandDigit(ctx, rng, digit, hand, CELL_PX / 2, CELL_PX / 2, CELL_PX);
    } else if (label > 0) drawDigit(ctx, rng, face, label, heightFrac, ink, 0, 0, rng.uniform(0.07, 0.16));
    else if (hands && rng.chance(CANDIDATE_SHARE)) drawCandidates(ctx, rng, hands);
    if (rng.chance(0.3)) drawNeighbourFragment(ctx, rng, face, heightFrac, ink);
    drawGridLines(ctx, rng, ink);
    if (label === 0 || rng.chance(0.15)) drawSpecks(ctx, rng, ink);
    drawLighting(ctx, rng);
    const { data } = ctx.getImageData(0, 0, CELL_PX, CELL_PX);
    const gray = new Float32Array(CELL_PX * CELL_PX);
    // Same integer Rec. 601 luma as the app's `toGray` (src/vision/gray.ts): red ink gets the same gray.
    for (let i = 0; i < gray.length; i++) {
      gray[i] = (77 * data[i * 4]! + 150 * data[i * 4 + 1]! + 29 * data[i * 4 + 2]!) >> 8;
    }
    return degrade(gray, CELL_PX, CELL_PX, rng);
  };
}

function paperColour(rng: Rng): Rgb {
  const level = rng.chance(0.2) ? rng.uniform(110, 170) : rng.uniform(170, 255);
  const warm = rng.uniform(0, 25);
  return [level, level - warm * 0.3, level - warm];
}

function inkColour(rng: Rng, paper: Rgb): Rgb {
  const kind = rng.next();
  let base: Rgb;
  if (kind < 0.15) base = [rng.uniform(150, 235), rng.uniform(0, 70), rng.uniform(0, 70)];
  else if (kind < 0.22) base = [rng.uniform(0, 60), rng.uniform(0, 80), rng.uniform(120, 220)];
  else {
    const g = rng.uniform(0, 90);
    base = [g, g, g];
  }
  // Faded print or a glare: pull the ink part of the way towards the paper.
  const fade = rng.chance(0.2) ? rng.uniform(0.2, 0.45) : rng.uniform(0, 0.15);
  return mix(base, paper, fade);
}

function drawDigit(
  ctx: SKRSContext2D,
  rng: Rng,
  face: FontFace,
  digit: number,
  heightFrac: number,
  ink: Rgb,
  shiftX: number,
  shiftY: number,
  jitter: number,
): void {
  const probePx = 100;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.font = `${probePx}px "${face.alias}"`;
  const probe = ctx.measureText(String(digit));
  const glyphHeight = Math.max(1, probe.actualBoundingBoxAscent + probe.actualBoundingBoxDescent);
  const fontPx = (probePx * heightFrac * CELL_PX) / glyphHeight;
  ctx.font = `${fontPx}px "${face.alias}"`;
  const m = ctx.measureText(String(digit));
  const cx = CELL_PX / 2 + shiftX + rng.uniform(-jitter, jitter) * CELL_PX;
  const cy = CELL_PX / 2 + shiftY + rng.uniform(-jitter, jitter) * CELL_PX;
  const angle = rng.normal() * 0.05;
  const shear = rng.uniform(-0.15, 0.15);
  const stretch = rng.uniform(0.85, 1.15);
  ctx.setTransform(1, 0, 0, 1, cx, cy);
  ctx.rotate(angle);
  ctx.transform(stretch, 0, shear, 1, 0, 0);
  ctx.fillStyle = rgb(ink);
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  // Centre the glyph's ink box (not its advance box) on (0, 0).
  const left = -(m.actualBoundingBoxRight - m.actualBoundingBoxLeft) / 2;
  const baseline = (m.actualBoundingBoxAscent - m.actualBoundingBoxDescent) / 2;
  ctx.fillText(String(digit), left, baseline);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

/** Pencilled candidates: a few small digits, each in its place of a 3×3 layout. */
function drawCandidates(ctx: SKRSContext2D, rng: Rng, hands: HandSources): void {
  const font = rng.pick(hands.fonts).alias;
  const { ink } = penOrPencil(rng);
  const height = rng.uniform(0.18, 0.3) * CELL_PX;
  const spread = rng.uniform(0.26, 0.32) * CELL_PX;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (let d = 1; d <= 9; d++) {
    if (!rng.chance(0.35)) continue;
    const x = CELL_PX / 2 + (((d - 1) % 3) - 1) * spread + rng.uniform(-2, 2);
    const y = CELL_PX / 2 + (Math.floor((d - 1) / 3) - 1) * spread + rng.uniform(-2, 2);
    drawGlyph(ctx, String(d), font, height, ink, x, y);
  }
}

/** A neighbouring cell's digit, one cell away, of which only a sliver may enter this cell. */
function drawNeighbourFragment(
  ctx: SKRSContext2D,
  rng: Rng,
  face: FontFace,
  heightFrac: number,
  ink: Rgb,
): void {
  const along = rng.uniform(-0.2, 0.2) * CELL_PX;
  const across = rng.uniform(0.72, 1.0) * CELL_PX * (rng.chance(0.5) ? -1 : 1);
  const horizontal = rng.chance(0.5);
  drawDigit(
    ctx,
    rng,
    face,
    rng.int(1, 9),
    heightFrac,
    ink,
    horizontal ? across : along,
    horizontal ? along : across,
    0,
  );
}

/** Lines near each edge at the offset, thickness and slight slant an imperfect warp leaves. */
function drawGridLines(ctx: SKRSContext2D, rng: Rng, ink: Rgb): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (let side = 0; side < 4; side++) {
    if (!rng.chance(0.75)) continue;
    const thickness = rng.chance(0.3) ? rng.uniform(3, 7) : rng.uniform(0.8, 3);
    const offsetA = rng.uniform(-3, 6);
    const offsetB = offsetA + rng.uniform(-2.5, 2.5);
    const shade = rng.chance(0.3) ? rng.uniform(0, 0.5) : 0;
    ctx.fillStyle = rgb(mix(ink, [200, 200, 200], shade));
    const far = CELL_PX;
    // Line as a quad from (0, a) to (far, b) in edge-local coordinates, then mapped to the side.
    const pts: [number, number][] = [
      [-2, offsetA - thickness / 2],
      [far + 2, offsetB - thickness / 2],
      [far + 2, offsetB + thickness / 2],
      [-2, offsetA + thickness / 2],
    ];
    ctx.beginPath();
    pts.forEach(([u, v], i) => {
      const [x, y] = sidePoint(side, u, v);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.closePath();
    ctx.fill();
  }
}

function sidePoint(side: number, u: number, v: number): [number, number] {
  if (side === 0) return [u, v];
  if (side === 1) return [CELL_PX - v, u];
  if (side === 2) return [u, CELL_PX - v];
  return [v, u];
}

function drawSpecks(ctx: SKRSContext2D, rng: Rng, ink: Rgb): void {
  ctx.fillStyle = rgb(ink);
  const n = rng.int(0, 6);
  for (let i = 0; i < n; i++) {
    ctx.beginPath();
    ctx.arc(rng.uniform(0, CELL_PX), rng.uniform(0, CELL_PX), rng.uniform(0.4, 1.8), 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** A brightness gradient across the cell, and sometimes a hard shadow edge. */
function drawLighting(ctx: SKRSContext2D, rng: Rng): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (rng.chance(0.6)) {
    const a = rng.uniform(0, 2 * Math.PI);
    const r = CELL_PX * rng.uniform(0.5, 1);
    const c = CELL_PX / 2;
    const g = ctx.createLinearGradient(
      c - Math.cos(a) * r,
      c - Math.sin(a) * r,
      c + Math.cos(a) * r,
      c + Math.sin(a) * r,
    );
    g.addColorStop(0, "rgba(0,0,0,0)");
    g.addColorStop(1, `rgba(0,0,0,${rng.uniform(0.1, 0.55)})`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  }
  if (rng.chance(0.05)) {
    ctx.fillStyle = `rgba(0,0,0,${rng.uniform(0.1, 0.3)})`;
    ctx.beginPath();
    const x0 = rng.uniform(0, CELL_PX);
    const x1 = rng.uniform(0, CELL_PX);
    ctx.moveTo(x0, 0);
    ctx.lineTo(x1, CELL_PX);
    ctx.lineTo(CELL_PX, CELL_PX);
    ctx.lineTo(CELL_PX, 0);
    ctx.closePath();
    ctx.fill();
  }
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function rgb(c: Rgb): string {
  return `rgb(${Math.round(c[0])},${Math.round(c[1])},${Math.round(c[2])})`;
}
