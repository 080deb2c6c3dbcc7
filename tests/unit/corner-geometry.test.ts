import { describe, expect, test } from "vitest";
import { isGridQuad, meanSide } from "../../src/shared/corners.ts";
import type { Corners } from "../../src/shared/image.ts";
import { arrowMove, defaultCorners, moveCorner } from "../../src/ui/corner-geometry.ts";

const size = { width: 1000, height: 800 };
const square: Corners = [
  { x: 100, y: 100 },
  { x: 700, y: 120 },
  { x: 680, y: 700 },
  { x: 90, y: 690 },
];

describe("isGridQuad", () => {
  test("accepts a clockwise convex quad, refuses crossed, mirrored, folded and tiny ones", () => {
    const [tl, tr, br, bl] = square;
    expect(isGridQuad(square)).toBe(true);
    expect(isGridQuad([tl, br, tr, bl])).toBe(false);
    expect(isGridQuad([tr, tl, bl, br])).toBe(false);
    expect(isGridQuad([tl, tr, { x: 300, y: 300 }, bl])).toBe(false);
    expect(isGridQuad(square, 700)).toBe(false);
  });
});

test("a quad's mean side is its grid's width in the photo, in any perspective", () => {
  const upright: Corners = [
    { x: 0, y: 0 },
    { x: 200, y: 0 },
    { x: 200, y: 200 },
    { x: 0, y: 200 },
  ];
  expect(meanSide(upright)).toBe(200);
  // A trapezoid: sides 300, 100 and two slanted ones of √(100² + 200²).
  const tilted: Corners = [
    { x: 0, y: 0 },
    { x: 300, y: 0 },
    { x: 200, y: 200 },
    { x: 100, y: 200 },
  ];
  expect(meanSide(tilted)).toBeCloseTo((300 + 100 + 2 * Math.hypot(100, 200)) / 4);
});

describe("corner editing", () => {
  test("the default corners are a rectangle inside the photo", () => {
    const corners = defaultCorners(size);
    expect(isGridQuad(corners)).toBe(true);
    for (const p of corners) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(size.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(size.height);
    }
  });

  test("a corner moves where asked, kept inside the photo", () => {
    expect(moveCorner(square, 1, { x: 750, y: 60 }, size)[1]).toEqual({ x: 750, y: 60 });
    expect(moveCorner(square, 2, { x: 1500, y: 900 }, size)[2]).toEqual({ x: 1000, y: 800 });
    expect(moveCorner(square, 0, { x: -20, y: -5 }, size)[0]).toEqual({ x: 0, y: 0 });
  });

  test("a move that would cross or fold the quad is refused", () => {
    expect(moveCorner(square, 0, { x: 800, y: 800 }, size)).toBe(square);
    expect(moveCorner(square, 3, { x: 400, y: 300 }, size)).toBe(square);
    expect(moveCorner(square, 1, { x: 105, y: 100 }, size)).toBe(square);
  });

  test("arrow keys move by the step; other keys do nothing", () => {
    expect(arrowMove("ArrowLeft", 3)).toEqual({ x: -3, y: 0 });
    expect(arrowMove("ArrowDown", 10)).toEqual({ x: 0, y: 10 });
    expect(arrowMove("Enter", 3)).toBeNull();
  });
});
