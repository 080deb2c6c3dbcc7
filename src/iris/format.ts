/** Number formats shared by the page's tables, so that a probability reads the same everywhere. */

/** 0.97875 → "0.9788"; below 0.0001 scientific ("3.1e-7") rather than a misleading "0.0000". */
export function formatProbability(p: number): string {
  return p > 0 && p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

/** 0.97875 → "97.9 %", with a narrow no-break space so the sign never wraps away from its number. */
export function formatPercent(p: number): string {
  return `${(100 * p).toFixed(1)}\u202f%`;
}

/** A loss or logit to 4 decimals; ∞ when the probability was exactly 0. */
export function formatNumber(x: number): string {
  if (x === Infinity) return "∞";
  const text = x.toFixed(4);
  // −0.00001 would print as "-0.0000".
  return Number(text) === 0 ? "0.0000" : text;
}

/** e^z for display: fixed for everyday sizes, scientific beyond, ∞ where float64 overflows (z > 709.78). */
export function formatMagnitude(x: number): string {
  if (x === Infinity) return "∞";
  return x !== 0 && (x >= 1e6 || x < 1e-3) ? x.toExponential(3) : x.toFixed(3);
}
