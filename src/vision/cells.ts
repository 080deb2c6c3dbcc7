import { CELL_PX, GRID_MARGIN_PX, UNSKEWED_PX } from "../digits/geometry.ts";
import { squareToQuad, type Homography } from "../shared/homography.ts";
import type { Corners, GrayImage, Point } from "../shared/image.ts";
import { gridLines, gridMargin, lineAt, type GridLines } from "./cell-bounds.ts";

/**
 * Cuts the unskewed grid (`warpToSquare`: WARP_PX² in a margin) into its 81 cells, row-major, each
 * resampled to CELL_PX² from the quad between the grid lines around it as found in the image
 * (`gridLines`; a flat, well-found grid cuts at exactly k × CELL_PX). Grid-line remnants at the edges
 * are left for the digit preprocessing, which knows how to ignore them.
 */
export function sliceCells(warped: GrayImage, lines: GridLines = gridLines(warped)): GrayImage[] {
  return cellQuads(lines, gridMargin(warped)).map((quad) => resample(warped, quad));
}

/**
 * Cuts other planes of the photo (its colour) into the cells `sliceCells` cut from the gray unskewed grid
 * (along the same `lines`), straight from the planes, and only the cells asked for: each sample is
 * mapped through the unskewing rather than each whole plane warped first and then cut, which took most
 * of the colour's 60 ms a dev photo.
 * @param planes the same box of the photo, as large as each other
 * @param framed where the unskewed square's corners lie in the planes (`framedCorners` of the grid's)
 * @returns cell i's (row-major) cut of each plane
 */
export function cellCutter(
  planes: readonly GrayImage[],
  framed: Corners,
  lines: GridLines,
): (i: number) => GrayImage[] {
  // From the unskewed square's pixels, through the unit square, into the planes.
  const [a, b, c, d, e, f, g, h, i] = squareToQuad(framed);
  const n = UNSKEWED_PX;
  const squareToPlane: Homography = [a / n, b / n, c, d / n, e / n, f, g / n, h / n, i];
  const quads = cellQuads(lines, GRID_MARGIN_PX);
  return (cell) => planes.map((plane) => resample(plane, quads[cell]!, squareToPlane));
}

/** The 81 cells' quads (TL, TR, BR, BL) in the unskewed square, row-major, where `lines` cross. */
function cellQuads({ vertical, horizontal }: GridLines, margin: number): Corners[] {
  const crossing = (col: number, row: number) => {
    const { x, y } = cross(vertical[col]!, horizontal[row]!);
    return { x: x + margin, y: y + margin };
  };
  const quads: Corners[] = [];
  for (let row = 0; row < 9; row++) {
    for (let col = 0; col < 9; col++) {
      quads.push([
        crossing(col, row),
        crossing(col + 1, row),
        crossing(col + 1, row + 1),
        crossing(col, row + 1),
      ]);
    }
  }
  return quads;
}

/**
 * Where a vertical line (its x at each band edge y = j × CELL_PX) crosses a horizontal one (its y
 * at each x = j × CELL_PX): both are nearly axis-parallel, so a few alternating look-ups settle it.
 */
function cross(vertical: readonly number[], horizontal: readonly number[]): Point {
  let x = lineAt(vertical, 0);
  let y = lineAt(horizontal, x);
  for (let i = 0; i < 2; i++) {
    x = lineAt(vertical, y);
    y = lineAt(horizontal, x);
  }
  return { x, y };
}

/** Each output column's share across the cell (u) and what remains (1 − u), shared by every cut. */
const ACROSS = Float64Array.from({ length: CELL_PX }, (_, o) => (o + 0.5) / CELL_PX);
const REST = ACROSS.map((u) => 1 - u);

/**
 * The quad TL, TR, BR, BL scaled to CELL_PX² (bilinear in both the mapping and the sampling; an
 * axis-aligned CELL_PX² square is copied as is). The mapping's terms that depend on one axis only are
 * computed once per row or column (81 cells × 4,096 samples a photo).
 * @param through where the quad's plane maps into `image`'s (none: it is `image`'s own)
 */
function resample(image: GrayImage, [tl, tr, br, bl]: Corners, through?: Homography): GrayImage {
  const data = new Uint8ClampedArray(CELL_PX * CELL_PX);
  const source = image.data;
  const side = image.width;
  const lastX = side - 1;
  const lastY = image.height - 1;
  const [a, b, c, d, e, f, g, h, i] = through ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  // x along the top and bottom edges, per column.
  const topX = ACROSS.map((u) => tl.x + (tr.x - tl.x) * u);
  const bottomX = ACROSS.map((u) => bl.x + (br.x - bl.x) * u);
  for (let oy = 0; oy < CELL_PX; oy++) {
    const v = ACROSS[oy]!;
    const w = REST[oy]!;
    // y down the left and right edges, at this row.
    const leftY = tl.y + (bl.y - tl.y) * v;
    const rightY = tr.y + (br.y - tr.y) * v;
    const row = oy * CELL_PX;
    for (let ox = 0; ox < CELL_PX; ox++) {
      const u = ACROSS[ox]!;
      let sx = w * topX[ox]! + v * bottomX[ox]! - 0.5;
      let sy = REST[ox]! * leftY + u * rightY - 0.5;
      if (through) {
        const scale = g * sx + h * sy + i;
        const px = (a * sx + b * sy + c) / scale;
        sy = (d * sx + e * sy + f) / scale;
        sx = px;
      }
      const x = Math.min(lastX, Math.max(0, sx));
      const y = Math.min(lastY, Math.max(0, sy));
      const xa = Math.floor(x);
      const xb = Math.min(lastX, xa + 1);
      const fx = x - xa;
      const ya = Math.floor(y);
      const yb = Math.min(lastY, ya + 1);
      const fy = y - ya;
      const top = source[ya * side + xa]! * (1 - fx) + source[ya * side + xb]! * fx;
      const bottom = source[yb * side + xa]! * (1 - fx) + source[yb * side + xb]! * fx;
      data[row + ox] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: CELL_PX, height: CELL_PX, data };
}
