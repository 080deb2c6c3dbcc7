import { GRID_MARGIN_PX, UNSKEWED_PX, WARP_PX } from "../digits/geometry.ts";
import { projectRect, squareToQuad } from "../shared/homography.ts";
import { mapCorners, type Corners, type GrayImage } from "../shared/image.ts";
import { grayFromMat, matFromGray } from "./gray.ts";
import { opencv, withMats, type Mat } from "./opencv.ts";

/**
 * Perspective-warps the quad `corners` of `src` onto a `size`² square (into `dst`).
 * Corners map to the square's corners in order TL, TR, BR, BL.
 */
export function warpQuad(src: Mat, dst: Mat, corners: Corners, size: number, interpolation: number) {
  const cv = opencv();
  withMats((track) => {
    const from = track(
      cv.matFromArray(
        4,
        1,
        cv.CV_32FC2,
        corners.flatMap((p) => [p.x, p.y]),
      ),
    );
    const to = track(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, size, 0, size, size, 0, size]));
    const m = track(cv.getPerspectiveTransform(from, to));
    cv.warpPerspective(src, dst, m, new cv.Size(size, size), interpolation, cv.BORDER_REPLICATE);
  });
}

/**
 * Unskews the grid to a WARP_PX² square framed by GRID_MARGIN_PX of the photo around it (the plane's
 * perspective carried on past the corners). A warp samples, it doesn't average: when the grid is much
 * larger than the output (12-MP photos), its bounding box is first shrunk with area averaging so
 * thin strokes don't alias away.
 */
export function warpToSquare(gray: GrayImage, grid: Corners): GrayImage {
  const corners = framedCorners(grid);
  const cv = opencv();
  return withMats((track) => {
    const src = track(matFromGray(gray));
    const { x0, y0, width, height, shrink } = warpSource(corners, gray);
    const roi = track(src.roi(new cv.Rect(x0, y0, width, height)));
    let source = roi;
    if (shrink < 1) {
      source = track(new cv.Mat());
      const target = new cv.Size(
        Math.max(1, Math.round(width * shrink)),
        Math.max(1, Math.round(height * shrink)),
      );
      cv.resize(roi, source, target, 0, 0, cv.INTER_AREA);
    }
    const fx = source.cols / width;
    const fy = source.rows / height;
    const local = mapCorners(corners, (p) => ({ x: (p.x - x0) * fx, y: (p.y - y0) * fy }));
    const dst = track(new cv.Mat());
    warpQuad(source, dst, local, UNSKEWED_PX, cv.INTER_LINEAR);
    return grayFromMat(dst);
  });
}

/**
 * What of an image the unskewing of a framed grid (`framedCorners`) reads: the corners' bounding box, 2 px
 * around and within the image, and the area shrink that brings it within 1.5× the unskewed square.
 */
export function warpSource(
  framed: Corners,
  image: { width: number; height: number },
): { x0: number; y0: number; width: number; height: number; shrink: number } {
  const xs = framed.map((p) => p.x);
  const ys = framed.map((p) => p.y);
  const x0 = clamp(Math.floor(Math.min(...xs)) - 2, 0, image.width - 1);
  const y0 = clamp(Math.floor(Math.min(...ys)) - 2, 0, image.height - 1);
  const width = clamp(Math.ceil(Math.max(...xs)) + 2, x0 + 1, image.width) - x0;
  const height = clamp(Math.ceil(Math.max(...ys)) + 2, y0 + 1, image.height) - y0;
  const shrink = Math.min(1, (1.5 * UNSKEWED_PX) / Math.max(width, height));
  return { x0, y0, width, height, shrink };
}

/** The corners of the grid and the margin around it (`warpToSquare`), in the grid's perspective. */
export function framedCorners(grid: Corners): Corners {
  const m = GRID_MARGIN_PX / WARP_PX;
  return projectRect(squareToQuad(grid), -m, -m, 1 + m, 1 + m);
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
