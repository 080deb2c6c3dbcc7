import type { Corners, GrayImage } from "../shared/image.ts";
import { toRgba, type RgbaImage } from "./gray.ts";

/** The stage images of one read, as RGBA (the worker wraps them in ImageData for transfer). */
export interface StageImages {
  threshold?: RgbaImage;
  contour?: RgbaImage;
  warped?: RgbaImage;
  cells?: RgbaImage[];
}

/** The photo (at detection scale) with the grid's outline in red and its first corner marked. */
export function outlineGrid(gray: GrayImage, corners: Corners): RgbaImage {
  const image = toRgba(gray);
  const radius = Math.max(1, Math.round(Math.max(gray.width, gray.height) / 400));
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2);
    for (let s = 0; s <= steps; s++) {
      const t = s / Math.max(1, steps);
      disc(image, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, radius);
    }
  }
  disc(image, corners[0].x, corners[0].y, radius * 4);
  return image;
}

function disc(image: RgbaImage, cx: number, cy: number, r: number): void {
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      const j = (y * image.width + x) * 4;
      image.data[j] = 230;
      image.data[j + 1] = 30;
      image.data[j + 2] = 30;
    }
  }
}
