import type { Rgb } from "./design.ts";

/** `c` pulled towards white by `t`. */
export function fade(c: Rgb, t: number): Rgb {
  return [c[0] + (255 - c[0]) * t, c[1] + (255 - c[1]) * t, c[2] + (255 - c[2]) * t];
}

export function css(c: Rgb, alpha = 1): string {
  const [r, g, b] = c.map((v) => Math.round(Math.min(255, Math.max(0, v))));
  return alpha === 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${alpha})`;
}
