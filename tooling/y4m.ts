import { closeSync, openSync, writeSync } from "node:fs";

/** RGBA pixels of one frame, row-major. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/**
 * The Y4M stream header Chromium's file-backed fake camera accepts: 4:2:0 with JPEG chroma siting
 * (`C420jpeg`), progressive, square pixels.
 */
export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`;
}

/**
 * One frame as planar I420 (BT.601, studio range, as cameras deliver): full-size Y, then U and V
 * averaged over 2×2 blocks. Width and height must be even.
 */
export function rgbaToI420(frame: RgbaFrame): Uint8Array {
  const { width, height, data } = frame;
  if (width % 2 || height % 2) throw new Error(`Y4M 4:2:0 needs even sides, got ${width}×${height}`);
  const ySize = width * height;
  const out = new Uint8Array(ySize * 1.5);
  const uOffset = ySize;
  const vOffset = ySize + ySize / 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[y * width + x] = 16 + (66 * data[i]! + 129 * data[i + 1]! + 25 * data[i + 2]! + 128) / 256;
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = ((y + dy) * width + x + dx) * 4;
        r += data[i]!;
        g += data[i + 1]!;
        b += data[i + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = (y / 2) * (width / 2) + x / 2;
      out[uOffset + c] = 128 + (-38 * r - 74 * g + 112 * b + 128) / 256;
      out[vOffset + c] = 128 + (112 * r - 94 * g - 18 * b + 128) / 256;
    }
  }
  return out;
}

/** Writes frames to a `.y4m` file one at a time, so a long clip never sits in memory whole. */
export class Y4mWriter {
  private readonly fd: number;

  constructor(
    path: string,
    private readonly width: number,
    private readonly height: number,
    fps: number,
  ) {
    this.fd = openSync(path, "w");
    writeSync(this.fd, y4mHeader(width, height, fps));
  }

  write(frame: RgbaFrame): void {
    if (frame.width !== this.width || frame.height !== this.height) {
      throw new Error(`frame is ${frame.width}×${frame.height}, the clip ${this.width}×${this.height}`);
    }
    writeSync(this.fd, "FRAME\n");
    writeSync(this.fd, rgbaToI420(frame));
  }

  close(): void {
    closeSync(this.fd);
  }
}
