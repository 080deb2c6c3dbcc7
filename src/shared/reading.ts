/** The vocabulary of a read shared by vision, digits, solver, workers and UI; it imports no stage. */
import type { Corners } from "./image.ts";

/** One cell as read: the chosen digit (0 = empty) and the ranked alternatives the UI uses to flag doubt. */
export interface CellRead {
  digit: number;
  /** Probability of `digit` (for an empty cell, that it is empty). */
  confidence: number;
  /** Top candidates, best first, probabilities summing to ≤ 1. */
  candidates: { digit: number; p: number }[];
  /**
   * For a digit, the probability that it was written in by hand (the solver's own entry) rather
   * than printed (a given); absent for an empty cell and for readers that cannot tell.
   */
  handwritten?: number;
  /**
   * Set when the reader doubts the read whatever the CNN's odds (the ink test and the CNN disagree, an
   * entry is written small, or the solution asks for a clue the first look missed): its confidence is
   * capped, and its candidates no longer weigh each digit against the read.
   */
  capped?: true;
  /**
   * Set on an empty read of ink too small for a digit of this grid (a pencilled candidate, a speck): the
   * CNN sees the ink scaled up and may read a digit in it, but no printed clue of this grid is that small.
   */
  tooSmall?: true;
}

/** A digit at least this likely to be handwritten is taken as the user's entry, not a given. */
export const HANDWRITTEN_THRESHOLD = 0.5;

/** Whether a read cell holds a handwritten entry rather than a printed given (or nothing). */
export function isHandwritten(read: CellRead): boolean {
  return read.digit !== 0 && (read.handwritten ?? 0) >= HANDWRITTEN_THRESHOLD;
}

/** Whether a cell's glyph is its grid's print of a digit, whatever the CNN read there. */
export type IsPrint = (cell: number, digit: number) => boolean;

/** The printed digits of a read, handwritten entries left blank. */
export function givensOf(reads: readonly CellRead[]): Uint8Array {
  return Uint8Array.from(reads, (read) => (isHandwritten(read) ? 0 : read.digit));
}

/** A sudoku has at least this many clues (the proven minimum for one solution). */
export const MIN_CLUES = 17;

/** Below this top-1 probability a read is shown to the user as doubtful, with its runner-up. */
export const DOUBT_THRESHOLD = 0.9;

/**
 * Whether the grid holds an entry the reader is sure of: only then are pale marks looked at as entries
 * (`src/digits/pencilled-entry.ts`), and only without one is a doubtful entry that contradicts the
 * puzzle taken for misread print (`src/solver/misread-given.ts`).
 */
export function hasSureEntry(reads: readonly CellRead[]): boolean {
  return reads.some((read) => isHandwritten(read) && read.confidence >= DOUBT_THRESHOLD);
}

/**
 * `digit` read as print against the CNN's read (by the grid's typeface, by the puzzle's solution): shown as
 * doubtful at `p`, with the CNN's read as `runnerUp`.
 */
export function doubtfulPrint(digit: number, p: number, runnerUp: { digit: number; p: number }): CellRead {
  return { digit, confidence: p, candidates: [{ digit, p }, runnerUp], handwritten: 0, capped: true };
}

/** The read with its confidence (and its digit's candidate probability) at most `p`: shown as doubtful. */
export function withConfidenceAtMost(read: CellRead, p: number): CellRead {
  const confidence = Math.min(read.confidence, p);
  return {
    ...read,
    confidence,
    candidates: [{ digit: read.digit, p: confidence }, ...read.candidates.slice(1)],
    capped: true,
  };
}

export type PipelineStage = "load" | "find-grid" | "unskew" | "cells" | "classify" | "solve";

export interface StageTiming {
  stage: PipelineStage;
  ms: number;
}

/** Intermediate images for the debug view, as RGBA ImageData (transferable). */
export interface DebugImages {
  threshold?: ImageData;
  contour?: ImageData;
  warped?: ImageData;
  cells?: ImageData[];
}

export type ReadResult =
  | {
      kind: "read";
      /** Corners of the grid in the photo as the user sees it (after EXIF orientation). */
      corners: Corners;
      /** Quarter turns clockwise applied to the warped grid to make its digits upright (0–3). */
      rotation: number;
      cells: CellRead[];
      /**
       * Present when the orientation is uncertain: another quarter turn read almost as well. It holds
       * that turn and the cells read under it, so the page can offer "Turn it" without reading again.
       */
      otherTurn?: { rotation: number; cells: CellRead[] };
      /** True when more than one grid-like square was seen and the larger one was taken. */
      otherGridsSeen: boolean;
      timings: StageTiming[];
      debug?: DebugImages;
    }
  | { kind: "error"; error: PhotoError };

/** Refuse above this many pixels: decoding alone would need gigabytes. */
export const MAX_PIXELS = 100_000_000;

/** Typed reasons a photo cannot be read; each maps to one clear message in the UI. */
export type PhotoError =
  | { code: "not-an-image"; detail: string }
  | { code: "unsupported-format"; format: string }
  | { code: "too-large"; width: number; height: number }
  | { code: "too-small"; width: number; height: number }
  | { code: "no-grid" }
  /** Corners placed by hand that enclose no grid-shaped area (crossed, or on top of one another). */
  | { code: "bad-corners" }
  | { code: "no-digits" }
  | { code: "cancelled" };
