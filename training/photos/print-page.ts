import { createCanvas, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Corners } from "../../src/shared/image.ts";
import type { Rng } from "../digits/rng.ts";
import { pixelNoise } from "./fast-noise.ts";
import { css, fade } from "./colour.ts";
import type { CellMark, GridStyle, Layout, PageStyle } from "./design.ts";
import { drawGrid, type GridPlacement } from "./draw-grid.ts";

/** A rendered flat page and where its target grid lies on it. */
export interface RenderedPage {
  canvas: Canvas;
  grid: Corners;
}

const WORDS = (
  "the sudoku puzzle fill grid so that every row column and box contains digits one to nine " +
  "solution yesterday today difficulty easy medium hard fiendish page weekend edition answers " +
  "council weather market prices football news report city local crossword across down clue"
).split(" ");

/**
 * A printed page: paper and its grain, the reverse page showing through, the layout's text and
 * neighbouring grids, the target grid, then creases. `cell` is the target grid's cell side in pixels.
 */
export function renderPrintPage(
  rng: Rng,
  layout: Exclude<Layout, "app-light" | "app-dark">,
  page: PageStyle,
  style: GridStyle,
  marks: readonly (CellMark | null)[],
  cell: number,
  textFonts: readonly string[],
): RenderedPage {
  const g = 9 * cell;
  const roomy = layout !== "plain";
  const margin = (): number => g * (roomy ? rng.uniform(0.35, 1.1) : rng.uniform(0.12, 0.6));
  const left = margin();
  const top = margin();
  const width = Math.round(left + g + margin());
  const height = Math.round(top + g + margin());
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = css(page.paper);
  ctx.fillRect(0, 0, width, height);
  paperGrain(ctx, rng, width, height, page.texture);
  const at: GridPlacement = { x: left, y: top, cell };
  if (page.showThrough > 0) showThrough(ctx, rng, style, at, page.showThrough, textFonts);
  if (roomy) surroundings(ctx, rng, layout, page.paper, style, at, width, height, textFonts);
  drawGrid(ctx, rng, style, at, marks);
  if (page.crumple > 0.2) creases(ctx, rng, width, height, page.crumple);
  const grid: Corners = [
    { x: left, y: top },
    { x: left + g, y: top },
    { x: left + g, y: top + g },
    { x: left, y: top + g },
  ];
  return { canvas, grid };
}

/** Blotches and fibre grain: coarse random tiles drawn smoothly scaled up at low opacity. */
function paperGrain(ctx: SKRSContext2D, rng: Rng, w: number, h: number, strength: number): void {
  if (strength <= 0) return;
  for (const [tile, alpha] of [
    [Math.max(w, h) / 12, 0.18],
    [3, 0.12],
  ] as const) {
    const tw = Math.max(2, Math.ceil(w / tile));
    const th = Math.max(2, Math.ceil(h / tile));
    const noise = createCanvas(tw, th);
    const nctx = noise.getContext("2d");
    const img = nctx.createImageData(tw, th);
    const { uniform } = pixelNoise(rng.int(1, 2 ** 31));
    for (let i = 0; i < tw * th * 4; i += 4) {
      const v = uniform() < 0.5 ? 0 : 255;
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
      img.data[i + 3] = 255 * uniform();
    }
    nctx.putImageData(img, 0, 0);
    ctx.globalAlpha = alpha * strength;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(noise, 0, 0, w, h);
  }
  ctx.globalAlpha = 1;
}

/** The reverse page's puzzle and text, mirrored, faint and soft, roughly behind the front grid. */
function showThrough(
  ctx: SKRSContext2D,
  rng: Rng,
  style: GridStyle,
  at: GridPlacement,
  alpha: number,
  textFonts: readonly string[],
): void {
  const w = ctx.canvas.width;
  const h = ctx.canvas.height;
  const back = createCanvas(w, h);
  const bctx = back.getContext("2d");
  const digits = Array.from({ length: 81 }, (): CellMark | null =>
    rng.chance(0.35) ? { kind: "given", digit: rng.int(1, 9) } : null,
  );
  const shift = at.cell * rng.uniform(-1.5, 1.5);
  drawGrid(
    bctx,
    rng,
    { ...style, digitInk: [0, 0, 0], shadedBoxes: null },
    { ...at, x: at.x + shift, y: at.y - shift },
    digits,
  );
  textLines(bctx, rng, textFonts, 0, 0, w, at.y - at.cell * 0.5, at.cell * 0.35);
  ctx.save();
  ctx.globalAlpha = alpha;
  ctx.filter = `blur(${Math.max(0.5, at.cell * 0.03).toFixed(1)}px)`;
  ctx.translate(w, 0);
  ctx.scale(-1, 1);
  ctx.drawImage(back, 0, 0);
  ctx.restore();
}

function surroundings(
  ctx: SKRSContext2D,
  rng: Rng,
  layout: "newspaper" | "book",
  paper: PageStyle["paper"],
  style: GridStyle,
  at: GridPlacement,
  w: number,
  h: number,
  fonts: readonly string[],
): void {
  const g = 9 * at.cell;
  const ink = fade(style.digitInk, 0.1);
  const titleFont = rng.pick(fonts);
  const title = layout === "newspaper" ? "SUDOKU" : `Puzzle ${rng.int(1, 400)}`;
  ctx.fillStyle = css(ink);
  ctx.font = `${(at.cell * rng.uniform(0.45, 0.8)).toFixed(1)}px "${titleFont}"`;
  ctx.fillText(title, at.x, at.y - at.cell * 0.25);
  const textSize = at.cell * rng.uniform(0.18, 0.32);
  // Columns of text beside and below the grid, as newspapers set them.
  textLines(ctx, rng, fonts, at.x + g + at.cell * 0.4, at.y, w, at.y + g, textSize);
  textLines(ctx, rng, fonts, 0, at.y + g + at.cell * 0.4, w, h, textSize);
  textLines(ctx, rng, fonts, 0, at.y, at.x - at.cell * 0.4, at.y + g, textSize);
  // Neighbouring grids are smaller (a solution box, a mini puzzle) so the target stays the largest
  // even when perspective enlarges the nearer one.
  const count = layout === "book" ? rng.int(1, 3) : rng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const cell = at.cell * rng.uniform(0.35, 0.6);
    const side = 9 * cell;
    const place = rng.int(0, 3);
    const x =
      place === 0
        ? at.x + g + at.cell * 0.5
        : place === 1
          ? at.x - side - at.cell * 0.5
          : at.x + rng.uniform(-0.3, 0.7) * g;
    const y =
      place === 2
        ? at.y + g + at.cell * 0.6
        : place === 3
          ? at.y - side - at.cell * 0.9
          : at.y + rng.uniform(-0.3, 0.7) * g;
    const filled = rng.chance(0.5);
    const digits = Array.from({ length: 81 }, (): CellMark | null =>
      filled || rng.chance(0.35) ? { kind: "given", digit: rng.int(1, 9) } : null,
    );
    // Erase the text under it first, as a real layout leaves room for it.
    ctx.fillStyle = css(paper, 0.9);
    ctx.fillRect(x - cell * 0.3, y - cell * 0.3, side + cell * 0.6, side + cell * 0.6);
    drawGrid(ctx, rng, style, { x, y, cell }, digits);
  }
}

function textLines(
  ctx: SKRSContext2D,
  rng: Rng,
  fonts: readonly string[],
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  size: number,
): void {
  if (x1 - x0 < size * 4 || y1 - y0 < size * 2) return;
  ctx.font = `${size.toFixed(1)}px "${rng.pick(fonts)}"`;
  ctx.fillStyle = "rgb(25,25,25)";
  const lead = size * rng.uniform(1.25, 1.6);
  for (let y = y0 + size; y < y1; y += lead) {
    let line = "";
    while (ctx.measureText(line).width < x1 - x0 - size * 3) line += `${rng.pick(WORDS)} `;
    ctx.fillText(line.trim(), x0, y);
  }
}

/** Folds and creases: long soft light and dark strokes across the sheet. */
function creases(ctx: SKRSContext2D, rng: Rng, w: number, h: number, strength: number): void {
  const n = rng.int(2, 6);
  for (let i = 0; i < n; i++) {
    const dark = rng.chance(0.5);
    ctx.strokeStyle = dark ? `rgba(0,0,0,${0.12 * strength})` : `rgba(255,255,255,${0.35 * strength})`;
    ctx.lineWidth = Math.max(1, Math.min(w, h) * rng.uniform(0.002, 0.008));
    ctx.beginPath();
    ctx.moveTo(rng.uniform(0, w), 0);
    ctx.bezierCurveTo(rng.uniform(0, w), h / 3, rng.uniform(0, w), (2 * h) / 3, rng.uniform(0, w), h);
    ctx.stroke();
  }
}
