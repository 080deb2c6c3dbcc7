import type { Corners, Point } from "./image.ts";

/** Row-major 3×3 projective matrix (`squareToQuad` gives h[8] = 1). */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/**
 * The homography taking the unit square's corners (0,0) (1,0) (1,1) (0,1) to `corners` (TL, TR, BR, BL).
 * Closed form (Heckbert 1989): no linear solve, so no pivoting worries for a convex quad.
 */
export function squareToQuad(corners: Corners): Homography {
  const [p0, p1, p2, p3] = corners;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    // A parallelogram: the map is affine.
    return [p1.x - p0.x, p3.x - p0.x, p0.x, p1.y - p0.y, p3.y - p0.y, p0.y, 0, 0, 1];
  }
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const det = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / det;
  const h = (dx1 * sy - sx * dy1) / det;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
    1,
  ];
}

export function project(m: Homography, u: number, v: number): Point {
  const w = m[6]! * u + m[7]! * v + m[8]!;
  return { x: (m[0]! * u + m[1]! * v + m[2]!) / w, y: (m[3]! * u + m[4]! * v + m[5]!) / w };
}

/** The corners (TL, TR, BR, BL) of the plane's rectangle from (u0, v0) to (u1, v1), through `m`. */
export function projectRect(m: Homography, u0: number, v0: number, u1: number, v1: number): Corners {
  return [project(m, u0, v0), project(m, u1, v0), project(m, u1, v1), project(m, u0, v1)];
}

/**
 * The affine map that best matches the homography near (u, v): its Jacobian plus the projected point, as
 * canvas `setTransform(a, b, c, d, e, f)` arguments. Text drawn through it lies in the plane's perspective.
 */
export function localAffine(
  m: Homography,
  u: number,
  v: number,
): [number, number, number, number, number, number] {
  const w = m[6]! * u + m[7]! * v + m[8]!;
  const { x, y } = project(m, u, v);
  return [
    (m[0]! - m[6]! * x) / w,
    (m[3]! - m[6]! * y) / w,
    (m[1]! - m[7]! * x) / w,
    (m[4]! - m[7]! * y) / w,
    x,
    y,
  ];
}

/** The inverse map (adjugate over determinant): from the quad's plane back to the unit square's. */
export function invertHomography(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}
