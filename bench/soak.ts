/**
 * `npm run -s soak`: reads 300 photos in a row through the built app's real pipeline worker in headless
 * Chromium (dist behind http-server) and compares memory after a 10-read warm-up with memory after 300:
 * the OpenCV wasm heap in use, TF.js tensors in the worker, and the page's JS heap. Progress on stderr;
 * last stdout line: one JSON object. Growth after warm-up must stay ≤ 10 %.
 *
 * Photos: `--photos DIR` (default ../shared/photos/dev, else tests/fixtures/photos), at most 8 of them, in turn.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.ts";
import type { PipelineApi } from "../src/workers/pipeline.worker.ts";
import { DIST, serveDist } from "./serve-dist.ts";

const ROOT = resolve(import.meta.dirname, "..");
const READS = 300;
const WARM_UP = 10;
const MAX_PHOTOS = 8;
const MAX_GROWTH_PERCENT = 10;

type WorkerMemory = ReturnType<PipelineApi["memoryStats"]>;
interface Snapshot extends WorkerMemory {
  reads: number;
  jsHeapUsedBytes: number;
}

// What the soak leaves on the page's window: the worker, a minimal comlink caller, the photos.
declare global {
  interface Window {
    __call?: (method: string, args: unknown[]) => Promise<unknown>;
    __photos?: Blob[];
  }
}

function photoDir(): string {
  const flag = process.argv.indexOf("--photos");
  if (flag > 0 && process.argv[flag + 1]) return resolve(process.argv[flag + 1]!);
  const shared = resolve(ROOT, "../shared/photos/dev");
  return existsSync(shared) ? shared : join(ROOT, "tests/fixtures/photos");
}

/**
 * Starts the built pipeline worker in the page and a bare comlink caller for it (the soak must not
 * depend on the UI's internals; the wire format is comlink's: APPLY with RAW arguments).
 */
async function startWorker(page: Page, workerUrl: string): Promise<void> {
  await page.evaluate((url) => {
    const worker = new Worker(url, { type: "module" });
    const pending = new Map<string, (data: { type: string; value: unknown }) => void>();
    worker.addEventListener("message", (e: MessageEvent<{ id: string; type: string; value: unknown }>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    });
    let next = 0;
    window.__call = (method, args) =>
      new Promise((done, fail) => {
        const id = `soak-${next++}`;
        pending.set(id, (data) =>
          data.type === "RAW" ? done(data.value) : fail(new Error(JSON.stringify(data.value))),
        );
        const argumentList = args.map((value) => ({ type: "RAW", value }));
        worker.postMessage({ id, type: "APPLY", path: [method], argumentList });
      });
  }, workerUrl);
}

async function loadPhotos(page: Page, dir: string): Promise<number> {
  const files = readdirSync(dir)
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .slice(0, MAX_PHOTOS);
  if (files.length === 0) throw new Error(`no photos in ${dir}`);
  const encoded = files.map((f) => readFileSync(join(dir, f)).toString("base64"));
  await page.evaluate((all) => {
    window.__photos = all.map(
      (b64) => new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
    );
  }, encoded);
  return files.length;
}

async function snapshot(page: Page, cdp: CDPSession, reads: number): Promise<Snapshot> {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const worker = (await page.evaluate(() => window.__call!("memoryStats", []))) as WorkerMemory;
  return { reads, ...worker, jsHeapUsedBytes: usedSize };
}

const growth = (before: number, after: number) =>
  before === 0 ? (after === 0 ? 0 : Infinity) : Math.round(((after - before) / before) * 1000) / 10;

async function main(): Promise<void> {
  const workerFile = readdirSync(join(DIST, "assets")).find((f) => /^pipeline\.worker-.*\.js$/.test(f));
  if (!workerFile) throw new Error("dist has no pipeline worker: build first (npm run soak does)");
  const dir = photoDir();
  const { server, port } = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const started = Date.now();
  try {
    const page = await browser.newPage();
    const origin = `http://127.0.0.1:${port}/`;
    await page.goto(origin);
    const cdp = await page.context().newCDPSession(page);
    await startWorker(page, `${origin}assets/${workerFile}`);
    const photoCount = await loadPhotos(page, dir);
    process.stderr.write(`soak: ${READS} reads of ${photoCount} photos from ${dir}\n`);
    const outcomes: Record<string, number> = {};
    let warm: Snapshot | undefined;
    for (let i = 1; i <= READS; i++) {
      const kind = await page.evaluate(
        async ([id, base]) => {
          const photos = window.__photos!;
          const result = (await window.__call!("read", [id, photos[id % photos.length], base, false])) as {
            kind: string;
            error?: { code: string };
          };
          return result.kind === "error" ? `error:${result.error?.code}` : result.kind;
        },
        [i, origin] as const,
      );
      outcomes[kind] = (outcomes[kind] ?? 0) + 1;
      if (i === WARM_UP) warm = await snapshot(page, cdp, i);
      if (i % 25 === 0) {
        const s = ((Date.now() - started) / 1000).toFixed(0);
        process.stderr.write(`soak: ${i}/${READS} reads (${s} s) ${JSON.stringify(outcomes)}\n`);
      }
    }
    const end = await snapshot(page, cdp, READS);
    const before = warm!;
    const growthPercent = {
      wasmHeapInUse: growth(before.wasmHeapInUseBytes, end.wasmHeapInUseBytes),
      tensors: growth(before.tensors, end.tensors),
      jsHeapUsed: growth(before.jsHeapUsedBytes, end.jsHeapUsedBytes),
    };
    const worst = Math.max(...Object.values(growthPercent));
    const summary = {
      reads: READS,
      photos: photoCount,
      outcomes,
      seconds: Math.round((Date.now() - started) / 1000),
      afterWarmUp: before,
      afterAll: end,
      growthPercent,
      maxGrowthPercent: MAX_GROWTH_PERCENT,
      pass: worst <= MAX_GROWTH_PERCENT,
    };
    console.log(JSON.stringify(summary));
    if (!summary.pass) process.exitCode = 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
