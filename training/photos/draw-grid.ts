import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Rng } from "../digits/rng.ts";
import { drawHandDigit } from "./draw-hand.ts";
import { css } from "./colour.ts";
import type { CellMark, GridStyle, LineStyle } from "./design.ts";
import { drawGlyph } from "./glyph.ts";

/** Where a grid is drawn: its top-left corner and cell side, in canvas pixels. */
export interface GridPlacement {
  x: number;
  y: number;
  cell: number;
}

/** Draws a sudoku grid with its marks: fills, shaded boxes, lines, then digits on top. */
export function drawGrid(
  ctx: SKRSContext2D,
  rng: Rng,
  style: GridStyle,
  at: GridPlacement,
  marks: readonly (CellMark | null)[],
): void {
  const { x, y, cell } = at;
  const side = 9 * cell;
  ctx.save();
  if (style.background) {
    ctx.fillStyle = css(style.background);
    ctx.fillRect(x, y, side, side);
  }
  if (style.shadedBoxes) {
    // Multiply keeps the paper's grain and tint under the shading, as printed ink does.
    ctx.globalCompositeOperation = "multiply";
    ctx.fillStyle = css(style.shadedBoxes);
    for (let b = 0; b < 9; b += 2) {
      ctx.fillRect(x + (b % 3) * 3 * cell, y + Math.floor(b / 3) * 3 * cell, 3 * cell, 3 * cell);
    }
    ctx.globalCompositeOperation = "source-over";
  }
  for (let k = 1; k < 9; k++) {
    if (k % 3 !== 0) drawLine(ctx, style.thin, cell, x, y, k, side);
  }
  for (const k of [3, 6]) drawLine(ctx, style.box, cell, x, y, k, side);
  const o = style.outer.width * cell;
  ctx.strokeStyle = css(style.outer.colour);
  ctx.lineWidth = o;
  ctx.strokeRect(x, y, side, side);
  marks.forEach((mark, i) => {
    if (!mark) return;
    const cx = x + ((i % 9) + 0.5) * cell;
    const cy = y + (Math.floor(i / 9) + 0.5) * cell;
    if (mark.kind === "given") {
      const j = style.digitJitter * cell;
      const dx = rng.uniform(-j, j);
      const dy = rng.uniform(-j, j);
      drawGlyph(
        ctx,
        String(mark.digit),
        style.digitFont,
        style.digitHeight * cell,
        style.digitInk,
        cx + dx,
        cy + dy,
      );
    } else if (mark.kind === "entry") {
      drawHandDigit(ctx, rng, mark.digit, mark.hand, cx, cy, cell);
    } else {
      const h = style.pencil.height * cell;
      for (const d of mark.digits) {
        const px = cx + (((d - 1) % 3) - 1) * cell * 0.3;
        const py = cy + (Math.floor((d - 1) / 3) - 1) * cell * 0.3;
        drawGlyph(ctx, String(d), style.pencil.font, h, style.pencil.ink, px, py);
      }
    }
  });
  ctx.restore();
}

function drawLine(
  ctx: SKRSContext2D,
  line: LineStyle,
  cell: number,
  x: number,
  y: number,
  k: number,
  side: number,
): void {
  // Sub-pixel widths still print: a hairline in a small photo is a faint gray line, not nothing.
  ctx.fillStyle = css(line.colour);
  const w = line.width * cell;
  ctx.fillRect(x + k * cell - w / 2, y, w, side);
  ctx.fillRect(x, y + k * cell - w / 2, side, w);
}
