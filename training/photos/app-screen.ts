import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Rng } from "../digits/rng.ts";
import { css } from "./colour.ts";
import type { CellMark, GridStyle, PageStyle, Rgb } from "./design.ts";
import { drawGrid } from "./draw-grid.ts";
import { drawGlyph } from "./glyph.ts";
import type { RenderedPage } from "./print-page.ts";

/**
 * A sudoku app's screen at `width`×`height`: status bar and header, the grid across the width with
 * a highlighted row, column and box, then a 1–9 number pad (big digits outside the grid) and tool labels.
 */
export function renderAppScreen(
  rng: Rng,
  dark: boolean,
  page: PageStyle,
  style: GridStyle,
  marks: readonly (CellMark | null)[],
  width: number,
  height: number,
): RenderedPage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = css(page.paper);
  ctx.fillRect(0, 0, width, height);
  const margin = width * rng.uniform(0.01, 0.05);
  const cell = (width - 2 * margin) / 9;
  const side = 9 * cell;
  const top = Math.min(height - side - cell * 2.5, height * rng.uniform(0.15, 0.28));
  const text: Rgb = dark ? [200, 200, 205] : [60, 60, 70];
  ctx.font = `${(cell * 0.32).toFixed(1)}px "${style.digitFont}"`;
  ctx.fillStyle = css(text);
  ctx.fillText(`${rng.int(8, 23)}:${String(rng.int(0, 59)).padStart(2, "0")}`, margin, cell * 0.45);
  ctx.fillText(rng.pick(["Easy", "Medium", "Hard", "Expert"]), margin, top - cell * 0.5);
  ctx.fillText(`Mistakes: ${rng.int(0, 2)}/3`, width / 2 - cell, top - cell * 0.5);
  ctx.fillText(
    `0${rng.int(0, 9)}:${String(rng.int(0, 59)).padStart(2, "0")}`,
    width - margin - cell,
    top - cell * 0.5,
  );
  highlight(ctx, rng, dark, margin, top, cell);
  drawGrid(ctx, rng, { ...style, background: null }, { x: margin, y: top, cell }, marks);
  numberPad(ctx, style, text, margin, top + side + cell * 1.3, cell, height);
  return {
    canvas,
    grid: [
      { x: margin, y: top },
      { x: margin + side, y: top },
      { x: margin + side, y: top + side },
      { x: margin, y: top + side },
    ],
  };
}

/** The selected cell's row, column and box tinted, the cell itself stronger, as most apps do. */
function highlight(ctx: SKRSContext2D, rng: Rng, dark: boolean, x: number, y: number, cell: number): void {
  if (!rng.chance(0.7)) return;
  const r = rng.int(0, 8);
  const c = rng.int(0, 8);
  const soft: Rgb = dark ? [40, 48, 66] : [226, 235, 248];
  const strong: Rgb = dark ? [55, 75, 110] : [187, 222, 251];
  ctx.fillStyle = css(soft);
  ctx.fillRect(x, y + r * cell, 9 * cell, cell);
  ctx.fillRect(x + c * cell, y, cell, 9 * cell);
  ctx.fillRect(x + 3 * Math.floor(c / 3) * cell, y + 3 * Math.floor(r / 3) * cell, 3 * cell, 3 * cell);
  ctx.fillStyle = css(strong);
  ctx.fillRect(x + c * cell, y + r * cell, cell, cell);
}

function numberPad(
  ctx: SKRSContext2D,
  style: GridStyle,
  text: Rgb,
  x: number,
  y: number,
  cell: number,
  height: number,
): void {
  ctx.font = `${(cell * 0.3).toFixed(1)}px "${style.digitFont}"`;
  ctx.fillStyle = css(text);
  ["Undo", "Erase", "Notes", "Hint"].forEach((label, i) =>
    ctx.fillText(label, x + (i * 2.3 + 0.3) * cell, y),
  );
  const padY = y + cell * 1.2;
  if (padY + cell > height) return;
  for (let d = 1; d <= 9; d++) {
    drawGlyph(
      ctx,
      String(d),
      style.digitFont,
      cell * 0.6,
      style.digitInk,
      x + (d - 0.5) * cell,
      padY + cell * 0.4,
    );
  }
}
