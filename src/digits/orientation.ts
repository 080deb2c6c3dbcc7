import { MODEL_INPUT_PX } from "./geometry.ts";

/**
 * A prepared input tile turned `turns` quarter turns clockwise. Preparation is symmetric under
 * quarter turns (bounding-box centring, longer side scaled), so this equals preparing the turned
 * cell, without cutting the grid again.
 */
export function turnTile(input: Float32Array, turns: number): Float32Array {
  const n = MODEL_INPUT_PX;
  let src = input;
  for (let t = 0; t < ((turns % 4) + 4) % 4; t++) {
    const out = new Float32Array(n * n);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) out[x * n + (n - 1 - y)] = src[y * n + x]!;
    src = out;
  }
  return src;
}
