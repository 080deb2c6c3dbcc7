import { readFile } from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { RgbaImage } from "../src/vision/gray.ts";
import { DECODE_MAX_SIDE } from "../src/vision/photo-format.ts";
import type { DecodedPhoto } from "../src/vision/read-grid.ts";

/**
 * Node's stand-in for the browser decode: @napi-rs/canvas applies the EXIF orientation like
 * `createImageBitmap(…, { imageOrientation: "from-image" })`, so photos whose tag disagrees with
 * their pixels arrive turned, exactly as in the app (the pipeline's rotation check undoes it).
 */
export async function loadPhoto(path: string): Promise<RgbaImage> {
  return decodePhoto(await readFile(path));
}

export async function decodePhoto(bytes: Uint8Array): Promise<RgbaImage> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { width, height, data } = context.getImageData(0, 0, image.width, image.height);
  return { width, height, data };
}

/**
 * Like the worker's decode: a big photo is drawn straight to at most DECODE_MAX_SIDE (cheaper than
 * the full-size bitmap plus a shrink), and the result says by how much.
 */
export async function decodePhotoShrunk(bytes: Uint8Array): Promise<DecodedPhoto> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const scale = Math.min(1, DECODE_MAX_SIDE / Math.max(image.width, image.height));
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const context = createCanvas(width, height).getContext("2d");
  context.drawImage(image, 0, 0, width, height);
  return { image: context.getImageData(0, 0, width, height), scale: width / image.width };
}
