import * as Comlink from "comlink";
import type { PipelineApi } from "./pipeline.worker.ts";
import type { CameraFrame, ClueCheck, GridSighting } from "../shared/live.ts";
import type { Corners } from "../shared/image.ts";
import type { ReadResult } from "../shared/reading.ts";
import type { PipelineProgress } from "./pipeline-types.ts";

export type { PipelineProgress } from "./pipeline-types.ts";

export interface ReadOptions {
  signal?: AbortSignal;
  /** Also return each stage's image (threshold, contour, warped grid, cell tiles). */
  debug?: boolean;
  onProgress?: (p: PipelineProgress) => void;
  /** Read the grid from these corners (photo pixels, EXIF orientation applied) instead of finding it. */
  corners?: Corners;
}

const CANCELLED: ReadResult = { kind: "error", error: { code: "cancelled" } };

/**
 * The page's handle on the pipeline worker (started on first use). One read at a time: a new read
 * or an abort settles the previous one at once as `cancelled`, and the worker drops it at its next
 * stage, so an old result can never arrive as the new one's.
 */
export class PipelineClient {
  private worker: Worker | undefined;
  private api: Comlink.Remote<PipelineApi> | undefined;
  private lastId = 0;
  private cancelActive: (() => void) | undefined;
  /** The read in flight, settled or not: `quiet` waits for it. */
  private reading: Promise<ReadResult> | undefined;
  /** Where `public/` is served (models/…), as seen from the page. */
  private readonly assetBase = new URL(import.meta.env.BASE_URL, location.href).href;

  read(photo: Blob, options: ReadOptions = {}): Promise<ReadResult> {
    this.cancelActive?.();
    const id = ++this.lastId;
    const api = this.remote();
    return (this.reading = new Promise<ReadResult>((resolve, reject) => {
      let settled = false;
      const settle = () => {
        settled = true;
        options.signal?.removeEventListener("abort", cancel);
        if (this.cancelActive === cancel) this.cancelActive = undefined;
      };
      const cancel = () => {
        if (settled) return;
        settle();
        void api.cancel(id);
        resolve(CANCELLED);
      };
      if (options.signal?.aborted) return cancel();
      options.signal?.addEventListener("abort", cancel, { once: true });
      this.cancelActive = cancel;
      const progress = Comlink.proxy((p: PipelineProgress) => {
        if (!settled) options.onProgress?.(p);
      });
      api.read(id, photo, this.assetBase, options.debug ?? false, progress, options.corners).then(
        (result) => {
          if (settled) return;
          settle();
          resolve(result);
        },
        (error: unknown) => {
          if (settled) return;
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }));
  }

  /** Live camera: the grid in a frame, which is transferred (and closed by the worker). */
  detectGrid(frame: CameraFrame, check?: ClueCheck): Promise<GridSighting> {
    return this.remote().detectGrid(Comlink.transfer(frame, [frame]), this.assetBase, check);
  }

  /** Live camera: one reading fused from several full-resolution frames of one grid (transferred). */
  readFrames(frames: CameraFrame[]): Promise<ReadResult> {
    return this.remote().readFrames(Comlink.transfer(frames, frames), this.assetBase);
  }

  /** Live camera: runs the read once on a drawn grid, so the first real read is as fast as later ones. */
  rehearseRead(): Promise<void> {
    return this.remote().rehearseRead(this.assetBase);
  }

  /** Starts the worker and loads OpenCV.js, TF.js and the model ahead of the first photo. */
  async warmUp(onProgress?: (p: PipelineProgress) => void): Promise<void> {
    await this.remote().warmUp(this.assetBase, onProgress ? Comlink.proxy(onProgress) : undefined);
  }

  /** Settles once OpenCV.js, TF.js and the model are loaded (loading them if nothing has yet). */
  async loaded(): Promise<void> {
    await this.remote().loaded(this.assetBase);
  }

  /**
   * Settles once everything is loaded and no photo is being read: background work that would compete
   * with a first photo's read (the service worker's install) waits for this.
   */
  async quiet(): Promise<void> {
    await this.loaded();
    let waited: Promise<ReadResult> | undefined;
    while (this.reading !== waited) {
      waited = this.reading;
      await waited?.catch(() => undefined);
    }
  }

  /** Cancels any read and stops the worker (its wasm heaps go with it). */
  dispose(): void {
    this.cancelActive?.();
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
  }

  private remote(): Comlink.Remote<PipelineApi> {
    if (!this.api) {
      this.worker = new Worker(new URL("./pipeline.worker.ts", import.meta.url), { type: "module" });
      this.api = Comlink.wrap<PipelineApi>(this.worker);
      // Started before a service worker controls the page, the worker fetches past it until the service
      // worker claims it (Chromium claims dedicated workers too), so it keeps its downloads itself.
      if ("serviceWorker" in navigator && !navigator.serviceWorker.controller) void this.api.keepDownloads();
    }
    return this.api;
  }
}
