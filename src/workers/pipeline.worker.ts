import * as Comlink from "comlink";
import { loadOpenCV } from "../vision/opencv.ts";
import { PhotoFailure } from "../vision/photo-failure.ts";
import { READER_CACHE } from "../shared/reader-cache.ts";
import { decodePhotoBlob } from "./decode-photo.ts";
import { keepDownloadsIn, keepScripts } from "./keep-downloads.ts";
import { fetchOpenCV } from "./opencv-browser.ts";
import { paceProgress } from "./progress-pace.ts";
import type { DigitClassifier } from "../digits/classifier.ts";
import type { CameraFrame, ClueCheck, GridSighting } from "../shared/live.ts";
import type { Corners } from "../shared/image.ts";
import type { ReadResult } from "../shared/reading.ts";
import type { PipelineProgress } from "./pipeline-types.ts";

// This entry stays small on purpose: it starts the OpenCV download the moment the worker runs, and the
// heavy half (`pipeline-reader.ts`: TF.js, the stages) arrives beside it instead of before it.

type ProgressSink = (p: PipelineProgress) => void;
/** The heavy half's module and the digit model it loaded: what every call waits for. */
interface Loaded {
  reader: typeof import("./pipeline-reader.ts");
  model: DigitClassifier;
}

/** Downloads report to whichever call is waiting now (the memoised loads outlive the first caller). */
let listener: ProgressSink | undefined;
const report: ProgressSink = paceProgress((p) => listener?.(p));

let loading: Promise<Loaded> | undefined;
let latest = 0;
const cancelled = new Set<number>();

/** OpenCV.js, the reader's code, TF.js (wasm) and the digit model, loaded once, on first need. */
function ready(assetBase: string): Promise<Loaded> {
  return (loading ??= load(assetBase));
}

/** All downloads start at once: OpenCV.js (script and wasm), the reader's code, then TF.js's wasm and the model. */
async function load(assetBase: string): Promise<Loaded> {
  const [, loaded] = await Promise.all([
    loadOpenCV(() =>
      fetchOpenCV((loaded, total) => report({ kind: "download", what: "opencv", loaded, total })),
    ),
    import("./pipeline-reader.ts").then(async (reader) => ({
      reader,
      model: await reader.loadClassifier(assetBase, (loaded, total) =>
        report({ kind: "download", what: "model", loaded, total }),
      ),
    })),
  ]);
  // After the reader's own downloads, not competing with them.
  keepScripts([self.location.href, loaded.reader.READER_SCRIPT]);
  return loaded;
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
    // Decoding needs neither OpenCV nor TF.js: on a first visit it runs while they still download, and a
    // bad file is refused at once instead of after them.
    const decoded = decodePhotoBlob(photo);
    decoded.catch(() => undefined); // reported through the read below, not as an unhandled rejection
    try {
      const [{ reader, model }, picture] = await Promise.all([ready(assetBase), decoded]);
      stopIfStale();
      return await reader.readPhoto(picture, model, {
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
    } catch (e) {
      if (e instanceof PhotoFailure) return { kind: "error", error: e.error };
      throw e;
    } finally {
      cancelled.delete(id);
    }
  },

  /** Live camera: the grid in a small frame (closed after use), with `check` also its clues. */
  async detectGrid(frame: CameraFrame, assetBase: string, check?: ClueCheck): Promise<GridSighting> {
    const { reader, model } = await ready(assetBase);
    return reader.sightGrid(frame, model, check);
  },

  /** Live camera: compiles the read's code on a drawn grid while the camera starts (see `rehearseRead`). */
  async rehearseRead(assetBase: string): Promise<void> {
    const { reader, model } = await ready(assetBase);
    await reader.rehearseRead(model);
  },

  /** Live camera: reads several full-resolution frames of one grid as one; all are closed, also on failure. */
  async readFrames(frames: CameraFrame[], assetBase: string): Promise<ReadResult> {
    try {
      const { reader, model } = await ready(assetBase);
      return await reader.readFrames(frames, model);
    } finally {
      for (const frame of frames) frame.close();
    }
  },

  cancel(id: number): void {
    if (id === latest) cancelled.add(id);
  },

  /** What the worker holds now (for `npm run soak`); call it after a read, once everything is loaded. */
  async memoryStats(): Promise<{ wasmHeapBytes: number; wasmHeapInUseBytes: number; tensors: number }> {
    if (!loading) throw new Error("memoryStats: nothing is loaded yet");
    return (await loading).reader.memoryStats();
  },
};

export type PipelineApi = typeof api;

Comlink.expose(api);
