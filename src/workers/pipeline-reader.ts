// The pipeline worker's heavy half (TF.js, the stages, the digit model), imported once the worker runs,
// while OpenCV.js is already downloading: its ~900 KB are no longer in the way of the first byte of the
// 8-MB OpenCV wasm. Its functions need OpenCV loaded (`loadOpenCV`) before they read.
import * as Comlink from "comlink";
import * as tf from "@tensorflow/tfjs-core";
import { createDigitClassifier, type DigitClassifier } from "../digits/classifier.ts";
import { WARP_PX } from "../digits/geometry.ts";
import type { Corners } from "../shared/image.ts";
import type { DebugImages, PipelineStage, ReadResult } from "../shared/reading.ts";
import { toGray, type RgbaImage } from "../vision/gray.ts";
import { wasmHeapInUse } from "../vision/heap-usage.ts";
import { opencv } from "../vision/opencv.ts";
import { readGrid, rehearseCells, type DecodedPhoto, type GridReading } from "../vision/read-grid.ts";
import { drawnGrid } from "./drawn-grid.ts";
import { modelWithProgress } from "./model-browser.ts";
import { useBrowserWasmBackend } from "./tfjs-wasm-browser.ts";

export { readFrames, rehearseRead, sightGrid } from "./live-frames.ts";

/** This chunk's own URL: the worker keeps it for offline use like its entry script. */
export const READER_SCRIPT = import.meta.url;

/**
 * TF.js's wasm backend and the digit model, then the read's OpenCV-free stages rehearsed on a drawn
 * grid (`rehearseCells`): all while OpenCV's wasm is still streaming in, so the first photo runs warm.
 */
export async function loadClassifier(
  assetBase: string,
  onModelBytes: (loaded: number, total: number) => void,
): Promise<DigitClassifier> {
  const model = createDigitClassifier(
    modelWithProgress(new URL("models/digits/model.json", assetBase), onModelBytes),
  );
  await useBrowserWasmBackend();
  const drawn = drawnGrid(WARP_PX, 0);
  // Without a 2D canvas only the weights load (an empty batch predicts nothing).
  await (drawn ? rehearseCells(toGray(drawn), model) : model.classifyCells([]));
  return model;
}

export interface PhotoReadOptions {
  debug: boolean;
  corners?: Corners;
  beforeStage: (stage: PipelineStage) => Promise<void>;
}

/** Reads a decoded photo into what the page shows, its debug images transferred. */
export async function readPhoto(
  decoded: DecodedPhoto,
  model: DigitClassifier,
  options: PhotoReadOptions,
): Promise<ReadResult> {
  const reading = await readGrid(() => decoded, model, {
    debug: options.debug,
    ...(options.corners ? { corners: options.corners } : {}),
    beforeStage: options.beforeStage,
  });
  return toTransferable(reading);
}

/** What the worker holds now (for `npm run soak`); call it after a read, once everything is loaded. */
export function memoryStats(): { wasmHeapBytes: number; wasmHeapInUseBytes: number; tensors: number } {
  const cv = opencv();
  return {
    wasmHeapBytes: cv.HEAPU8.length,
    wasmHeapInUseBytes: wasmHeapInUse(cv),
    tensors: tf.memory().numTensors,
  };
}

/** RGBA debug images become ImageData whose buffers move to the page instead of being copied. */
function toTransferable(reading: GridReading): ReadResult {
  if (reading.kind === "error") return reading;
  const { debug: images, ...rest } = reading;
  if (!images) return rest;
  const { threshold, contour, warped, cells } = images;
  const debug: DebugImages = {
    ...(threshold ? { threshold: imageData(threshold) } : {}),
    ...(contour ? { contour: imageData(contour) } : {}),
    ...(warped ? { warped: imageData(warped) } : {}),
    ...(cells ? { cells: cells.map(imageData) } : {}),
  };
  const buffers = [debug.threshold, debug.contour, debug.warped, ...(debug.cells ?? [])].flatMap((d) =>
    d ? [d.data.buffer] : [],
  );
  return Comlink.transfer({ ...rest, debug }, buffers);
}

function imageData(image: RgbaImage): ImageData {
  return new ImageData(new Uint8ClampedArray(image.data), image.width, image.height);
}
