/**
 * `npm run -s soak`: reads 300 photos in a row through the built app's real pipeline worker in headless
 * Chromium (dist behind http-server) and compares memory after a 10-read warm-up with memory after 300:
 * the OpenCV wasm heap in use, TF.js tensors in the worker, and the page's JS heap. Progress on stderr;
 * last stdout line: one JSON object. Growth after warm-up must stay ≤ 10 %.
 *
 * Photos: `--photos DIR` (default ../shared/photos/dev, else tests/fixtures/photos), at most 8 of them, in turn.
 * `--live [--minutes M]`: a live-camera scan instead (see `soak-live.ts`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.ts";
import { serveDist } from "./serve-dist.ts";
import { soakLive } from "./soak-live.ts";
import {
  growth,
  MAX_GROWTH_PERCENT,
  snapshot,
  startWorker,
  workerPath,
  type Snapshot,
} from "./soak-worker.ts";

const ROOT = resolve(import.meta.dirname, "..");
const READS = 300;
const WARM_UP = 10;
const MAX_PHOTOS = 8;

function photoDir(): string {
  const flag = process.argv.indexOf("--photos");
  if (flag > 0 && process.argv[flag + 1]) return resolve(process.argv[flag + 1]!);
  const shared = resolve(ROOT, "../shared/photos/dev");
  return existsSync(shared) ? shared : join(ROOT, "tests/fixtures/photos");
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

async function main(): Promise<void> {
  const worker = workerPath();
  const dir = photoDir();
  const { server, port } = await serveDist();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const started = Date.now();
  try {
    const page = await browser.newPage();
    const origin = `http://127.0.0.1:${port}/`;
    await page.goto(origin);
    const cdp = await page.context().newCDPSession(page);
    await startWorker(page, `${origin}${worker}`);
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

if (process.argv.includes("--live")) await soakLive();
else await main();
