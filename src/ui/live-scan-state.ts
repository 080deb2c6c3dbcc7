import type { Corners } from "../shared/image.ts";
import type { ClueCheck, GridSighting } from "../shared/live.ts";
import { isHandwritten, type CellRead, type ReadResult } from "../shared/reading.ts";

/**
 * searching: no usable grid · steadying: a grid, waiting for it to hold still while frames are kept ·
 * reading: the kept frames are being read · tracking: read; the answer follows the grid ·
 * checking: the grid was lost after a read; the next sightings check a few clues before showing it again.
 */
export type LivePhase = "searching" | "steadying" | "reading" | "tracking" | "checking";

/** What the user is told (the page words it; see `live-scan.ts`). */
export type LiveHint =
  "searching" | "move-closer" | "hold-still" | "grid-found" | "reading" | "read" | "read-failed" | "lost";

export const LIVE_TUNING = {
  /** Frames whose cell probabilities are averaged into one read. */
  fusedFrames: 3,
  /** Steady: no corner moved more than this share of the frame's diagonal since the last sighting. */
  stillness: 0.02,
  /** Below this share of the frame the digits are too small to read well. */
  minGridShare: 0.12,
  /** After this long without a grid, look less often (battery). */
  idleAfterMs: 3000,
  idleIntervalMs: 250,
  /** Clues remembered to recognise the puzzle when the grid comes back. */
  clueCount: 5,
} as const;

/**
 * The live-scan state machine, free of the DOM and of the worker: the page feeds it what each frame
 * showed and the read's result; it says which frames to keep, when to read, what to draw and what
 * to tell the user. `F` is the page's full-resolution frame; frames it does not keep go to `release`.
 */
export class LiveScanController<F> {
  private phase: LivePhase = "searching";
  private hintCode: LiveHint = "searching";
  private corners: Corners | null = null;
  private kept: F[] = [];
  private lastGridAt: number;
  private puzzle: ClueCheck | null = null;

  constructor(
    private readonly release: (frame: F) => void,
    now: number,
  ) {
    this.lastGridAt = now;
  }

  get state(): LivePhase {
    return this.phase;
  }

  get hint(): LiveHint {
    return this.hintCode;
  }

  /** The grid's corners in the last frame (frame pixels), when it is in view and worth outlining. */
  get outline(): Corners | null {
    return this.phase === "checking" ? null : this.corners;
  }

  /** The solved digits belong on the grid in view now. */
  get showsAnswer(): boolean {
    return this.phase === "tracking" && this.corners !== null;
  }

  /** Take a full-resolution frame along with the next small one: it may join the read. */
  get wantsFullFrame(): boolean {
    return this.phase === "steadying";
  }

  /** The clues to check in the next frame, while a lost grid is looked for again. */
  get clueCheck(): ClueCheck | undefined {
    return this.phase === "checking" ? (this.puzzle ?? undefined) : undefined;
  }

  /** How long to wait before sending the next frame (0: the next video frame). */
  interval(now: number): number {
    const idle = this.phase === "searching" && now - this.lastGridAt > LIVE_TUNING.idleAfterMs;
    return idle ? LIVE_TUNING.idleIntervalMs : 0;
  }

  /**
   * What one small frame showed (`size` is that frame's), with the full-resolution frame taken with it.
   * @returns the frames to read now, or null
   */
  onSighting(
    sighting: GridSighting,
    size: { width: number; height: number },
    full: F | null,
    now: number,
  ): F[] | null {
    const previous = this.corners;
    if (sighting.kind === "none") {
      this.corners = null;
      this.discard(full);
      if (this.phase === "tracking" || this.phase === "checking") {
        this.phase = "checking";
        this.hintCode = "lost";
      } else if (this.phase !== "reading") {
        this.phase = "searching";
        this.hintCode = "searching";
      }
      return null;
    }
    this.corners = sighting.corners;
    this.lastGridAt = now;
    switch (this.phase) {
      case "reading":
      case "tracking":
        this.discard(full);
        return null;
      case "checking":
        this.discard(full);
        if (sighting.matchingClues === undefined) return null;
        if (sighting.matchingClues >= sameNeeded(this.puzzle)) {
          this.phase = "tracking";
          this.hintCode = "read";
          return null;
        }
        // Another puzzle is in view: read it afresh.
        this.puzzle = null;
        this.phase = "steadying";
        this.hintCode = "hold-still";
        return null;
      case "searching":
      case "steadying":
        return this.steady(sighting.corners, previous, size, full);
    }
  }

  /** The read of the frames `onSighting` handed out. */
  onRead(result: ReadResult): void {
    if (this.phase !== "reading") return;
    if (result.kind === "error") {
      this.onReadFailed();
      return;
    }
    this.puzzle = cluesOf(result.cells, result.rotation);
    this.phase = "tracking";
    this.hintCode = "read";
  }

  /** The read found no grid or digits in the frames, or failed outright: steady frames try again. */
  onReadFailed(): void {
    if (this.phase !== "reading") return;
    this.phase = "steadying";
    this.hintCode = "read-failed";
  }

  /** The camera stopped: every kept frame is released. */
  stop(): void {
    this.discard(null);
    this.phase = "searching";
    this.corners = null;
  }

  private steady(
    corners: Corners,
    previous: Corners | null,
    size: { width: number; height: number },
    full: F | null,
  ): F[] | null {
    if (shoelace(corners) < LIVE_TUNING.minGridShare * size.width * size.height) {
      this.discard(full);
      this.phase = "searching";
      this.hintCode = "move-closer";
      return null;
    }
    this.phase = "steadying";
    const diagonal = Math.hypot(size.width, size.height);
    if (!previous || maxShift(previous, corners) > LIVE_TUNING.stillness * diagonal) {
      this.discard(full);
      if (previous) this.hintCode = "hold-still";
      else if (this.hintCode !== "read-failed") this.hintCode = "grid-found";
      return null;
    }
    if (this.hintCode !== "read-failed") this.hintCode = "grid-found";
    if (!full) return null;
    this.kept.push(full);
    if (this.kept.length < LIVE_TUNING.fusedFrames) return null;
    const frames = this.kept;
    this.kept = [];
    this.phase = "reading";
    this.hintCode = "reading";
    return frames;
  }

  /** Releases the kept frames and `extra`: the grid moved, vanished, or the frame is not needed. */
  private discard(extra: F | null): void {
    if (extra !== null) this.release(extra);
    for (const frame of this.kept) this.release(frame);
    this.kept = [];
  }
}

/**
 * The surest printed digits of a read, to recognise its puzzle later. Handwritten entries are left
 * out: the frame check compares the printed digit's probability with every other class.
 */
export function cluesOf(cells: readonly CellRead[], rotation: number): ClueCheck {
  const clues = cells
    .map((cell, index) => ({
      index,
      digit: cell.digit,
      confidence: cell.confidence,
      given: !isHandwritten(cell),
    }))
    .filter((c) => c.digit !== 0 && c.given)
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index)
    .slice(0, LIVE_TUNING.clueCount)
    .map(({ index, digit }) => ({ index, digit }));
  return { rotation, clues };
}

/** All but one remembered clue must read the same (one may fall under glare). */
function sameNeeded(puzzle: ClueCheck | null): number {
  return Math.max(1, (puzzle?.clues.length ?? 0) - 1);
}

function maxShift(a: Corners, b: Corners): number {
  return Math.max(...a.map((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y)));
}

function shoelace(c: Corners): number {
  let twice = 0;
  for (let i = 0; i < 4; i++) twice += c[i]!.x * c[(i + 1) % 4]!.y - c[(i + 1) % 4]!.x * c[i]!.y;
  return Math.abs(twice) / 2;
}
