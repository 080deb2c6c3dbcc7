const f32 = new Float32Array(1);
const bits32 = new Uint32Array(f32.buffer);

/**
 * IEEE half-precision bits of each value, rounded to nearest (ties to even); beyond ±65504 ±∞.
 * TF.js decodes weights stored so (a manifest entry's `quantization: { dtype: "float16" }`), but
 * only Python's converter writes them, and Node 20 has no Float16Array.
 */
export function toFloat16(values: Float32Array): Uint16Array<ArrayBuffer> {
  return Uint16Array.from(values, halfBits);
}

function halfBits(value: number): number {
  f32[0] = value;
  const b = bits32[0]!;
  const sign = (b >>> 16) & 0x8000;
  const exponent = ((b >>> 23) & 0xff) - 127 + 15;
  const mantissa = b & 0x7fffff;
  if (exponent === 0xff - 127 + 15) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  if (exponent >= 0x1f) return sign | 0x7c00;
  // Normal halves drop 13 mantissa bits; subnormal ones (exponent ≤ 0) also the implicit one's place.
  const full = exponent > 0 ? mantissa : mantissa | 0x800000;
  const shift = exponent > 0 ? 13 : 14 - exponent;
  if (shift > 24) return sign;
  const head = (exponent > 0 ? exponent << 10 : 0) | (full >>> shift);
  const rest = full & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  // A carry out of the mantissa raises the exponent (or makes the largest subnormal the smallest normal).
  return sign | (head + (rest > half || (rest === half && head & 1) ? 1 : 0));
}
