import type { SKRSContext2D } from "@napi-rs/canvas";
import { css } from "./colour.ts";
import type { Rgb } from "./design.ts";

/** Text whose ink box (not its advance box) is `height` tall and centred on (cx, cy). */
export function drawGlyph(
  ctx: SKRSContext2D,
  text: string,
  font: string,
  height: number,
  ink: Rgb,
  cx: number,
  cy: number,
  stroke = 0,
): void {
  const probe = 100;
  ctx.font = `${probe}px "${font}"`;
  const p = ctx.measureText(text);
  const px = (probe * height) / Math.max(1, p.actualBoundingBoxAscent + p.actualBoundingBoxDescent);
  ctx.font = `${px}px "${font}"`;
  const m = ctx.measureText(text);
  ctx.fillStyle = css(ink);
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
  const left = cx - (m.actualBoundingBoxRight - m.actualBoundingBoxLeft) / 2;
  const baseline = cy + (m.actualBoundingBoxAscent - m.actualBoundingBoxDescent) / 2;
  ctx.fillText(text, left, baseline);
  if (stroke > 0) {
    ctx.strokeStyle = css(ink);
    ctx.lineWidth = stroke;
    ctx.lineJoin = "round";
    ctx.strokeText(text, left, baseline);
  }
}
