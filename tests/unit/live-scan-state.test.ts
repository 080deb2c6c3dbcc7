import { describe, expect, test } from "vitest";
import type { Corners } from "../../src/shared/image.ts";
import type { GridSighting } from "../../src/shared/live.ts";
import type { CellRead, ReadResult } from "../../src/shared/reading.ts";
import { cluesOf, LIVE_TUNING, LiveScanController } from "../../src/ui/live-scan-state.ts";

const SIZE = { width: 480, height: 360 };

/** A square grid of `side` px at (x, y), in frame pixels. */
function square(x: number, y: number, side = 250): Corners {
  return [
    { x, y },
    { x: x + side, y },
    { x: x + side, y: y + side },
    { x, y: y + side },
  ];
}

const grid = (corners: Corners, matchingClues?: number): GridSighting =>
  matchingClues === undefined ? { kind: "grid", corners } : { kind: "grid", corners, matchingClues };
const NONE: GridSighting = { kind: "none" };

function cells(digits: string): CellRead[] {
  return [...digits].map((d) => ({ digit: Number(d), confidence: 0.99, candidates: [] }));
}
const PUZZLE = "042000005000632080080040200000000000715068340908350761091006000000020190006100050";
const READ: ReadResult = {
  kind: "read",
  corners: square(0, 0),
  rotation: 0,
  cells: cells(PUZZLE),
  otherGridsSeen: false,
  timings: [],
};

/** A controller whose frames are numbers, recording which were released. */
function setUp() {
  const released: number[] = [];
  const live = new LiveScanController<number>((f) => released.push(f), 0);
  let frame = 0;
  let now = 0;
  /** One sighting with a full frame when the controller asks for one; returns what it hands out to read. */
  const see = (s: GridSighting) => {
    const full = live.wantsFullFrame ? ++frame : null;
    now += 66;
    return live.onSighting(s, SIZE, full, now);
  };
  return { live, released, see, clock: () => now };
}

/** Sightings of a still grid until the controller hands out frames to read. */
function steadyUntilRead(see: (s: GridSighting) => number[] | null): number[] {
  for (let i = 0; i < 20; i++) {
    const frames = see(grid(square(100, 50)));
    if (frames) return frames;
  }
  throw new Error("never read");
}

describe("LiveScanController", () => {
  test("a grid held still is read from fused full-resolution frames, without any press", () => {
    const { live, see } = setUp();
    expect(live.hint).toBe("searching");
    expect(see(grid(square(100, 50)))).toBeNull();
    expect(live.hint).toBe("grid-found");
    expect(live.outline).toEqual(square(100, 50));
    const frames = steadyUntilRead(see);
    expect(frames).toHaveLength(LIVE_TUNING.fusedFrames);
    expect(live.state).toBe("reading");
    expect(live.hint).toBe("reading");
    live.onRead(READ);
    expect(live.state).toBe("tracking");
    expect(live.hint).toBe("read");
    expect(live.showsAnswer).toBe(true);
  });

  test("a moving grid is not read and the user is asked to hold still; its frames are released", () => {
    const { live, released, see } = setUp();
    for (let i = 0; i < 10; i++) expect(see(grid(square(100 + 20 * i, 50)))).toBeNull();
    expect(live.hint).toBe("hold-still");
    expect(live.state).toBe("steadying");
    expect(released.length).toBeGreaterThan(0);
  });

  test("a small grid asks to move closer and is never read", () => {
    const { live, see } = setUp();
    for (let i = 0; i < 10; i++) expect(see(grid(square(100, 50, 90)))).toBeNull();
    expect(live.hint).toBe("move-closer");
    expect(live.wantsFullFrame).toBe(false);
  });

  test("losing the grid before the read drops the kept frames", () => {
    const { live, released, see } = setUp();
    see(grid(square(100, 50)));
    see(grid(square(100, 50)));
    see(grid(square(100, 50)));
    expect(see(NONE)).toBeNull();
    expect(live.state).toBe("searching");
    expect(live.outline).toBeNull();
    // Every full frame taken so far went back to the page.
    expect(released.sort()).toEqual([1, 2, 3]);
  });

  test("a lost grid hides the answer; the same puzzle is picked up again without a new read", () => {
    const { live, see } = setUp();
    steadyUntilRead(see);
    live.onRead(READ);
    see(NONE);
    expect(live.showsAnswer).toBe(false);
    expect(live.hint).toBe("lost");
    expect(live.clueCheck?.clues).toHaveLength(LIVE_TUNING.clueCount);
    // Found again but not yet checked: still hidden.
    see(grid(square(120, 60)));
    expect(live.showsAnswer).toBe(false);
    expect(live.outline).toBeNull();
    see(grid(square(120, 60), LIVE_TUNING.clueCount));
    expect(live.state).toBe("tracking");
    expect(live.showsAnswer).toBe(true);
    expect(live.wantsFullFrame).toBe(false);
  });

  test("a different puzzle in view after a loss starts a new read", () => {
    const { live, see } = setUp();
    steadyUntilRead(see);
    live.onRead(READ);
    see(NONE);
    see(grid(square(100, 50), 1));
    expect(live.state).toBe("steadying");
    expect(live.clueCheck).toBeUndefined();
    expect(steadyUntilRead(see)).toHaveLength(LIVE_TUNING.fusedFrames);
  });

  test("a failed read says so and tries again with new frames", () => {
    const { live, see } = setUp();
    steadyUntilRead(see);
    live.onRead({ kind: "error", error: { code: "no-digits" } });
    expect(live.hint).toBe("read-failed");
    expect(live.state).toBe("steadying");
    expect(steadyUntilRead(see)).toHaveLength(LIVE_TUNING.fusedFrames);
  });

  test("after a while without a grid it looks less often, and at once again when one shows", () => {
    const { live, see, clock } = setUp();
    see(NONE);
    expect(live.interval(clock())).toBe(0);
    expect(live.interval(clock() + LIVE_TUNING.idleAfterMs + 1)).toBe(LIVE_TUNING.idleIntervalMs);
    see(grid(square(100, 50)));
    expect(live.interval(clock() + 10)).toBe(0);
  });

  test("stop releases every kept frame", () => {
    const { live, released, see } = setUp();
    see(grid(square(100, 50)));
    see(grid(square(100, 50)));
    see(grid(square(100, 50)));
    live.stop();
    expect(released.sort()).toEqual([1, 2]);
    expect(live.outline).toBeNull();
  });
});

describe("cluesOf", () => {
  test("keeps the surest read digits with their upright indices", () => {
    const read = cells(PUZZLE);
    read[1]!.confidence = 0.5;
    const check = cluesOf(read, 3);
    expect(check.rotation).toBe(3);
    expect(check.clues).toHaveLength(LIVE_TUNING.clueCount);
    for (const { index, digit } of check.clues) expect(Number(PUZZLE[index])).toBe(digit);
    expect(check.clues.map((c) => c.index)).not.toContain(1);
  });

  test("leaves out handwritten entries, however sure", () => {
    const read = cells(PUZZLE).map((cell) => ({ ...cell, confidence: 0.9 }));
    const entry = { digit: 7, confidence: 1, candidates: [], handwritten: 0.95 };
    read[0] = entry;
    read[3] = { ...entry, handwritten: 0.4 };
    const indices = cluesOf(read, 0).clues.map((c) => c.index);
    expect(indices).not.toContain(0);
    expect(indices).toContain(3);
  });
});
