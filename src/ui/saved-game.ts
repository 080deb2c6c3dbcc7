import type { Grid } from "../solver/types.ts";
import type { CellRead } from "../shared/reading.ts";

/**
 * What survives a reload, as versioned JSON: pure encode/decode, so a damaged, foreign or older entry in
 * storage is recognised and ignored instead of crashing the page.
 */

/**
 * Bump when the shape changes; versions not listed in READ_VERSIONS are then ignored (with a note), never
 * misread. Version 2: a reading may stand on an entry (a handwritten digit) and carry `handwritten`.
 */
export const SAVE_VERSION = 2;
/** Every version 2 reads as written: version 1 is version 2 without readings on entries. */
const READ_VERSIONS: readonly unknown[] = [1, 2];
const APP = "sudoku-lens";

export interface SavedPuzzle {
  clues: Grid;
  entries: Grid;
  /** The photo's reading of each cell (clue or entry) not edited since, with its probabilities; null elsewhere. */
  reads: (CellRead | null)[];
  /** Candidates removed by applied hints, per cell (bit d-1 = digit d). */
  eliminated: Uint16Array;
}

export interface Settings {
  hideSolution: boolean;
  showCandidates: boolean;
}

export const DEFAULT_SETTINGS: Settings = { hideSolution: false, showCandidates: false };

/** Why stored data was not used: not ours, from another version, or ours but damaged. */
export type DecodeFailure = "foreign" | "version" | "corrupt";

export type Decoded<T> = { ok: true; value: T } | { ok: false; reason: DecodeFailure };

export function encodePuzzle(puzzle: SavedPuzzle): string {
  return JSON.stringify({
    app: APP,
    version: SAVE_VERSION,
    clues: puzzle.clues.join(""),
    entries: puzzle.entries.join(""),
    reads: puzzle.reads,
    eliminated: Array.from(puzzle.eliminated),
  });
}

export function encodeSettings(settings: Settings): string {
  return JSON.stringify({ app: APP, version: SAVE_VERSION, ...settings });
}

type Json = Record<string, unknown>;

/** Parses our envelope: an object naming this app and this version. */
function envelope(text: string): Decoded<Json> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  if (!isObject(data) || data["app"] !== APP) return { ok: false, reason: "foreign" };
  if (!READ_VERSIONS.includes(data["version"])) return { ok: false, reason: "version" };
  return { ok: true, value: data };
}

export function decodePuzzle(text: string): Decoded<SavedPuzzle> {
  const data = envelope(text);
  if (!data.ok) return data;
  const { clues, entries, reads, eliminated } = data.value;
  const corrupt = { ok: false, reason: "corrupt" } as const;
  if (!isGridText(clues) || !isGridText(entries)) return corrupt;
  if (!isReadList(reads) || !isMaskList(eliminated)) return corrupt;
  const clueGrid = Uint8Array.from(clues, Number);
  const entryGrid = Uint8Array.from(entries, Number);
  for (let i = 0; i < 81; i++) {
    // A cell holds a clue or an entry, never both; a kept reading is the digit it produced.
    if (clueGrid[i] !== 0 && entryGrid[i] !== 0) return corrupt;
    const read = reads[i];
    if (read && read.digit !== (clueGrid[i] || entryGrid[i])) return corrupt;
  }
  return {
    ok: true,
    value: {
      clues: clueGrid,
      entries: entryGrid,
      reads,
      eliminated: Uint16Array.from(eliminated),
    },
  };
}

export function decodeSettings(text: string): Decoded<Settings> {
  const data = envelope(text);
  if (!data.ok) return data;
  const { hideSolution, showCandidates } = data.value;
  if (typeof hideSolution !== "boolean" || typeof showCandidates !== "boolean")
    return { ok: false, reason: "corrupt" };
  return { ok: true, value: { hideSolution, showCandidates } };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isGridText(value: unknown): value is string {
  return typeof value === "string" && /^[0-9]{81}$/.test(value);
}

const isDigit = (value: unknown): boolean =>
  Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 9;

const isProbability = (value: unknown): boolean =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;

const isMask = (value: unknown): boolean =>
  Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 0x1ff;

function isReadList(value: unknown): value is (CellRead | null)[] {
  return Array.isArray(value) && value.length === 81 && value.every((r) => r === null || isCellRead(r));
}

function isMaskList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === 81 && value.every(isMask);
}

function isCellRead(value: unknown): value is CellRead {
  if (!isObject(value) || !isDigit(value["digit"]) || !isProbability(value["confidence"])) return false;
  const candidates = value["candidates"];
  if ("handwritten" in value && !isProbability(value["handwritten"])) return false;
  return (
    Array.isArray(candidates) &&
    candidates.length <= 10 &&
    candidates.every((c) => isObject(c) && isDigit(c["digit"]) && isProbability(c["p"]))
  );
}
