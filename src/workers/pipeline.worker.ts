import * as Comlink from "comlink";
import { createDigitClassifier, type DigitClassifier } from "../digits/classifier.ts";
import type { RgbaImage } from "../vision/gray.ts";
import * as tf from "@tensorflow/tfjs-core";
import { wasmHeapInUse } from "../vision/heap-usage.ts";
import { loadOpenCV, opencv } from "../vision/opencv.ts";
import { PhotoFailure } from "../vision/photo-failure.ts";
import { readGrid, type GridReading } from "../vision/read-grid.ts";
import { decodePhotoBlob } from "./decode-photo.ts";
import { keepDownloadsIn, keepOwnScript } from "./keep-downloads.ts";
import { readFrames, rehearseRead, sightGrid } from "./live-frames.ts";
import { modelWithProgress } from "./model-browser.ts";
import { fetchOpenCV } from "./opencv-browser.ts";
import { useBrowserWasmBackend } from "./tfjs-wasm-browser.ts";
import { READER_CACHE } from "../shared/reader-cache.ts";
import type { CameraFrame, ClueCheck, GridSighting } from "../shared/live.ts";
import type { Corners } from "../shared/image.ts";
import type { DebugImages, ReadResult } from "../shared/reading.ts";
import type { PipelineProgress } from "./pipeline-types.ts";

type ProgressSink = (p: PipelineProgress) => void;

/** Downloads report to whichever call is waiting now (the memoised loads outlive the first caller). */
let listener: ProgressSink | undefined;
const report: ProgressSink = (p) => listener?.(p);

let loading: Promise<DigitClassifier> | undefined;
let latest = 0;
const cancelled = new Set<number>();

/** OpenCV.js and TF.js (wasm) with the digit model, loaded once, on first need. */
function ready(assetBase: string): Promise<DigitClassifier> {
  return (loading ??= load(assetBase));
}

/** All downloads start at once: OpenCV.js (script and wasm), TF.js's wasm, the model. */
async function load(assetBase: string): Promise<DigitClassifier> {
  const model = createDigitClassifier(
    modelWithProgress(new URL("models/digits/model.json", assetBase), (loaded, total) =>
      report({ kind: "download", what: "model", loaded, total }),
    ),
  );
  await Promise.all([
    loadOpenCV(() =>
      fetchOpenCV((loaded, total) => report({ kind: "download", what: "opencv", loaded, total })),
    ),
    useBrowserWasmBackend().then(() => model.classifyCells([])), // loads the model's weights without predicting
  ]);
  // After the reader's own downloads, not competing with them.
  keepOwnScript();
  return model;
}

const api = {
  /**
   * The page started this worker before a service worker controlled it: no service worker sees its
   * first requests, so it keeps what it downloads in the reader's cache itself, for offline use.
   */
  keepDownloads(): void {
    keepDownloadsIn(READER_CACHE);
  },

  /** Settles once everything is loaded; unlike `warmUp` it leaves the progress listener alone. */
  async loaded(assetBase: string): Promise<void> {
    await ready(assetBase);
  },

  /** Loads everything the first read needs, so that read is fast. */
  async warmUp(assetBase: string, onProgress?: ProgressSink): Promise<void> {
    listener = onProgress;
    await ready(assetBase);
  },

  /**
   * Reads photo `id`; a later read or `cancel(id)` stops it at the next stage boundary. With `corners`
   * (photo pixels, EXIF orientation applied) the grid is read from there instead of being searched for.
   */
  async read(
    id: number,
    photo: Blob,
    assetBase: string,
    debug: boolean,
    onProgress?: ProgressSink,
    corners?: Corners,
  ): Promise<ReadResult> {
    latest = id;
    listener = onProgress;
    const stopIfStale = () => {
      if (id !== latest || cancelled.delete(id)) throw new PhotoFailure({ code: "cancelled" });
    };
    try {
      const model = await ready(assetBase);
      stopIfStale();
      const reading = await readGrid(() => decodePhotoBlob(photo), model, {
        debug,
        ...(corners ? { corners } : {}),
        beforeStage: async (stage) => {
          stopIfStale();
          onProgress?.({ kind: "stage", stage });
          // Let queued messages (a newer read, a cancel) in before the next synchronous stage.
          await new Promise((resolve) => setTimeout(resolve, 0));
          stopIfStale();
        },
      });
      return toTransferable(reading);
    } catch (e) {
      if (e instanceof PhotoFailure) return { kind: "error", error: e.error };
      throw e;
    } finally {
      cancelled.delete(id);
    }
  },

  /** Live camera: the grid in a small frame (closed after use), with `check` also its clues. */
  async detectGrid(frame: CameraFrame, assetBase: string, check?: ClueCheck): Promise<GridSighting> {
    return sightGrid(frame, await ready(assetBase), check);
  },

  /** Live camera: compiles the read's code on a drawn grid while the camera starts (see `rehearseRead`). */
  async rehearseRead(assetBase: string): Promise<void> {
    await rehearseRead(await ready(assetBase));
  },

  /** Live camera: reads several full-resolution frames of one grid as one; all are closed, also on failure. */
  async readFrames(frames: CameraFrame[], assetBase: string): Promise<ReadResult> {
    try {
      return await readFrames(frames, await ready(assetBase));
    } finally {
      for (const frame of frames) frame.close();
    }
  },

  cancel(id: number): void {
    if (id === latest) cancelled.add(id);
  },

  /** What the worker holds now (for `npm run soak`); call it after a read, once everything is loaded. */
  memoryStats(): { wasmHeapBytes: number; wasmHeapInUseBytes: number; tensors: number } {
    const cv = opencv();
    return {
      wasmHeapBytes: cv.HEAPU8.length,
      wasmHeapInUseBytes: wasmHeapInUse(cv),
      tensors: tf.memory().numTensors,
    };
  },
};

export type PipelineApi = typeof api;

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

Comlink.expose(api);
