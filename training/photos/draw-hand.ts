import { createCanvas, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Rng } from "../digits/rng.ts";
import type { Hand } from "./design.ts";
import { drawGlyph } from "./glyph.ts";
import { MNIST_SIDE } from "./handwriting.ts";

/** MNIST digits fill about 20 of their 28 pixels. */
const MNIST_INK_SHARE = 20 / MNIST_SIDE;

/**
 * A handwritten digit centred near (cx, cy): an MNIST digit re-inked as pen or pencil (its
 * white-on-black strokes become ink opacity, pencil grain drops some of it), or a handwriting font.
 */
export function drawHandDigit(
  ctx: SKRSContext2D,
  rng: Rng,
  digit: number,
  hand: Hand,
  cx: number,
  cy: number,
  cell: number,
): void {
  ctx.save();
  ctx.translate(cx + hand.dx * cell, cy + hand.dy * cell);
  ctx.rotate(hand.angle);
  ctx.transform(1, 0, hand.slant, 1, 0, 0);
  const height = hand.height * cell;
  if (hand.source.kind === "font") {
    if (hand.tool === "pencil") ctx.globalAlpha = rng.uniform(0.6, 0.9);
    drawGlyph(ctx, String(digit), hand.source.font, height, hand.ink, 0, 0, hand.stroke * cell);
  } else {
    const side = height / MNIST_INK_SHARE;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(reinked(rng, hand), -side / 2, -side / 2, side, side);
  }
  ctx.restore();
}

function reinked(rng: Rng, hand: Hand): Canvas {
  if (hand.source.kind !== "mnist") throw new Error("not an MNIST hand");
  const tile = createCanvas(MNIST_SIDE, MNIST_SIDE);
  const tctx = tile.getContext("2d");
  const img = tctx.createImageData(MNIST_SIDE, MNIST_SIDE);
  const pressure = hand.tool === "pencil" ? rng.uniform(0.55, 0.85) : 1;
  // Broad nibs and heavy hands: push the soft stroke edges towards full ink.
  const gain = 1 + hand.stroke * 40;
  hand.source.pixels.forEach((v, i) => {
    const grain = hand.tool === "pencil" ? rng.uniform(0.6, 1) : 1;
    img.data[i * 4] = hand.ink[0];
    img.data[i * 4 + 1] = hand.ink[1];
    img.data[i * 4 + 2] = hand.ink[2];
    img.data[i * 4 + 3] = Math.min(255, v * gain) * pressure * grain;
  });
  tctx.putImageData(img, 0, 0);
  return tile;
}
