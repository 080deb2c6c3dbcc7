/**
 * `npm run -s soak -- --live [--minutes M]`: M minutes (default 5) of live scanning through the built
 * pipeline worker in headless Chromium, with a hand-held clip of a fixture photo as the camera: a grid
 * detection on every video frame (VideoFrames transferred, as the page does), a clue check on every 10th
 * and a three-frame fused read on every 45th, once the reader is loaded. Memory is compared after a 30-second warm-up and at the end:
 * the OpenCV wasm heap in use, TF.js tensors, the page's JS heap; growth must stay ≤ 10 %.
 * Last stdout line: one JSON object.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from "../scripts/chromium.ts";
import type { ClueCheck, GridSighting } from "../src/shared/live.ts";
import type { ReadResult } from "../src/shared/reading.ts";
import { writeHandHeldClip } from "../tooling/hand-held-clip.ts";
import { serveDist } from "./serve-dist.ts";
import { growth, MAX_GROWTH_PERCENT, snapshot, startWorker, workerPath } from "./soak-worker.ts";

const ROOT = resolve(import.meta.dirname, "..");
const WARM_UP_MS = 30_000;
const CHUNK_MS = 15_000;

interface Counts {
  detections: number;
  grids: number;
  checks: number;
  checksSame: number;
  reads: number;
  readsOk: number;
}

declare global {
  interface Window {
    __liveVideo?: HTMLVideoElement;
    __liveCheck?: ClueCheck;
    __liveFrame?: number;
  }
}

/** Scans for `ms` in the page, as the live page does, and counts what happened. */
function scanFor(page: Page, origin: string, ms: number): Promise<Counts> {
  return page.evaluate(
    async ([base, ms]) => {
      const video = window.__liveVideo!;
      const counts: Counts = { detections: 0, grids: 0, checks: 0, checksSame: 0, reads: 0, readsOk: 0 };
      const end = performance.now() + ms;
      while (performance.now() < end) {
        await new Promise((done) => video.requestVideoFrameCallback(() => done(undefined)));
        const i = (window.__liveFrame = (window.__liveFrame ?? 0) + 1);
        const frame = new VideoFrame(video);
        const check = i % 10 === 5 ? window.__liveCheck : undefined;
        const sighting = (await window.__call!("detectGrid", [frame, base, check], [frame])) as GridSighting;
        counts.detections += 1;
        if (sighting.kind === "grid") {
          counts.grids += 1;
          if (sighting.matchingClues !== undefined) {
            counts.checks += 1;
            if (sighting.matchingClues >= check!.clues.length - 1) counts.checksSame += 1;
          }
        }
        if (i % 45 === 0) {
          const frames = [0, 1, 2].map(() => new VideoFrame(video));
          const result = (await window.__call!("readFrames", [frames, base], frames)) as ReadResult;
          counts.reads += 1;
          if (result.kind === "read") {
            counts.readsOk += 1;
            const clues = result.cells.flatMap((c, index) => (c.digit ? [{ index, digit: c.digit }] : []));
            window.__liveCheck = { rotation: result.rotation, clues: clues.slice(0, 5) };
          }
        }
      }
      return counts;
    },
    [origin, ms] as const,
  );
}

const add = (a: Counts, b: Counts): Counts => ({
  detections: a.detections + b.detections,
  grids: a.grids + b.grids,
  checks: a.checks + b.checks,
  checksSame: a.checksSame + b.checksSame,
  reads: a.reads + b.reads,
  readsOk: a.readsOk + b.readsOk,
});

export async function soakLive(): Promise<void> {
  const flag = process.argv.indexOf("--minutes");
  const minutes = flag > 0 ? Number(process.argv[flag + 1]) : 5;
  if (!(minutes > 0.5)) throw new Error("--minutes must be over 0.5 (the warm-up takes 30 s)");
  const worker = workerPath();
  const tmp = mkdtempSync(join(tmpdir(), "soak-live-"));
  const clip = join(tmp, "clip.y4m");
  await writeHandHeldClip(join(ROOT, "tests/fixtures/photos/image10.jpg"), clip);
  const { server, port } = await serveDist();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(clip)],
  });
  try {
    const context = await browser.newContext({ permissions: ["camera"], serviceWorkers: "block" });
    const page = await context.newPage();
    const origin = `http://127.0.0.1:${port}/`;
    await page.goto(origin);
    const cdp = await context.newCDPSession(page);
    await startWorker(page, `${origin}${worker}`);
    await page.evaluate(async () => {
      const video = document.createElement("video");
      video.muted = true;
      // On screen: Chromium throttles video frame callbacks of a video scrolled out of view.
      video.style.cssText = "position: fixed; top: 0; left: 0; width: 320px";
      video.srcObject = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      document.body.append(video);
      await video.play();
      window.__liveVideo = video;
    });
    await page.evaluate((base) => window.__call!("warmUp", [base]), origin);
    process.stderr.write(`soak --live: ${minutes} min of live scanning (reader loaded)\n`);
    const started = Date.now();
    let counts = await scanFor(page, origin, WARM_UP_MS);
    const warm = await snapshot(page, cdp, counts.reads);
    const end = started + minutes * 60_000;
    while (Date.now() < end) {
      counts = add(counts, await scanFor(page, origin, Math.min(CHUNK_MS, end - Date.now())));
      const s = ((Date.now() - started) / 1000).toFixed(0);
      process.stderr.write(`soak --live: ${s} s ${JSON.stringify(counts)}\n`);
    }
    const last = await snapshot(page, cdp, counts.reads);
    const growthPercent = {
      wasmHeapInUse: growth(warm.wasmHeapInUseBytes, last.wasmHeapInUseBytes),
      tensors: growth(warm.tensors, last.tensors),
      jsHeapUsed: growth(warm.jsHeapUsedBytes, last.jsHeapUsedBytes),
    };
    const seconds = (Date.now() - started) / 1000;
    const summary = {
      mode: "live",
      minutes,
      seconds: Math.round(seconds),
      ...counts,
      detectionFps: Math.round((counts.detections / seconds) * 10) / 10,
      afterWarmUp: warm,
      afterAll: last,
      growthPercent,
      maxGrowthPercent: MAX_GROWTH_PERCENT,
      pass: Math.max(...Object.values(growthPercent)) <= MAX_GROWTH_PERCENT && counts.readsOk > 0,
    };
    console.log(JSON.stringify(summary));
    if (!summary.pass) process.exitCode = 1;
  } finally {
    await browser.close();
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}
