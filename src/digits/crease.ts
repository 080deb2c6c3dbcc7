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
 * strokes end inside its cell. Ink as dark as the grid's print is never tested.
 * @param tiles the 81 cells as cut (`sliceCells`, equal squares), row-major, upright
 * @param prepared `prepareCell` of each tile
 */
export function withCreases(
  doubts: readonly InkDoubt[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
): InkDoubt[] {
  const faint = prepared.map(
    (cell, i) =>
      cell.shape !== undefined &&
      (doubts[i] === "faint" || doubts[i] === "ghost" || doubts[i] === "weak" || (cell.empty && !doubts[i])),
  );
  const creased = creasedCells(tiles, prepared, faint);
  return doubts.map((doubt, i) => (creased[i] ? "crease" : doubt));
}

/** Per cell, whether it is one of `candidates` and its kept ink a crease (`withCreases`). */
function creasedCells(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  candidates: readonly boolean[],
): boolean[] {
  const typical = typicalStroke(prepared.map((cell) => cell.shape));
  const darkness: (Float32Array | undefined)[] = [];
  const darkOf = (cell: number) => (darkness[cell] ??= darknessMap(tiles[cell]!));
  return prepared.map((cell, i) => {
    if (!candidates[i]) return false;
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
    // An end that runs off the grid (a cell of its border) or into print cannot say whether the line runs
    // on; it must still reach the cell's edge, and the other end run on.
    const ends = [axis.tmin, axis.tmax].map((t) => followLine(axis, t, darkAt, w, inside, print));
    return ends.some((end) => end.runsOn && end.reaches) && ends.every((end) => end.runsOn ?? end.reaches);
  });
}

/**
 * Whether the line of `axis`, followed from its end at `t` past the cell's edge and the grid line there,
 * is still a line of about its darkness (undefined where it leaves the grid or runs into print), and
 * whether the ink reaches that edge (`MAX_GAP`).
 */
function followLine(
  axis: Axis,
  t: number,
  darkAt: (x: number, y: number) => number | undefined,
  side: number,
  inside: number,
  print: number,
): { runsOn: boolean | undefined; reaches: boolean } {
  const { dx, dy } = axis;
  const ex = axis.x + t * dx;
  const ey = axis.y + t * dy;
  const sign = Math.sign(t);
  const at = (k: number): Point => ({ x: ex + sign * dx * k, y: ey + sign * dy * k });
  const inCell = ({ x, y }: Point) => x >= 0 && y >= 0 && x < side && y < side;
  // Steps (px) from the ink's end out of the cell.
  let out = 0;
  while (out < side && inCell(at(out))) out++;
  const reaches = out <= MAX_GAP * side;
  const line: number[] = [];
  const beside: number[] = [];
  const half = Math.max(1, Math.round(LINE_HALF_WIDTH * side));
  const off = BESIDE * side;
  for (let k = out + FOLLOW_FROM * side; k < out + FOLLOW_TO * side; k++) {
    const { x, y } = at(k);
    let darkest: number | undefined;
    for (let o = -half; o <= half; o++) {
      const v = darkAt(x - dy * o, y + dx * o);
      if (v !== undefined) darkest = Math.max(darkest ?? 0, v);
    }
    const left = darkAt(x - dy * off, y + dx * off);
    const right = darkAt(x + dy * off, y - dx * off);
    if (darkest === undefined || left === undefined || right === undefined)
      return { runsOn: undefined, reaches };
    line.push(darkest);
    beside.push(Math.min(left, right));
  }
  const along = median(line);
  if (along >= PRINT_SHARE * print) return { runsOn: undefined, reaches };
  const runOn = along / inside;
  return { runsOn: runOn >= MIN_RUN_ON && runOn - median(beside) / inside >= MIN_RUN_ON_CONTRAST, reaches };
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
