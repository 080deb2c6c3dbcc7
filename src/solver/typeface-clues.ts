import { doubtfulPrint, type CellRead } from "../shared/reading.ts";
import { PEERS } from "./tables.ts";

/** Confidence of a digit read by its grid's typeface against the CNN: shown as doubtful, the CNN as runner-up. */
const TYPEFACE_READ_P = 0.5;

/**
 * Puts the digits read by the grid's typeface (`typefaceReads`) into the reads, best match first, each
 * only where no cell sharing its row, column or box already holds that digit: two glyphs that both
 * match a 6 cannot both be one. Each is shown as doubtful, with the CNN's read as its runner-up.
 */
export function placeTypefaceReads(
  reads: readonly CellRead[],
  found: readonly { cell: number; digit: number; match: number }[],
): CellRead[] {
  const placed = [...reads];
  for (const { cell, digit } of [...found].sort((a, b) => b.match - a.match)) {
    const peers = PEERS.subarray(cell * 20, cell * 20 + 20);
    if (peers.some((peer) => placed[peer]!.digit === digit)) continue;
    placed[cell] = doubtfulPrint(digit, TYPEFACE_READ_P, {
      digit: reads[cell]!.digit,
      p: 1 - TYPEFACE_READ_P,
    });
  }
  return placed;
}
