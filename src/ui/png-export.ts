import type { Board } from "./board.ts";
import { drawSolution, type GridPlacement } from "./overlay.ts";

/** Longest side of the exported picture: plenty to read, small enough to encode quickly. */
const EXPORT_MAX_SIDE = 2048;

/** The photo (at most 2048 px on its long side) with the answer drawn on it, as a PNG. */
export async function solutionPng(
  photo: Blob,
  size: { width: number; height: number },
  board: Board,
  placement: GridPlacement,
): Promise<Blob | null> {
  const scale = Math.min(1, EXPORT_MAX_SIDE / Math.max(size.width, size.height));
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  // Decode and scale off the main thread; drawing a 12-MP <img> into a canvas would be a long task.
  const bitmap = await createImageBitmap(photo, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: "high",
    imageOrientation: "from-image",
  });
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d")!;
  try {
    ctx.drawImage(bitmap, 0, 0);
  } finally {
    bitmap.close();
  }
  drawSolution(ctx, board, placement, scale);
  return canvas.convertToBlob({ type: "image/png" });
}

/** Hands a blob to the browser's download UI. */
export function saveAs(blob: Blob, fileName: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The download has started by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
