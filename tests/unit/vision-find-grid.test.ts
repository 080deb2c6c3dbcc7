import { beforeAll, describe, expect, test } from "vitest";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { CELL_PX, GRID_MARGIN_PX, WARP_PX } from "../../src/digits/geometry.ts";
import { withoutMargin } from "../../src/vision/cell-bounds.ts";
import { sliceCells } from "../../src/vision/cells.ts";
import {
  findGridCorners,
  quadHypotheses,
  wholeGridOfBox,
  type Candidate,
} from "../../src/vision/find-grid.ts";
import { quadArea } from "../../src/vision/quad.ts";
import { downscale, toGray } from "../../src/vision/gray.ts";
import { loadOpenCV, opencv } from "../../src/vision/opencv.ts";
import type { Corners, GrayImage } from "../../src/shared/image.ts";
import { warpToSquare } from "../../src/vision/warp.ts";
import { seededRandom } from "../../src/shared/random.ts";
import { fixturePhotoUrl, HAND_CORNERS } from "../fixtures/fixture-photos.ts";

const photo = (name: string) => fixturePhotoUrl(name).pathname;

beforeAll(async () => {
  await loadOpenCV();
}, 120_000);

describe("findGridCorners", () => {
  for (const [name, expected] of Object.entries(HAND_CORNERS)) {
    test(`finds the grid of ${name} within 1.5 % of the photo`, async () => {
      const gray = toGray(await loadPhoto(photo(name)));
      const found = findGridCorners(gray);
      expect(found).not.toBeNull();
      const tolerance = 0.015 * Math.max(gray.width, gray.height);
      found!.corners.forEach((p, i) => {
        expect(Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y)).toBeLessThan(tolerance);
      });
      expect(found!.otherGridsSeen).toBe(false);
    });
  }

  for (const [name, expected] of Object.entries(HAND_CORNERS)) {
    test(`quick mode (live frames) finds the grid of ${name} shrunk to 480 px within 2 % of it`, async () => {
      const { image: gray, scale } = downscale(toGray(await loadPhoto(photo(name))), 480);
      const found = findGridCorners(gray, { quick: true });
      expect(found).not.toBeNull();
      found!.corners.forEach((p, i) => {
        const dist = Math.hypot(p.x - expected[i]!.x * scale, p.y - expected[i]!.y * scale);
        expect(dist).toBeLessThan(0.02 * 480);
      });
    });
  }

  test("quick mode finds nothing in noise, a gradient or stripes", () => {
    for (const image of [noise(480, 360, 1), gradient(480, 360), stripes(480, 360)]) {
      expect(findGridCorners(image, { quick: true })).toBeNull();
    }
  });

  test("finds nothing in noise, a gradient or a photo of text-like stripes", () => {
    expect(findGridCorners(noise(800, 600, 1))).toBeNull();
    expect(findGridCorners(gradient(800, 600))).toBeNull();
    expect(findGridCorners(stripes(800, 600))).toBeNull();
  });

  test("a dark-theme grid whose corner fades into the screen is found with that corner completed", async () => {
    // A photo's grid as a dark theme (inverted) on a dark screen, its bottom-right cell gone dark.
    const gray = toGray(await loadPhoto(photo("image10.jpg")));
    const grid = withoutMargin(warpToSquare(gray, HAND_CORNERS["image10.jpg"]!));
    const dark = { ...grid, data: grid.data.map((v) => 255 - v) };
    for (let y = WARP_PX - CELL_PX - 8; y < WARP_PX; y++)
      dark.data.fill(20, y * WARP_PX + WARP_PX - CELL_PX - 8, (y + 1) * WARP_PX);
    const screen = { ...blank(1000, 800), data: new Uint8ClampedArray(1000 * 800).fill(20) };
    paste(screen, dark, 200, 100);
    const found = findGridCorners(screen);
    expect(found).not.toBeNull();
    const expected = [
      { x: 200, y: 100 },
      { x: 200 + WARP_PX, y: 100 },
      { x: 200 + WARP_PX, y: 100 + WARP_PX },
      { x: 200, y: 100 + WARP_PX },
    ];
    found!.corners.forEach((p, i) => {
      expect(Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y)).toBeLessThan(12);
    });
  });

  test("a grid of faint hairlines beside columns of text is found by the last-resort pass", () => {
    expectFaintGridFound(faintHairlineGrid());
  });

  test("a faint grid on grainy paper is found: the last-resort pass drops the grain's specks", () => {
    // Pixel noise of 8 gray levels' spread: the low threshold turns it into specks that fill the cells.
    const image = faintHairlineGrid();
    const random = seededRandom(7);
    for (let i = 0; i < image.data.length; i++) {
      image.data[i] = image.data[i]! + 16 * (random() + random() + random() - 1.5);
    }
    // A speck touching the outline may pull a corner out by its own size.
    expectFaintGridFound(image, 9);
  });

  test("reports a second separate grid and takes the larger one", async () => {
    const gray = toGray(await loadPhoto(photo("image10.jpg")));
    const grid = withoutMargin(warpToSquare(gray, HAND_CORNERS["image10.jpg"]!));
    const canvas = blank(1400, 800);
    paste(canvas, grid, 700, 100);
    paste(canvas, shrink(grid, 2), 80, 200);
    const found = findGridCorners(canvas);
    expect(found?.otherGridsSeen).toBe(true);
    expect(Math.min(...found!.corners.map((p) => p.x))).toBeGreaterThan(690);
  });
});

describe("warpToSquare and sliceCells", () => {
  test("a drawn grid warps onto the square and each cell holds its own mark", () => {
    // A synthetic 9×9 grid with a dark dot in cell (row 2, col 7) only, skewed into a quad.
    const image = blank(900, 700);
    const corners: Corners = [
      { x: 150, y: 80 },
      { x: 760, y: 120 },
      { x: 730, y: 650 },
      { x: 120, y: 610 },
    ];
    const at = (u: number, v: number) => bilinearQuad(corners, u, v);
    for (let k = 0; k <= 9; k++) {
      for (let s = 0; s <= 900; s++) {
        dot(image, at(k / 9, s / 900), 2);
        dot(image, at(s / 900, k / 9), 2);
      }
    }
    dot(image, at(7.5 / 9, 2.5 / 9), 10);
    // A mark just outside the grid's left edge, where a curled page's outline may bow to.
    dot(image, at(-0.3 / 9, 4.5 / 9), 4);
    const warped = warpToSquare(image, corners);
    const side = WARP_PX + 2 * GRID_MARGIN_PX;
    expect([warped.width, warped.height]).toEqual([side, side]);
    // The margin keeps the photo around the grid, in the grid's own perspective.
    const markY = Math.round(GRID_MARGIN_PX + 4.5 * CELL_PX);
    const markX = Math.round(GRID_MARGIN_PX - 0.3 * CELL_PX);
    expect(warped.data[markY * side + markX]).toBeLessThan(100);
    const cells = sliceCells(warped);
    expect(cells).toHaveLength(81);
    const inkAtCentre = cells.map((c) => 255 - c.data[(CELL_PX / 2) * CELL_PX + CELL_PX / 2]!);
    expect(inkAtCentre.indexOf(Math.max(...inkAtCentre))).toBe(2 * 9 + 7);
    expect(inkAtCentre.filter((v) => v > 100)).toHaveLength(1);
  });
});

/**
 * 1-px grid lines 20 gray levels below the paper at (200, 120)–(650, 570), between columns of text,
 * with a digit-like bar in every third cell: the plain binarisation breaks the lines into dashes, and
 * the text outweighs them in the line pass.
 */
function faintHairlineGrid(): GrayImage {
  const image = blank(900, 700);
  for (let k = 0; k <= 9; k++) {
    for (let s = 0; s <= 450; s++) {
      image.data[(120 + 50 * k) * 900 + 200 + s] = 215;
      image.data[(120 + s) * 900 + 200 + 50 * k] = 215;
    }
  }
  for (let y = 100; y < 620; y += 16) {
    for (let x = 20; x < 880; x++) {
      if ((x < 190 || x > 660) && x % 23 < 17) for (let t = 0; t < 7; t++) image.data[(y + t) * 900 + x] = 40;
    }
  }
  for (let cell = 0; cell < 81; cell += 3) {
    const [row, col] = [Math.floor(cell / 9), cell % 9];
    for (let y = 135; y < 155; y++)
      image.data.fill(30, (y + 50 * row) * 900 + 218 + 50 * col, (y + 50 * row) * 900 + 232 + 50 * col);
  }
  return image;
}

function expectFaintGridFound(image: GrayImage, tolerance = 6): void {
  const found = findGridCorners(image);
  expect(found).not.toBeNull();
  const expected = [
    { x: 200, y: 120 },
    { x: 650, y: 120 },
    { x: 650, y: 570 },
    { x: 200, y: 570 },
  ];
  found!.corners.forEach((p, i) => {
    expect(Math.hypot(p.x - expected[i]!.x, p.y - expected[i]!.y)).toBeLessThan(tolerance);
  });
}

function blank(width: number, height: number): GrayImage {
  return { width, height, data: new Uint8ClampedArray(width * height).fill(235) };
}

function noise(width: number, height: number, seed: number): GrayImage {
  const image = blank(width, height);
  let s = seed;
  for (let i = 0; i < image.data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    image.data[i] = s >>> 24;
  }
  return image;
}

function gradient(width: number, height: number): GrayImage {
  const image = blank(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.data[y * width + x] = (x + y) % 256;
  return image;
}

/** Lines of dark dashes, like a column of text. */
function stripes(width: number, height: number): GrayImage {
  const image = blank(width, height);
  for (let y = 40; y < height - 40; y += 18) {
    for (let x = 40; x < width - 40; x++) {
      if (x % 37 < 28) for (let t = 0; t < 6; t++) image.data[(y + t) * width + x] = 30;
    }
  }
  return image;
}

function shrink(image: GrayImage, factor: number): GrayImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = blank(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        for (let dx = 0; dx < factor; dx++)
          sum += image.data[(y * factor + dy) * image.width + x * factor + dx]!;
      }
      out.data[y * width + x] = sum / factor ** 2;
    }
  }
  return out;
}

test("a fold line reaching out of the grid's outline adds a fifth hull point: the quad without it is tried", () => {
  const cv = opencv();
  // The grid's outline (a 400-px square, turned a little) and the tip of a fold line past its top edge.
  const grid: Corners = [
    { x: 100, y: 120 },
    { x: 500, y: 150 },
    { x: 470, y: 550 },
    { x: 70, y: 520 },
  ];
  const tip = { x: 420, y: 20 };
  const hull = cv.matFromArray(
    5,
    1,
    cv.CV_32SC2,
    [grid[0], tip, grid[1], grid[2], grid[3]].flatMap((p) => [p.x, p.y]),
  );
  try {
    const near = (q: Corners) => q.every((p, i) => Math.hypot(p.x - grid[i]!.x, p.y - grid[i]!.y) < 2);
    expect(quadHypotheses(cv, hull).some(near)).toBe(true);
  } finally {
    hull.delete();
  }
});

function paste(into: GrayImage, image: GrayImage, left: number, top: number): void {
  for (let y = 0; y < image.height; y++) {
    into.data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (top + y) * into.width + left);
  }
}

function bilinearQuad(c: Corners, u: number, v: number): { x: number; y: number } {
  const top = { x: c[0].x + (c[1].x - c[0].x) * u, y: c[0].y + (c[1].y - c[0].y) * u };
  const bottom = { x: c[3].x + (c[2].x - c[3].x) * u, y: c[3].y + (c[2].y - c[3].y) * u };
  return { x: top.x + (bottom.x - top.x) * v, y: top.y + (bottom.y - top.y) * v };
}

function dot(image: GrayImage, p: { x: number; y: number }, r: number): void {
  for (let y = Math.floor(p.y - r); y <= p.y + r; y++) {
    for (let x = Math.floor(p.x - r); x <= p.x + r; x++) {
      if ((x - p.x) ** 2 + (y - p.y) ** 2 <= r * r) image.data[y * image.width + x] = 20;
    }
  }
}

describe("wholeGridOfBox", () => {
  // A grid photographed a little askew, and quads fitted around one of its 3×3 boxes or elsewhere.
  const grid: Corners = [
    { x: 100, y: 80 },
    { x: 700, y: 110 },
    { x: 690, y: 690 },
    { x: 90, y: 660 },
  ];
  const fit = (corners: Corners): Candidate => ({ corners, area: quadArea(corners), score: 0.1 });
  const at = (u: number, v: number) => bilinearQuad(grid, u, v);
  const box = (row: number, col: number, shift = 0): Corners => [
    at((col + shift) / 3, row / 3),
    at((col + 1 + shift) / 3, row / 3),
    at((col + 1 + shift) / 3, (row + 1) / 3),
    at((col + shift) / 3, (row + 1) / 3),
  ];
  const page = fit([
    { x: 0, y: 0 },
    { x: 1000, y: 0 },
    { x: 1000, y: 900 },
    { x: 0, y: 900 },
  ]);

  test("a grid found as one of its own 3×3 boxes gives way to the outline around it", () => {
    for (const [row, col] of [
      [0, 0],
      [1, 2],
      [2, 1],
    ] as const) {
      expect(wholeGridOfBox(fit(box(row, col)), [page, fit(grid)])?.corners).toEqual(grid);
    }
  });

  test("a grid that is no box of a larger outline stays the grid", () => {
    // Half a box off: a separate square beside a larger shape, not one of its boxes.
    expect(wholeGridOfBox(fit(box(1, 1, 0.5)), [page, fit(grid)])).toBeUndefined();
    expect(wholeGridOfBox(fit(grid), [page])).toBeUndefined();
  });
});
