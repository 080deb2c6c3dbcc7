import type { Point } from "../shared/image.ts";

/** A straight line through two points. */
export interface Line {
  a: Point;
  b: Point;
}

/** Where two lines cross; undefined when they are parallel. */
export function intersectLines(p: Line, q: Line): Point | undefined {
  const d1 = { x: p.b.x - p.a.x, y: p.b.y - p.a.y };
  const d2 = { x: q.b.x - q.a.x, y: q.b.y - q.a.y };
  const cross = d1.x * d2.y - d1.y * d2.x;
  if (Math.abs(cross) < 1e-9) return undefined;
  const t = ((q.a.x - p.a.x) * d2.y - (q.a.y - p.a.y) * d2.x) / cross;
  return { x: p.a.x + d1.x * t, y: p.a.y + d1.y * t };
}
