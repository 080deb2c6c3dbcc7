import type { FontFace } from "../digits/fonts.ts";
import type { Rng } from "../digits/rng.ts";
import { candidateMarks } from "./candidates.ts";
import { fade } from "./colour.ts";
import type { Hand, PhotoDesign, Rgb } from "./design.ts";
import { MNIST_SIDE, type MnistDigits } from "./handwriting.ts";
import type { Puzzle } from "./puzzles.ts";

/**
 * Where handwriting comes from in a `--filled` set (MNIST digits when present, and handwriting fonts),
 * and how many empty cells are written in.
 */
export interface HandSources {
  mnist: MnistDigits | undefined;
  fonts: readonly FontFace[];
  /** Entries per photo, drawn uniformly; 1–15 without it (`--entries`). */
  entries?: { min: number; max: number };
}

/**
 * A puzzle stuck halfway: 1–15 (`sources.entries`) empty cells written in by pen or pencil (mostly the
 * answer, sometimes a mistake), and sometimes small pencilled candidates in other empty cells, in the same
 * hand.
 */
export function fillIn(rng: Rng, design: PhotoDesign, puzzle: Puzzle, sources: HandSources): PhotoDesign {
  const marks = [...design.marks];
  const empty = marks.flatMap((m, i) => (m === null ? [i] : []));
  const { min, max } = sources.entries ?? { min: 1, max: 15 };
  const count = rng.int(Math.min(min, empty.length), Math.min(max, empty.length));
  const entries = new Set(shuffledPrefix(rng, empty, count));
  const { tool, ink } = penOrPencil(rng);
  const font = rng.pick(sources.fonts).alias;
  const candidateShare = rng.chance(0.4) ? rng.uniform(0.1, 0.5) : 0;
  for (const cell of empty) {
    if (entries.has(cell)) {
      const answer = puzzle.solution[cell]!;
      const digit = rng.chance(0.08) ? ((answer + rng.int(0, 7)) % 9) + 1 : answer;
      marks[cell] = { kind: "entry", digit, hand: handOf(rng, digit, tool, ink, font, sources) };
    } else if (rng.chance(candidateShare)) {
      marks[cell] = { kind: "pencil", digits: candidateMarks(rng, puzzle, cell) };
    }
  }
  const pencil = { font, height: rng.uniform(0.2, 0.3), ink: tool === "pencil" ? ink : fade(ink, 0.15) };
  return { ...design, grid: { ...design.grid, pencil }, marks };
}

/** A writer's tool: a pen in blue, black or red ink, or a graphite pencil. */
export function penOrPencil(rng: Rng): { tool: Hand["tool"]; ink: Rgb } {
  const tool = rng.chance(0.65) ? "pen" : "pencil";
  const ink: Rgb =
    tool === "pencil"
      ? grey(rng.uniform(70, 130))
      : rng.pick<Rgb>([
          [25, 45, 150],
          [20, 20, 30],
          [30, 70, 170],
          [160, 30, 40],
        ]);
  return { tool, ink };
}

/** How one digit is written: an MNIST digit of it (60 % when MNIST is there) or a handwriting font. */
export function handOf(
  rng: Rng,
  digit: number,
  tool: Hand["tool"],
  ink: Rgb,
  font: string,
  sources: HandSources,
): Hand {
  const mnist = sources.mnist;
  const source: Hand["source"] =
    mnist && rng.chance(0.6)
      ? mnistSource(rng.pick(mnist.byDigit[digit]!), mnist)
      : { kind: "font", font: rng.chance(0.7) ? font : rng.pick(sources.fonts).alias };
  return {
    source,
    tool,
    ink,
    height: rng.uniform(0.5, 0.85),
    slant: rng.uniform(-0.3, 0.15),
    angle: rng.normal() * 0.08,
    dx: rng.uniform(-0.12, 0.12),
    dy: rng.uniform(-0.12, 0.12),
    stroke: tool === "pen" ? rng.uniform(0, 0.025) : rng.uniform(0, 0.012),
  };
}

function mnistSource(index: number, mnist: MnistDigits): Hand["source"] {
  const size = MNIST_SIDE * MNIST_SIDE;
  return { kind: "mnist", index, pixels: mnist.pixels.subarray(index * size, (index + 1) * size) };
}

function shuffledPrefix(rng: Rng, items: readonly number[], n: number): number[] {
  const out = [...items];
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, out.length - 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, n);
}

function grey(v: number): Rgb {
  return [v, v, v];
}
