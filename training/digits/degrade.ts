import type { GrayImage } from "../../src/shared/image.ts";
import type { Rng } from "./rng.ts";

/**
 * Camera-like degradation of a rendered gray cell: defocus blur, the softness of a small
 * photo upscaled by the warp (down- then up-sampling), sensor noise and compressed contrast.
 * @param gray w×h values 0..255 (modified in place)
 */
export function degrade(gray: Float32Array, w: number, h: number, rng: Rng): GrayImage {
  let img = gray;
  if (rng.chance(0.5)) img = resampleSoften(img, w, h, rng.uniform(0.35, 0.85));
  const blurPasses = rng.chance(0.5) ? rng.int(1, 3) : 0;
  for (let i = 0; i < blurPasses; i++) img = boxBlur3(img, w, h);
  const sigma = rng.chance(0.7) ? rng.uniform(1, 12) : 0;
  const lo = rng.chance(0.25) ? rng.uniform(0, 70) : 0;
  const hi = rng.chance(0.25) ? rng.uniform(170, 255) : 255;
  const data = new Uint8ClampedArray(w * h);
  for (let i = 0; i < data.length; i++) {
    data[i] = lo + ((img[i]! + sigma * rng.normal()) * (hi - lo)) / 255;
  }
  return { width: w, height: h, data };
}

/** Downsample by `factor` (bilinear) and back: the blur of a low-resolution photo. */
function resampleSoften(src: Float32Array, w: number, h: number, factor: number): Float32Array {
  const sw = Math.max(4, Math.round(w * factor));
  const sh = Math.max(4, Math.round(h * factor));
  const small = resize(src, w, h, sw, sh);
  return resize(small, sw, sh, w, h);
}

function resize(src: Float32Array, w: number, h: number, ow: number, oh: number): Float32Array {
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    const sy = Math.min(h - 1, Math.max(0, ((y + 0.5) * h) / oh - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(h - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < ow; x++) {
      const sx = Math.min(w - 1, Math.max(0, ((x + 0.5) * w) / ow - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(w - 1, x0 + 1);
      const fx = sx - x0;
      const top = src[y0 * w + x0]! * (1 - fx) + src[y0 * w + x1]! * fx;
      const bottom = src[y1 * w + x0]! * (1 - fx) + src[y1 * w + x1]! * fx;
      out[y * ow + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

function boxBlur3(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          s += src[yy * w + xx]!;
          n++;
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return out;
}
