/** Real photos are split into this many folds: each is scored by a digit model trained on the others. */
export const FOLDS = 3;

/**
 * Deterministic split by image (never by cell): a hash of the file name picks one of `folds`.
 * Cells of one photo share print, light and blur, so a cell-level split would leak.
 */
export function foldOf(file: string, folds: number): number {
  let h = 2166136261;
  for (const ch of file) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % folds;
}
