import { createCanvas } from "@napi-rs/canvas";
import { beforeAll, describe, expect, test } from "vitest";
import { CELL_PX, MODEL_INPUT_PX } from "../../src/digits/geometry.ts";
import { offCentre } from "../../src/digits/empty-cell.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { createRng } from "../../training/digits/rng.ts";

interface Scene {
  digit?: string;
  /** Digit centre offset from the cell centre, px. */
  dx?: number;
  dy?: number;
  ink?: string;
  paper?: string;
  /** Grid lines: [side, offset from the edge, thickness] */
  lines?: [side: "top" | "left" | "bottom" | "right", offset: number, thickness: number][];
  /** Darkening from left (0) to right (alpha). */
  shade?: number;
  noise?: number;
}

function drawCell(scene: Scene): GrayImage {
  const canvas = createCanvas(CELL_PX, CELL_PX);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = scene.paper ?? "rgb(215,210,200)";
  ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  ctx.fillStyle = scene.ink ?? "rgb(25,25,25)";
  if (scene.digit) {
    ctx.font = `44px "roboto-700"`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillText(scene.digit, CELL_PX / 2 + (scene.dx ?? 0), CELL_PX / 2 + (scene.dy ?? 0));
  }
  ctx.fillStyle = "rgb(20,20,20)";
  for (const [side, offset, t] of scene.lines ?? []) {
    if (side === "top") ctx.fillRect(0, offset, CELL_PX, t);
    if (side === "bottom") ctx.fillRect(0, CELL_PX - offset - t, CELL_PX, t);
    if (side === "left") ctx.fillRect(offset, 0, t, CELL_PX);
    if (side === "right") ctx.fillRect(CELL_PX - offset - t, 0, t, CELL_PX);
  }
  if (scene.shade) {
    const g = ctx.createLinearGradient(0, 0, CELL_PX, 0);
    g.addColorStop(0, "rgba(0,0,0,0)");
    g.addColorStop(1, `rgba(0,0,0,${scene.shade})`);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, CELL_PX, CELL_PX);
  }
  const rgba = ctx.getImageData(0, 0, CELL_PX, CELL_PX).data;
  const rng = createRng(3);
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  for (let i = 0; i < data.length; i++) {
    const luma = (77 * rgba[i * 4]! + 150 * rgba[i * 4 + 1]! + 29 * rgba[i * 4 + 2]!) >> 8;
    data[i] = luma + (scene.noise ?? 0) * rng.normal();
  }
  return { width: CELL_PX, height: CELL_PX, data };
}

function centreOfMass(input: Float32Array): { x: number; y: number } {
  let m = 0;
  let x = 0;
  let y = 0;
  input.forEach((v, i) => {
    m += v;
    x += v * ((i % MODEL_INPUT_PX) + 0.5);
    y += v * (Math.floor(i / MODEL_INPUT_PX) + 0.5);
  });
  return { x: x / m, y: y / m };
}

const meanAbsDiff = (a: Float32Array, b: Float32Array): number =>
  a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

beforeAll(() => {
  registerFonts();
});

describe("prepareCell", () => {
  const clean = (): Float32Array => prepareCell(drawCell({ digit: "5" })).input;

  test("keeps a digit, drops grid-line fragments at the edges, and centres it", () => {
    const cell = drawCell({
      digit: "5",
      dx: 5,
      dy: -3,
      lines: [
        ["top", 1, 4],
        ["left", 0, 2],
        ["right", 3, 3],
        ["bottom", -1, 3],
      ],
    });
    const prepared = prepareCell(cell);
    expect(prepared.empty).toBe(false);
    const c = centreOfMass(prepared.input);
    expect(Math.abs(c.x - MODEL_INPUT_PX / 2)).toBeLessThan(2);
    expect(Math.abs(c.y - MODEL_INPUT_PX / 2)).toBeLessThan(2);
    // The same digit without lines or offset gives (almost) the same input: the lines are gone.
    expect(meanAbsDiff(prepared.input, clean())).toBeLessThan(0.03);
    // Nothing is left in the outer frame of the tile, where a line remnant would be drawn.
    const frame = prepared.input.filter((_, i) => {
      const x = i % MODEL_INPUT_PX;
      const y = Math.floor(i / MODEL_INPUT_PX);
      return x < 2 || y < 2 || x >= MODEL_INPUT_PX - 2 || y >= MODEL_INPUT_PX - 2;
    });
    expect(Math.max(...frame)).toBeLessThan(0.05);
  });

  test("measures where the ink sits from the cell's centre, as shares of the cell", () => {
    /** A dark bar 8×30 px centred at (x, y) on light paper: a "1" whose box centre is known. */
    const bar = (x: number, y: number): GrayImage => ({
      width: CELL_PX,
      height: CELL_PX,
      data: Uint8ClampedArray.from({ length: CELL_PX * CELL_PX }, (_, i) =>
        Math.abs((i % CELL_PX) + 0.5 - x) < 4 && Math.abs(Math.floor(i / CELL_PX) + 0.5 - y) < 15 ? 30 : 210,
      ),
    });
    const centre = CELL_PX / 2;
    expect(offCentre(prepareCell(bar(centre, centre)).shape!)).toBeLessThan(0.01);
    const offset = prepareCell(bar(centre + 12, centre - 12)).shape!.offset;
    expect(offset.x).toBeCloseTo(12 / CELL_PX, 2);
    expect(offset.y).toBeCloseTo(-12 / CELL_PX, 2);
  });

  test("a grid-line corner left inside the cell beside the digit is dropped", () => {
    // A warp a few pixels off leaves the corner where two lines cross inside the cell, clear of its
    // border: kept, it would stretch the digit's box and shrink the digit to a corner of the tile.
    const cell = drawCell({ digit: "5" });
    const ink = (x: number, y: number) => (cell.data[y * CELL_PX + x] = 20);
    for (let k = 0; k < 11; k++) {
      for (const t of [0, 1]) {
        ink(45 + k, 4 + t);
        ink(54 + t, 4 + k);
      }
    }
    const prepared = prepareCell(cell);
    expect(prepared.empty).toBe(false);
    expect(meanAbsDiff(prepared.input, clean())).toBeLessThan(0.03);
  });

  test("a line corner whose box only touches the digit's box is dropped", () => {
    // The corner of two lines beside the digit, its box sharing one pixel with the digit's box: it
    // lies in the edge band and is no part of the digit.
    const cell = drawCell({ digit: "5" });
    const box = prepareCell(cell).box!;
    const ink = (x: number, y: number) => (cell.data[y * CELL_PX + x] = 20);
    for (let k = 0; k <= box.x0 - 3; k++) for (const t of [0, 1]) ink(3 + k, CELL_PX - 5 + t);
    for (let k = box.y1; k < CELL_PX - 4; k++) for (const t of [0, 1]) ink(3 + t, k);
    const prepared = prepareCell(cell);
    expect(prepared.empty).toBe(false);
    expect(meanAbsDiff(prepared.input, clean())).toBeLessThan(0.03);
  });

  test("a slanted grid line along the cell's side is dropped", () => {
    // A curled page bends the lines, so a line remnant runs through the cell at a slant: its box is
    // wide, but each row of it is a few pixels across.
    const cell = drawCell({ digit: "5", dx: -6 });
    for (let y = 0; y < CELL_PX; y++) {
      const x0 = Math.round(52 - (12 * y) / CELL_PX);
      for (let x = x0; x < x0 + 3; x++) cell.data[y * CELL_PX + x] = 20;
    }
    const prepared = prepareCell(cell);
    expect(prepared.empty).toBe(false);
    expect(meanAbsDiff(prepared.input, clean())).toBeLessThan(0.03);
  });

  test("a written 1 that runs over the cell's edge is kept; a line along or across the cell is not", () => {
    /**
     * A dark bar 6 px wide from row y0 to row y1 (inclusive) on light paper, centred at x on row y0 and
     * moving `slant` px across per row down.
     */
    const bar = (x: number, y0: number, y1: number, slant = 0): GrayImage => ({
      width: CELL_PX,
      height: CELL_PX,
      data: Uint8ClampedArray.from({ length: CELL_PX * CELL_PX }, (_, i) => {
        const y = Math.floor(i / CELL_PX);
        const across = (i % CELL_PX) + 0.5 - (x + slant * (y - y0));
        return Math.abs(across) < 3 && y >= y0 && y <= y1 ? 30 : 210;
      }),
    });
    const centre = CELL_PX / 2;
    const overshoot = prepareCell(bar(centre, CELL_PX / 4, CELL_PX - 1));
    expect(overshoot.empty).toBe(false);
    expect(overshoot.box!.y1).toBe(CELL_PX - 1);
    expect(prepareCell(bar(centre, 0, (3 * CELL_PX) / 4)).empty).toBe(false);
    // The same stroke near the side is a grid line a curled page's cut left inside the cell…
    expect(prepareCell(bar(CELL_PX / 5, CELL_PX / 4, CELL_PX - 1)).empty).toBe(true);
    // …and one that crosses the cell from edge to edge is a crease or a line.
    expect(prepareCell(bar(centre, 0, CELL_PX - 1)).empty).toBe(true);
    // A slanted 1 (about 30°) through the cell's middle may meet the edge off its middle, where a
    // line left by the cut, within a few degrees of its side, is not a stroke.
    const slanted = prepareCell(bar(0.75 * CELL_PX, CELL_PX / 8, CELL_PX - 1, -0.6));
    expect(slanted.empty).toBe(false);
    expect(slanted.box!.x0).toBeLessThan(0.3 * CELL_PX);
    expect(prepareCell(bar(0.35 * CELL_PX, CELL_PX / 4, CELL_PX - 1, -0.1)).empty).toBe(true);
    // A slanted line beside the middle is a crease of the page.
    expect(prepareCell(bar(0.375 * CELL_PX, 0, 0.8 * CELL_PX, -0.4)).empty).toBe(true);
  });

  test("reads ink values in 0..1 with strokes at full strength", () => {
    const { input } = prepareCell(drawCell({ digit: "8" }));
    expect(Math.min(...input)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...input)).toBe(1);
    expect(input.length).toBe(MODEL_INPUT_PX * MODEL_INPUT_PX);
  });

  test("a blank cell with grid lines and noise is empty", () => {
    const prepared = prepareCell(
      drawCell({
        lines: [
          ["top", 0, 5],
          ["left", 2, 2],
          ["bottom", 1, 2],
        ],
        noise: 6,
      }),
    );
    expect(prepared.empty).toBe(true);
    expect(prepared.inkFraction).toBeLessThan(0.01);
  });

  test("a blank cell with a few specks is empty", () => {
    const canvasCell = drawCell({ noise: 3 });
    for (const [x, y] of [
      [20, 30],
      [40, 12],
      [33, 45],
    ] as const) {
      canvasCell.data[y * CELL_PX + x] = 30;
      canvasCell.data[y * CELL_PX + x + 1] = 30;
    }
    expect(prepareCell(canvasCell).empty).toBe(true);
  });

  test("shading across the cell and red ink do not change the reading", () => {
    const shaded = prepareCell(drawCell({ digit: "5", shade: 0.6 }));
    const red = prepareCell(drawCell({ digit: "5", ink: "rgb(200,30,30)", paper: "rgb(235,235,230)" }));
    for (const p of [shaded, red]) {
      expect(p.empty).toBe(false);
      expect(meanAbsDiff(p.input, clean())).toBeLessThan(0.05);
    }
  });

  test("a digit touching a grid line is kept whole", () => {
    // The stem crosses the line: only the few rows under the line are lost, not the whole digit.
    const prepared = prepareCell(drawCell({ digit: "7", dy: 14, lines: [["bottom", 1, 3]] }));
    const alone = prepareCell(drawCell({ digit: "7" }));
    expect(prepared.empty).toBe(false);
    expect(meanAbsDiff(prepared.input, alone.input)).toBeLessThan(0.06);
  });
});
