/**
 * xorshift32 for per-pixel noise: the shared mulberry32 + Box–Muller stream costs about 1 s per
 * 2-MP photo, this a few ms. Seeded from the photo's own stream, so photos stay reproducible.
 */
export function pixelNoise(seed: number): { uniform: () => number; normal: () => number } {
  let s = seed >>> 0 || 0x9e3779b9;
  const uniform = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  // Irwin–Hall with 4 terms: close enough to a normal for sensor noise, and no log or cos.
  const normal = (): number => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
  return { uniform, normal };
}
