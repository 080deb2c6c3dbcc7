import type { GrayImage } from "../shared/image.ts";
import { opencv, withMats, type Mat } from "./opencv.ts";

/** RGBA pixels as in `ImageData`; a structural type so Node code (no ImageData) can pass plain objects. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Rec. 601 luma in integer arithmetic: red print stays dark enough to read as ink. */
export function toGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) {
    out[i] = (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]!) >> 8;
  }
  return { width, height, data: out };
}

/**
 * The photo's colour apart from its brightness, as two opponent planes offset by 128 (gray = 128):
 * blue against yellow (B − (R + G)/2) and red against green (R − G), each halved to fit a byte.
 * Enough to tell blue or red pen from black print (`inkTint`).
 */
export function toChroma(image: RgbaImage): readonly [GrayImage, GrayImage] {
  const { width, height, data } = image;
  const blueYellow = new Uint8ClampedArray(width * height);
  const redGreen = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < blueYellow.length; i++, j += 4) {
    const r = data[j]!;
    const g = data[j + 1]!;
    blueYellow[i] = 128 + ((2 * data[j + 2]! - r - g) >> 2);
    redGreen[i] = 128 + ((r - g) >> 1);
  }
  return [
    { width, height, data: blueYellow },
    { width, height, data: redGreen },
  ];
}

/** Gray back to opaque RGBA, for debug images. */
export function toRgba(gray: GrayImage): RgbaImage {
  const data = new Uint8ClampedArray(gray.width * gray.height * 4);
  for (let i = 0, j = 0; i < gray.data.length; i++, j += 4) {
    const v = gray.data[i]!;
    data[j] = v;
    data[j + 1] = v;
    data[j + 2] = v;
    data[j + 3] = 255;
  }
  return { width: gray.width, height: gray.height, data };
}

/**
 * The box (`x0`, `y0`, `width`, `height` in its pixels) of an RGBA photo, shrunk by `scale` ≤ 1 with area
 * averaging. Only the box's rows are copied into the wasm heap, not the whole photo.
 */
export function cropRgba(
  image: RgbaImage,
  box: { x0: number; y0: number; width: number; height: number },
  scale: number,
): RgbaImage {
  const cv = opencv();
  return withMats((track) => {
    const crop = track(new cv.Mat(box.height, box.width, cv.CV_8UC4));
    const row = box.width * 4;
    for (let y = 0; y < box.height; y++) {
      const from = ((box.y0 + y) * image.width + box.x0) * 4;
      crop.data.set(image.data.subarray(from, from + row), y * row);
    }
    let out = crop;
    if (scale < 1) {
      out = track(new cv.Mat());
      const size = new cv.Size(
        Math.max(1, Math.round(box.width * scale)),
        Math.max(1, Math.round(box.height * scale)),
      );
      cv.resize(crop, out, size, 0, 0, cv.INTER_AREA);
    }
    return { width: out.cols, height: out.rows, data: new Uint8ClampedArray(out.data) };
  });
}

/** Copies a gray image into a new CV_8UC1 Mat; the caller owns (deletes) it. */
export function matFromGray(gray: GrayImage): Mat {
  const cv = opencv();
  const mat = new cv.Mat(gray.height, gray.width, cv.CV_8UC1);
  mat.data.set(gray.data);
  return mat;
}

/** Copies a CV_8UC1 Mat out of the wasm heap (the heap view dies with the Mat). */
export function grayFromMat(mat: Mat): GrayImage {
  return { width: mat.cols, height: mat.rows, data: new Uint8ClampedArray(mat.data) };
}

/** Shrinks so the long side is at most `maxSide` (area averaging: no aliasing); never enlarges. */
export function downscale(gray: GrayImage, maxSide: number): { image: GrayImage; scale: number } {
  return resize(gray, maxSide, 0);
}

/**
 * Scales so the long side lies within `minSide`…`maxSide`: shrinks with area averaging (no
 * aliasing), enlarges bilinearly.
 */
export function resize(
  gray: GrayImage,
  maxSide: number,
  minSide: number,
): { image: GrayImage; scale: number } {
  const long = Math.max(gray.width, gray.height);
  const scale = long > maxSide ? maxSide / long : long < minSide ? minSide / long : 1;
  if (scale === 1) return { image: gray, scale };
  const cv = opencv();
  const src = matFromGray(gray);
  const dst = new cv.Mat();
  try {
    const size = new cv.Size(Math.round(gray.width * scale), Math.round(gray.height * scale));
    cv.resize(src, dst, size, 0, 0, scale < 1 ? cv.INTER_AREA : cv.INTER_LINEAR);
    return { image: grayFromMat(dst), scale: dst.cols / gray.width };
  } finally {
    src.delete();
    dst.delete();
  }
}
