import { sideLengths } from "../shared/corners.ts";
import { mapCorners, type Corners, type Point } from "../shared/image.ts";

/** Orders four points top-left, top-right, bottom-right, bottom-left by angle around their centroid. */
export function orderCorners(points: readonly Point[]): Corners {
  if (points.length !== 4) throw new Error(`expected 4 corners, got ${points.length}`);
  const cx = points.reduce((s, p) => s + p.x, 0) / 4;
  const cy = points.reduce((s, p) => s + p.y, 0) / 4;
  // Clockwise on screen (y down) starting from the point that is most top-left.
  const byAngle = [...points].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  let start = 0;
  for (let i = 1; i < 4; i++) {
    if (byAngle[i]!.x + byAngle[i]!.y < byAngle[start]!.x + byAngle[start]!.y) start = i;
  }
  const at = (k: number) => byAngle[(start + k) % 4]!;
  return [at(0), at(1), at(2), at(3)];
}

/** Corners of the convex hull that are most extreme along the two diagonals (for broken outlines). */
export function diagonalExtremes(points: readonly Point[]): Corners {
  const pick = (score: (p: Point) => number) =>
    points.reduce((best, p) => (score(p) > score(best) ? p : best));
  return [pick((p) => -p.x - p.y), pick((p) => p.x - p.y), pick((p) => p.x + p.y), pick((p) => p.y - p.x)];
}

export function quadArea(c: Corners): number {
  let twice = 0;
  for (let i = 0; i < 4; i++) {
    const a = c[i]!;
    const b = c[(i + 1) % 4]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * Width over height (or the reverse) beyond which a quad is no photographed square: a square seen
 * this foreshortened is tilted 60° away. A strip of three 3×3 boxes (3:1) is not a grid.
 */
const MAX_ASPECT = 2;

/** The quad's longer over its shorter pair of opposite sides (1 for a square seen face on). */
export function aspectOf(c: Corners): number {
  const sides = sideLengths(c);
  const aspect = (sides[0]! + sides[2]!) / (sides[1]! + sides[3]!);
  return Math.max(aspect, 1 / aspect);
}

/**
 * A quadrilateral that a photographed square could project to: convex, no side shorter than
 * `minSide`, opposite sides within 2.5× of each other, width and height within `MAX_ASPECT` and
 * corner angles between 35° and 145°.
 */
export function isPlausibleSquare(c: Corners, minSide: number): boolean {
  const sides = sideLengths(c);
  if (Math.min(...sides) < minSide) return false;
  if (aspectOf(c) > MAX_ASPECT) return false;
  if (Math.max(sides[0]!, sides[2]!) > 2.5 * Math.min(sides[0]!, sides[2]!)) return false;
  if (Math.max(sides[1]!, sides[3]!) > 2.5 * Math.min(sides[1]!, sides[3]!)) return false;
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const prev = c[(i + 3) % 4]!;
    const here = c[i]!;
    const next = c[(i + 1) % 4]!;
    const ux = prev.x - here.x;
    const uy = prev.y - here.y;
    const vx = next.x - here.x;
    const vy = next.y - here.y;
    const cross = ux * vy - uy * vx;
    if (sign !== 0 && Math.sign(cross) !== sign) return false;
    sign = Math.sign(cross);
    const angle = Math.acos((ux * vx + uy * vy) / (Math.hypot(ux, uy) * Math.hypot(vx, vy)));
    if (angle < (35 * Math.PI) / 180 || angle > (145 * Math.PI) / 180) return false;
  }
  return true;
}

/** Point-in-convex-quad test (same side of every edge). */
export function quadContains(c: Corners, p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = c[i]!;
    const b = c[(i + 1) % 4]!;
    const s = Math.sign((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x));
    if (s === 0) continue;
    if (sign !== 0 && s !== sign) return false;
    sign = s;
  }
  return true;
}

/** Whether neither quad holds the other's centre: two objects, not one fitted twice or nested. */
export function separateQuads(a: Corners, b: Corners): boolean {
  return !quadContains(a, quadCentre(b)) && !quadContains(b, quadCentre(a));
}

/**
 * Two fits whose corners all lie within this share of the larger one's side of each other are one
 * outline fitted twice (say, a thick border's two edges). Dropping every nested fit within 0.6 of the
 * other's area instead dropped a grid's outline for a quad across seven of its columns that scored
 * 0.001 more.
 */
const SAME_FIT_SHARE = 0.05;

/** Whether two quads are one outline fitted twice (`SAME_FIT_SHARE`). */
export function sameFit(a: Corners, b: Corners): boolean {
  const near = SAME_FIT_SHARE * Math.sqrt(Math.max(quadArea(a), quadArea(b)));
  return a.every((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y) <= near);
}

export function quadCentre(c: Corners): Point {
  return { x: (c[0].x + c[1].x + c[2].x + c[3].x) / 4, y: (c[0].y + c[1].y + c[2].y + c[3].y) / 4 };
}

export function scaleCorners(c: Corners, factor: number): Corners {
  return mapCorners(c, (p) => ({ x: p.x * factor, y: p.y * factor }));
}
