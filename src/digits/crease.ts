import type { GrayImage, Point } from "../shared/image.ts";
import { median } from "../shared/median.ts";
import { boxPlacement } from "./fit-box.ts";
import { MODEL_INPUT_PX } from "./geometry.ts";
import { typicalStroke, type InkDoubt } from "./empty-cell.ts";
import { darknessMap } from "./ink.ts";
import type { PreparedCell } from "./preprocess.ts";

/**
 * Kept ink this close to a straight line (minor over major axis of its pixels' spread) may be a crease:
 * the folds through empty cells of generated photos of the tuning seed 9004 lay at 0.06–0.29.
 */
const MAX_LINE_SPREAD = 0.3;
/** Where the line is followed past the cell's edge, in shares of the cell's side: past the grid line… */
const FOLLOW_FROM = 0.1;
/** …up to here. */
const FOLLOW_TO = 0.28;
/** Half the width, in shares of the cell's side, of the band searched for the line as it runs on. */
const LINE_HALF_WIDTH = 0.03;
/** Offset of the paper beside the line, in shares of the cell's side, on both sides. */
const BESIDE = 0.16;
/** The line runs on when it is at least this dark, relative to the cell's own ink… */
const MIN_RUN_ON = 0.4;
/** …and at least this much darker (same measure) than the paper on both sides of it. */
const MIN_RUN_ON_CONTRAST = 0.3;
/**
 * Ink at least this share as dark as the grid's print (`typicalStroke`) is other ink: a printed digit
 * or a grid line that the line runs into, which cannot say whether it runs on (a pencilled 1 above a
 * printed 5 measured 0.75 of the print; most folds ran on at 0.1–0.6 of it, a dark one up to 0.73).
 */
const PRINT_SHARE = 0.6;
/**
 * A fold crosses its cell: its kept ink reaches this close (share of the side) to the cell's edge where it
 * runs on (at one end at least) and where it cannot say. A printed or pencilled 1 between two digits of its
 * column ran on at both ends, 0.14 and more from the edges; three pencilled 1s in border cells stopped
 * 0.13–0.33 short of the grid's edge.
 */
const MAX_GAP = 0.12;

interface Axis {
  /** Centre of the ink, tile pixels. */
  x: number;
  y: number;
  /** Unit direction of the ink's long axis. */
  dx: number;
  dy: number;
  /** Minor over major standard deviation of the ink's pixels. */
  spread: number;
  /** Extent of the ink along the axis from its centre, both ways (tmin < 0 < tmax). */
  tmin: number;
  tmax: number;
  /** The ink's pixels, tile coordinates. */
  points: Point[];
}

/**
 * The grid-level ink doubts (`inkDoubts`) with "crease" where faint ink, or ink the ink test calls
 * empty, is a fold or crease of the paper: a straight line that crosses its cell, reaching the edge and
 * running on, as dark and as narrow, across the grid line into the next cell at one end at least, and at
 * the other end running on too or, where it runs off the grid or into print, which cannot say, reaching
 * the edge. The CNN and the ink test see one cell and read a crease as a pencilled 1 or 7; a digit's
 * strokes end inside its cell. Tested: ink the ink test doubts or calls empty, and ink that passes it but
 * is paler than the grid's print (`PRINT_SHARE`), which the CNN reads as a 1 written by hand. Ink as dark
 * as the print is never tested.
 * @param tiles the 81 cells as cut (`sliceCells`, equal squares), row-major, upright
 * @param prepared `prepareCell` of each tile
 */
export function withCreases(
  doubts: readonly InkDoubt[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
): InkDoubt[] {
  const typical = typicalStroke(prepared.map((cell) => cell.shape));
  const tested = prepared.map(({ shape, empty }, i): Test | undefined => {
    if (shape === undefined) return undefined;
    if (doubts[i] === "faint" || doubts[i] === "ghost" || doubts[i] === "weak" || (empty && !doubts[i])) {
      return "doubted";
    }
    return !doubts[i] && shape.strokeContrast < PRINT_SHARE * typical ? "kept" : undefined;
  });
  const creased = creasedCells(tiles, prepared, tested, typical);
  return doubts.map((doubt, i) => (creased[i] ? "crease" : doubt));
}

/**
 * How a cell's ink is tested for a crease: ink the ink test doubted or emptied ("doubted"), or ink it kept as
 * a digit though paler than the print ("kept"), a crease only where its line reaches both edges of the cell
 * and stops at neither (a written 1 on a grainy low-resolution photo seemed to run on at both ends, and fell
 * short of one edge).
 */
type Test = "doubted" | "kept";

/** Per cell, whether its ink is tested (`tests`) and is a crease (`withCreases`). */
function creasedCells(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  tests: readonly (Test | undefined)[],
  typical: number,
): boolean[] {
  const darkness: (Float32Array | undefined)[] = [];
  const darkOf = (cell: number) => (darkness[cell] ??= darknessMap(tiles[cell]!));
  return prepared.map((cell, i) => {
    const test = tests[i];
    if (!test) return false;
    const axis = inkAxis(cell);
    if (!axis || axis.spread > MAX_LINE_SPREAD) return false;
    const { width: w, height: h } = tiles[i]!;
    const row = Math.floor(i / 9);
    const col = i % 9;
    // Darkness at (x, y) in cell i's pixels, reaching into the neighbouring cells; undefined off the grid.
    const darkAt = (x: number, y: number): number | undefined => {
      const dc = Math.floor(x / w);
      const dr = Math.floor(y / h);
      const r = row + dr;
      const c = col + dc;
      if (r < 0 || r > 8 || c < 0 || c > 8) return undefined;
      const lx = Math.min(w - 1, Math.max(0, Math.round(x - dc * w)));
      const ly = Math.min(h - 1, Math.max(0, Math.round(y - dr * h)));
      return darkOf(r * 9 + c)[ly * w + lx];
    };
    const inside = median(axis.points.map((p) => darkAt(p.x, p.y)!));
    if (inside <= 0) return false;
    // The print's darkness in the cell's own measure: stroke contrasts share the paper's level.
    const print = (inside * typical) / cell.shape!.strokeContrast;
    const ends = [axis.tmin, axis.tmax].map((t) => followLine(axis, t, darkAt, w, inside, print));
    // Where the kept ink stops short of an edge, the line itself may run on to it (a fold's kept ink can
    // stop short, a digit's stroke meets paper there): only when it then runs on at both ends, or, for
    // ink kept as a digit, at one end and into print or off the grid at the other.
    const reaches = (end: LineEnd) => end.inkReaches || end.lineReaches;
    if (ends.every((end) => end.runsOn && reaches(end))) return true;
    if (test === "kept") {
      return ends.some((end) => end.runsOn) && ends.every((end) => reaches(end) && end.runsOn !== false);
    }
    // An end that runs off the grid (a cell of its border) or into print cannot say whether the line runs
    // on; it must still reach the cell's edge, and the other end run on.
    return (
      ends.some((end) => end.runsOn && end.inkReaches) && ends.every((end) => end.runsOn ?? end.inkReaches)
    );
  });
}

/** What the line of a cell's kept ink does at one end (`followLine`). */
interface LineEnd {
  /** Whether it runs on past the cell's edge; undefined where it leaves the grid or runs into print. */
  runsOn: boolean | undefined;
  /** Whether the kept ink reaches the cell's edge (`MAX_GAP`). */
  inkReaches: boolean;
  /** Whether, where the line runs on, it also runs from the kept ink's end to the cell's edge. */
  lineReaches: boolean;
}

/**
 * The line of `axis` at its end at `t`: followed past the cell's edge and the grid line there, whether it is
 * still a line of about its darkness, and whether it reaches that edge.
 */
function followLine(
  axis: Axis,
  t: number,
  darkAt: (x: number, y: number) => number | undefined,
  side: number,
  inside: number,
  print: number,
): LineEnd {
  const inCell = (k: number) => {
    const { x, y } = pastEnd(axis, t, k);
    return x >= 0 && y >= 0 && x < side && y < side;
  };
  // Steps (px) from the ink's end out of the cell.
  let out = 0;
  while (out < side && inCell(out)) out++;
  const inkReaches = out <= MAX_GAP * side;
  const beyond = sampleLine(axis, t, darkAt, side, out + FOLLOW_FROM * side, out + FOLLOW_TO * side);
  if (!beyond || median(beyond.line) >= PRINT_SHARE * print) {
    return { runsOn: undefined, inkReaches, lineReaches: false };
  }
  const runsOn = isLine(beyond, inside);
  const within = runsOn && !inkReaches ? sampleLine(axis, t, darkAt, side, 1, out) : undefined;
  return { runsOn, inkReaches, lineReaches: within !== undefined && isLine(within, inside) };
}

/**
 * The darkest of the line's band (`LINE_HALF_WIDTH`) and the paler of the paper beside it (`BESIDE`), at
 * each step from `from` to `to` px past the ink's end at `t`; undefined where they leave the grid.
 */
function sampleLine(
  axis: Axis,
  t: number,
  darkAt: (x: number, y: number) => number | undefined,
  side: number,
  from: number,
  to: number,
): { line: number[]; beside: number[] } | undefined {
  const { dx, dy } = axis;
  const half = Math.max(1, Math.round(LINE_HALF_WIDTH * side));
  const off = BESIDE * side;
  const line: number[] = [];
  const beside: number[] = [];
  for (let k = from; k < to; k++) {
    const { x, y } = pastEnd(axis, t, k);
    let darkest: number | undefined;
    for (let o = -half; o <= half; o++) {
      const v = darkAt(x - dy * o, y + dx * o);
      if (v !== undefined) darkest = Math.max(darkest ?? 0, v);
    }
    const left = darkAt(x - dy * off, y + dx * off);
    const right = darkAt(x + dy * off, y - dx * off);
    if (darkest === undefined || left === undefined || right === undefined) return undefined;
    line.push(darkest);
    beside.push(Math.min(left, right));
  }
  return line.length > 0 ? { line, beside } : undefined;
}

/** The point `k` px past the ink's end at `t` along its axis, outwards. */
function pastEnd({ x, y, dx, dy }: Axis, t: number, k: number): Point {
  const along = t + Math.sign(t) * k;
  return { x: x + along * dx, y: y + along * dy };
}

/** A line about as dark as the ink (`MIN_RUN_ON`) and darker than the paper on both sides of it. */
function isLine({ line, beside }: { line: number[]; beside: number[] }, inside: number): boolean {
  const along = median(line) / inside;
  return along >= MIN_RUN_ON && along - median(beside) / inside >= MIN_RUN_ON_CONTRAST;
}

/** The long axis of a cell's kept ink, from the CNN input it was fitted into (`fitToBox`), in tile pixels. */
function inkAxis({ input, box }: PreparedCell): Axis | undefined {
  if (!box) return undefined;
  const { scale, cx, cy } = boxPlacement(box);
  const half = MODEL_INPUT_PX / 2;
  const points: Point[] = [];
  for (let oy = 0; oy < MODEL_INPUT_PX; oy++) {
    for (let ox = 0; ox < MODEL_INPUT_PX; ox++) {
      if (input[oy * MODEL_INPUT_PX + ox]! > 0.5) {
        points.push({ x: cx + (ox + 0.5 - half) / scale, y: cy + (oy + 0.5 - half) / scale });
      }
    }
  }
  if (points.length < 3) return undefined;
  const n = points.length;
  const x = points.reduce((s, p) => s + p.x, 0) / n;
  const y = points.reduce((s, p) => s + p.y, 0) / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (const p of points) {
    xx += (p.x - x) ** 2;
    yy += (p.y - y) ** 2;
    xy += (p.x - x) * (p.y - y);
  }
  const mid = (xx + yy) / 2;
  const root = Math.sqrt(Math.max(0, ((xx - yy) / 2) ** 2 + xy * xy));
  const major = mid + root;
  const minor = Math.max(0, mid - root);
  // Eigenvector of the larger eigenvalue; an axis-parallel spread has xy = 0.
  const [ux, uy] = Math.abs(xy) > 1e-9 ? [xy, major - xx] : xx >= yy ? [1, 0] : [0, 1];
  const norm = Math.hypot(ux, uy);
  const dx = ux / norm;
  const dy = uy / norm;
  let tmin = 0;
  let tmax = 0;
  for (const p of points) {
    const t = (p.x - x) * dx + (p.y - y) * dy;
    tmin = Math.min(tmin, t);
    tmax = Math.max(tmax, t);
  }
  return { x, y, dx, dy, spread: Math.sqrt(minor / major), tmin, tmax, points };
}
