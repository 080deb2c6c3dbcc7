import { PEERS } from "../tables.ts";
import { bit, countBits, digitsOf, seeingAll, sees, unitOf } from "./board.ts";
import { cellName, removal, unitName } from "./names.ts";
import { strongLinks } from "./links.ts";
import type { CandidateBoard, LogicStep } from "./types.ts";

/** "r5c1 (1 or 9)". */
function holding(board: CandidateBoard, cell: number): string {
  const digits = digitsOf(board.candidates[cell]!);
  return `${cellName(cell)} (${digits.slice(0, -1).join(", ")} or ${digits.at(-1)})`;
}

/** Empty peers of a cell with exactly `n` candidates. */
function peersWith(board: CandidateBoard, cell: number, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < 20; k++) {
    const peer = PEERS[cell * 20 + k]!;
    if (countBits(board.candidates[peer]!) === n) out.push(peer);
  }
  return out;
}

/**
 * XY-wing (pivot xy, pincers xz and yz) and XYZ-wing (pivot xyz): whatever the pivot is, one pincer (or the
 * pivot) is z, so a cell seeing all of them that matters loses z.
 */
function findWing(board: CandidateBoard, pivotSize: 2 | 3): LogicStep | null {
  for (let pivot = 0; pivot < 81; pivot++) {
    const mask = board.candidates[pivot]!;
    if (countBits(mask) !== pivotSize) continue;
    const pincers = peersWith(board, pivot, 2).filter(
      (p) => countBits(board.candidates[p]! & mask) === (pivotSize === 2 ? 1 : 2),
    );
    for (let i = 0; i < pincers.length; i++) {
      for (let j = i + 1; j < pincers.length; j++) {
        const a = pincers[i]!;
        const b = pincers[j]!;
        const shared = board.candidates[a]! & board.candidates[b]!;
        if (
          countBits(shared) !== 1 ||
          (board.candidates[a]! | board.candidates[b]! | mask) !== (pivotSize === 2 ? mask | shared : mask)
        )
          continue;
        if (pivotSize === 2 && (shared & mask) !== 0) continue;
        const z = 32 - Math.clz32(shared);
        const anchors = pivotSize === 2 ? [a, b] : [pivot, a, b];
        const eliminations = seeingAll(board, anchors, z, [pivot, a, b]);
        if (eliminations.length === 0) continue;
        const whichever =
          pivotSize === 2
            ? `whichever it is, ${cellName(a)} or ${cellName(b)} is ${z}`
            : `whichever it is, one of the three is ${z}`;
        return {
          technique: pivotSize === 2 ? "xy-wing" : "xyz-wing",
          placements: [],
          eliminations,
          cells: [pivot, a, b],
          units: [],
          text: `${holding(board, pivot)} sees ${holding(board, a)} and ${holding(board, b)}; ${whichever}, so ${removal(eliminations)}.`,
        };
      }
    }
  }
  return null;
}

export const findXyWing = (board: CandidateBoard): LogicStep | null => findWing(board, 2);
export const findXyzWing = (board: CandidateBoard): LogicStep | null => findWing(board, 3);

/**
 * W-wing: two cells that are both x or y, and a strong link on x whose ends see one each: they cannot both
 * be x, so one is y, and a cell seeing both loses y.
 */
export function findWWing(board: CandidateBoard, places: Uint16Array): LogicStep | null {
  const pairs: number[] = [];
  for (let cell = 0; cell < 81; cell++) if (countBits(board.candidates[cell]!) === 2) pairs.push(cell);
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const a = pairs[i]!;
      const b = pairs[j]!;
      const mask = board.candidates[a]!;
      if (board.candidates[b] !== mask || sees(a, b)) continue;
      for (const x of digitsOf(mask)) {
        const y = digitsOf(mask & ~bit(x))[0]!;
        const eliminations = seeingAll(board, [a, b], y);
        if (eliminations.length === 0) continue;
        for (const link of strongLinks(places, x)) {
          for (const [p, q] of [
            [link.a, link.b],
            [link.b, link.a],
          ] as const) {
            if (![a, b].includes(p) && ![a, b].includes(q) && sees(p, a) && sees(q, b)) {
              const u = unitOf(link.unit);
              return {
                technique: "w-wing",
                placements: [],
                eliminations,
                cells: [a, b, p, q],
                units: [u],
                text: `${cellName(a)} and ${cellName(b)} are both ${x} or ${y}; ${unitName(u)} has ${x} only in ${cellName(p)} and ${cellName(q)}, which see one each, so they cannot both be ${x}: one is ${y}, and ${removal(eliminations)}.`,
              };
            }
          }
        }
      }
    }
  }
  return null;
}
