import { PhotoFailure } from "../vision/photo-failure.ts";
import type { DecodedPhoto } from "../vision/read-grid.ts";
import {
  checkPhotoBytes,
  checkPhotoSize,
  DECODE_MAX_SIDE,
  FORMAT_NAMES,
  headerSize,
  sniffFormat,
} from "../vision/photo-format.ts";

/**
 * Decodes a photo in the worker with its EXIF orientation applied, as the user sees it. Bad files
 * are refused from their bytes before decoding; big photos are decoded already shrunk, so a
 * 50-MP panorama never lands in memory at full size.
 */
export async function decodePhotoBlob(blob: Blob): Promise<DecodedPhoto> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const refusal = checkPhotoBytes(bytes);
  if (refusal) throw new PhotoFailure(refusal);
  const format = sniffFormat(bytes.subarray(0, 512))!;
  const size = headerSize(bytes, format);
  const shrink = size ? Math.min(1, DECODE_MAX_SIDE / Math.max(size.width, size.height)) : 1;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes]), {
      imageOrientation: "from-image",
      ...(shrink < 1 && size
        ? { resizeWidth: Math.round(size.width * shrink), resizeQuality: "high" as const }
        : {}),
    });
  } catch {
    throw new PhotoFailure(
      format === "heic"
        ? { code: "unsupported-format", format: FORMAT_NAMES.heic }
        : { code: "not-an-image", detail: "the picture could not be decoded (damaged or cut short?)" },
    );
  }
  try {
    const refusedAfter = checkPhotoSize(bitmap.width, bitmap.height);
    if (refusedAfter) throw new PhotoFailure(refusedAfter);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D context in the worker");
    context.drawImage(bitmap, 0, 0);
    // Orientation may swap width and height; the long side scales the same either way.
    const scale = size ? Math.max(bitmap.width, bitmap.height) / Math.max(size.width, size.height) : 1;
    return { image: context.getImageData(0, 0, bitmap.width, bitmap.height), scale };
  } finally {
    bitmap.close();
  }
}
