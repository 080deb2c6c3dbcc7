/**
 * What both soaks (photo reads and live scanning) share: the built pipeline worker started bare in a page
 * with a minimal comlink caller, and memory snapshots of worker and page.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession, Page } from "playwright-core";
import type { PipelineApi } from "../src/workers/pipeline.worker.ts";
import { DIST } from "./serve-dist.ts";

export const MAX_GROWTH_PERCENT = 10;

export type WorkerMemory = Awaited<ReturnType<PipelineApi["memoryStats"]>>;
export interface Snapshot extends WorkerMemory {
  reads: number;
  jsHeapUsedBytes: number;
}

// What the soak leaves on the page's window: the worker, a minimal comlink caller, the photos.
declare global {
  interface Window {
    __call?: (method: string, args: unknown[], transfer?: Transferable[]) => Promise<unknown>;
    __photos?: Blob[];
  }
}

/** The built worker's URL path under dist (its name carries a content hash). */
export function workerPath(): string {
  const file = readdirSync(join(DIST, "assets")).find((f) => /^pipeline\.worker-.*\.js$/.test(f));
  if (!file) throw new Error("dist has no pipeline worker: build first (npm run soak does)");
  return `assets/${file}`;
}

/**
 * Starts the built pipeline worker in the page and a bare comlink caller for it (the soak must not
 * depend on the UI's internals; the wire format is comlink's: APPLY with RAW arguments).
 */
export async function startWorker(page: Page, workerUrl: string): Promise<void> {
  await page.evaluate((url) => {
    const worker = new Worker(url, { type: "module" });
    const pending = new Map<string, (data: { type: string; value: unknown }) => void>();
    worker.addEventListener("message", (e: MessageEvent<{ id: string; type: string; value: unknown }>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    });
    let next = 0;
    window.__call = (method, args, transfer = []) =>
      new Promise((done, fail) => {
        const id = `soak-${next++}`;
        pending.set(id, (data) =>
          data.type === "RAW" ? done(data.value) : fail(new Error(JSON.stringify(data.value))),
        );
        const argumentList = args.map((value) => ({ type: "RAW", value }));
        worker.postMessage({ id, type: "APPLY", path: [method], argumentList }, transfer);
      });
  }, workerUrl);
}

export async function snapshot(page: Page, cdp: CDPSession, reads: number): Promise<Snapshot> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const worker = (await page.evaluate(() => window.__call!("memoryStats", []))) as WorkerMemory;
  return { reads, ...worker, jsHeapUsedBytes: usedSize };
}

/** Percent growth from `before` to `after`, one decimal. */
export const growth = (before: number, after: number) =>
  before === 0 ? (after === 0 ? 0 : Infinity) : Math.round(((after - before) / before) * 1000) / 10;
