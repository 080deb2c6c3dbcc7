import type { CellRead } from "../shared/reading.ts";

/**
 * TEST HOOK, used by the e2e tests only: with `?test-misread=INDEX,DIGIT` in the page URL, the photo's
 * reading of cell INDEX (0–80, row-major) is replaced by a confident-looking misread: DIGIT at p = 0.6, the
 * true reading as runner-up at p = 0.38. It lets a test prove that a misread is flagged and repaired without
 * needing a photo the classifier really gets wrong. Without the parameter the cells pass through untouched.
 */
export function applyTestMisread(cells: readonly CellRead[], search: string): CellRead[] {
  const spec = new URLSearchParams(search).get("test-misread");
  const match = spec ? /^(\d{1,2}),([0-9])$/.exec(spec) : null;
  const index = match ? Number(match[1]) : -1;
  const original = cells[index];
  if (!match || !original) return [...cells];
  const wrong = Number(match[2]);
  const misread: CellRead = {
    digit: wrong,
    confidence: 0.6,
    candidates: [
      { digit: wrong, p: 0.6 },
      { digit: original.digit, p: 0.38 },
    ],
  };
  return cells.map((cell, i) => (i === index ? misread : cell));
}
