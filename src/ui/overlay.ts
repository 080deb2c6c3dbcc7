import type { Corners } from "../shared/image.ts";
import type { Board } from "./board.ts";
import { localAffine, squareToQuad } from "../shared/homography.ts";

/** Where the grid sits in the photo: corners in photo pixels and the quarter turns that make digits upright. */
export interface GridPlacement {
  corners: Corners;
  rotation: number;
}

/**
 * Where upright cell (row, col) lies in the unskewed-but-unrotated grid. The pipeline rotates that grid
 * clockwise `turns` times to make it upright; one clockwise turn takes (r, c) from (8 − c, r).
 */
export function unrotatedCell(row: number, col: number, turns: number): [number, number] {
  let r = row;
  let c = col;
  for (let t = 0; t < ((turns % 4) + 4) % 4; t++) [r, c] = [8 - c, r];
  return [r, c];
}

/** Fonts rasterise badly at one-cell sizes; draw at 100× and shrink through the transform. */
const TEXT_SCALE = 100;

/**
 * Draws the digits of the cells blank on the photo (the user's entries, else the solver's) into `ctx` in
 * the photo's perspective. Entries read from the photo are already written there and are not drawn again.
 * `scale` maps photo pixels to canvas pixels.
 */
export function drawSolution(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  board: Board,
  placement: GridPlacement,
  scale: number,
): number {
  const h = squareToQuad(placement.corners);
  let drawn = 0;
  ctx.save();
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.font = `600 ${0.62 * TEXT_SCALE}px system-ui, sans-serif`;
  ctx.lineJoin = "round";
  board.forEach((cell, i) => {
    const onPaper = cell.given !== 0 || (cell.entry !== 0 && cell.read !== null);
    const digit = onPaper ? 0 : cell.entry || cell.solved;
    if (digit === 0) return;
    const [r, c] = unrotatedCell(Math.floor(i / 9), i % 9, placement.rotation);
    const [a, b, cc, d, e, f] = localAffine(h, (c + 0.5) / 9, (r + 0.5) / 9);
    // The Jacobian is per unit square; one cell is 1/9 of it.
    const k = scale / 9 / TEXT_SCALE;
    ctx.setTransform(a * k, b * k, cc * k, d * k, e * scale, f * scale);
    // Digits in the unrotated grid lean back by the turns the pipeline applies.
    ctx.rotate((-placement.rotation * Math.PI) / 2);
    ctx.lineWidth = 0.12 * TEXT_SCALE;
    ctx.strokeStyle = "rgb(255 255 255 / 0.85)";
    ctx.strokeText(String(digit), 0, 0.04 * TEXT_SCALE);
    ctx.fillStyle = "rgb(29 78 216)";
    ctx.fillText(String(digit), 0, 0.04 * TEXT_SCALE);
    drawn += 1;
  });
  ctx.restore();
  return drawn;
}

/** Outlines the grid's four corners (photo pixels; `scale` maps them to canvas pixels). */
export function drawOutline(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  corners: Corners,
  scale: number,
  lineWidth: number,
): void {
  ctx.save();
  ctx.beginPath();
  corners.forEach((p, i) =>
    i === 0 ? ctx.moveTo(p.x * scale, p.y * scale) : ctx.lineTo(p.x * scale, p.y * scale),
  );
  ctx.closePath();
  ctx.lineJoin = "round";
  ctx.lineWidth = lineWidth * 2;
  ctx.strokeStyle = "rgb(255 255 255 / 0.7)";
  ctx.stroke();
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = "rgb(22 163 74)";
  ctx.stroke();
  ctx.restore();
}
