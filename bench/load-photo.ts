import { readFile } from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { RgbaImage } from "../src/vision/gray.ts";

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
