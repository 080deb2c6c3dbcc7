import { readFileSync } from "node:fs";
import { createCanvas, loadImage, type Image } from "@napi-rs/canvas";
import { Y4mWriter } from "./y4m.ts";

export interface ClipOptions {
  width: number;
  height: number;
  fps: number;
  seconds: number;
}

export const DEFAULT_CLIP: ClipOptions = { width: 640, height: 480, fps: 15, seconds: 9 };

/** Where the page sits in frame `t` seconds in: a slow hand sway, never a jump. */
export interface Pose {
  dx: number;
  dy: number;
  /** Radians. */
  angle: number;
  scale: number;
  /** Keystone: the bottom edge is this much wider than the top (a tilt towards the viewer). */
  tilt: number;
}

/** Incommensurate periods so the motion never visibly repeats within a clip. */
export function handPose(t: number): Pose {
  const wave = (period: number, phase = 0) => Math.sin((2 * Math.PI * t) / period + phase);
  return {
    dx: 16 * wave(7.3),
    dy: 11 * wave(5.1, 1),
    angle: (3 * Math.PI * wave(6.2, 0.5)) / 180,
    scale: 0.84 + 0.03 * wave(4.3, 2),
    tilt: 0.07 * wave(8.1, 0.3),
  };
}

const STRIPS = 48;

/** Draws `image` centred with the pose; the tilt comes from rows drawn at growing widths. */
function drawPosed(
  ctx: ReturnType<ReturnType<typeof createCanvas>["getContext"]>,
  image: Image,
  options: ClipOptions,
  pose: Pose,
): void {
  const fit = Math.min(options.width / image.width, options.height / image.height) * pose.scale;
  const w = image.width * fit;
  const h = image.height * fit;
  ctx.save();
  ctx.translate(options.width / 2 + pose.dx, options.height / 2 + pose.dy);
  ctx.rotate(pose.angle);
  for (let s = 0; s < STRIPS; s++) {
    const v = (s + 0.5) / STRIPS;
    const stripWidth = w * (1 + pose.tilt * (v - 0.5));
    const sy = (s / STRIPS) * image.height;
    const sh = image.height / STRIPS;
    // One extra pixel of overlap hides the seams between strips.
    ctx.drawImage(
      image,
      0,
      sy,
      image.width,
      sh,
      -stripWidth / 2,
      -h / 2 + (s / STRIPS) * h,
      stripWidth,
      h / STRIPS + 1,
    );
  }
  ctx.restore();
}

/**
 * Films a still photo as if hand-held: the photo on a plain table-coloured background, drifting, turning
 * and tilting slowly. Writes a Y4M clip for Chromium's `--use-file-for-fake-video-capture`.
 * @returns the number of frames written
 */
export async function writeHandHeldClip(
  photoPath: string,
  outPath: string,
  options: ClipOptions = DEFAULT_CLIP,
): Promise<number> {
  const image = await loadImage(readFileSync(photoPath));
  const canvas = createCanvas(options.width, options.height);
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingQuality = "high";
  const writer = new Y4mWriter(outPath, options.width, options.height, options.fps);
  const frames = Math.round(options.seconds * options.fps);
  try {
    for (let f = 0; f < frames; f++) {
      ctx.fillStyle = "rgb(96 88 78)";
      ctx.fillRect(0, 0, options.width, options.height);
      drawPosed(ctx, image, options, handPose(f / options.fps));
      writer.write(ctx.getImageData(0, 0, options.width, options.height));
    }
  } finally {
    writer.close();
  }
  return frames;
}
