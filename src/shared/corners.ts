import type { Corners } from "./image.ts";

/**
 * True when TL, TR, BR, BL enclose a convex quadrilateral, in that order clockwise on screen, with
 * every side at least `minSide` long: what a flat grid photographed from the front side projects
 * to. A crossed or mirrored order would read the grid scrambled or mirror-imaged.
 */
export function isGridQuad(c: Corners, minSide = 1): boolean {
  for (let i = 0; i < 4; i++) {
    const here = c[i]!;
    const next = c[(i + 1) % 4]!;
    const after = c[(i + 2) % 4]!;
    if (Math.hypot(next.x - here.x, next.y - here.y) < minSide) return false;
    // y points down, so a clockwise turn on screen has a positive cross product.
    const cross = (next.x - here.x) * (after.y - next.y) - (next.y - here.y) * (after.x - next.x);
    if (cross <= 0) return false;
  }
  return true;
}

/** The lengths of a quad's sides: top, right, bottom, left. */
export function sideLengths(c: Corners): number[] {
  return c.map((here, i) => {
    const next = c[(i + 1) % 4]!;
    return Math.hypot(next.x - here.x, next.y - here.y);
  });
}

/** The mean length of a quad's four sides: a grid's width in the photo, whatever its perspective. */
export function meanSide(c: Corners): number {
  return sideLengths(c).reduce((sum, side) => sum + side, 0) / 4;
}
