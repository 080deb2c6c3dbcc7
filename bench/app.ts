/**
 * `npm run -s bench:app [-- --network MBIT:RTT]`: the built app in headless Chromium behind http-server, as
 * a user gets it. Measures cold load to interactive, the first photo (given as soon as the page is
 * interactive, so OpenCV.js and model downloads are included), warm photo → solution on a 12-megapixel
 * photo, the longest main-thread task during the flow, the JavaScript the page fetched before its first
 * photo, the bytes over the wire (counted by a proxy in front of the server: every byte it sent, headers
 * included) and the responses (DevTools protocol, page and workers). `--network 10:40` throttles the page
 * and its workers to 10 Mbit/s with a 40 ms round trip, as a new user meets the app on a phone network. Last stdout line: one JSON object.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../scripts/chromium.ts";
import { median } from "./recognition-score.ts";
import {
  countingProxy,
  downloadsUntil,
  firstDownloadsEnd,
  parseNetwork,
  throttleAndCount,
  type NetworkProfile,
  type WireTally,
} from "./network.ts";
import { longTasksSince, observeLongTasks } from "./long-tasks.ts";
import { DIST, serveDist } from "./serve-dist.ts";

// What the bench leaves on the page's window (set through page.evaluate / addInitScript).
declare global {
  interface Window {
    __photoMs?: Promise<number>;
  }
}

const SAMPLE = join(DIST, "samples/sample.jpg");
const WARM_RUNS = 3;
/** The reader's files, which the first photo waits for: pipeline worker, OpenCV.js, TF.js wasm, digit model. */
const READER_FILES =
  /\/assets\/(pipeline\.worker|pipeline-reader|opencv|tfjs-backend-wasm)[^/]*$|\/models\/digits\//;
const BUDGET = { warmPhotoMs: 1500, longestTaskMs: 100, jsBeforePhotoGzipBytes: 150 * 1024 };

/** A 12-megapixel JPEG (3000 × 4000) made by upscaling the sample: what a phone camera hands the page. */
async function twelveMegapixelPhoto(dir: string): Promise<string> {
  const image = await loadImage(readFileSync(SAMPLE));
  const canvas = createCanvas(3000, 4000);
  canvas.getContext("2d").drawImage(image, 0, 0, 3000, 4000);
  const path = join(dir, "photo-12mp.jpg");
  writeFileSync(path, canvas.toBuffer("image/jpeg", 90));
  return path;
}

/**
 * Times one photo in the page's own clock: from the file input's change event to the status line saying
 * "Solved." after having said something else (the previous photo's "Solved." doesn't count).
 */
async function timePhoto(page: Page, path: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.getElementById("photo-file")!;
    const status = document.getElementById("status")!;
    window.__photoMs = new Promise((done) => {
      input.addEventListener(
        "change",
        () => {
          const start = performance.now();
          let left = false;
          new MutationObserver((_, observer) => {
            const text = status.textContent ?? "";
            if (text !== "Solved.") left = true;
            else if (left) {
              observer.disconnect();
              done(performance.now() - start);
            }
          }).observe(status, { childList: true, characterData: true, subtree: true });
        },
        { once: true, capture: true },
      );
    });
  });
  await page.locator("#photo-file").setInputFiles(path);
  return page.evaluate(() => window.__photoMs!);
}

function networkArgument(): NetworkProfile | undefined {
  const at = process.argv.indexOf("--network");
  if (at < 0) return undefined;
  return parseNetwork(process.argv[at + 1] ?? "");
}

/** Resolves once no response has finished for `quietMs`: the service worker's background caching is done. */
async function wireQuiet(tally: WireTally, quietMs: number): Promise<void> {
  let last = -1;
  while (tally.requests !== last) {
    last = tally.requests;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

async function main(): Promise<void> {
  const network = networkArgument();
  const tmp = mkdtempSync(join(tmpdir(), "bench-app-"));
  const { server, port: serverPort } = await serveDist();
  const proxy = await countingProxy(serverPort);
  const port = proxy.port;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const photo12 = await twelveMegapixelPhoto(tmp);
    // The service worker on, as a new user meets the app: it precaches only the app shell, registered once
    // the reader has loaded (src/ui/service-worker-registration.ts); the reader keeps its own files.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const wire = await throttleAndCount(context, page, network);
    await observeLongTasks(page);
    const scripts: { url: string; bytes: number; gzip: number }[] = [];
    let photoGiven = false;
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      // The page's own JavaScript: workers' scripts and OpenCV.js run off the main thread, and the idle
      // preload may fetch them before the photo.
      if (photoGiven || !/\.m?js$/.test(url.pathname) || /\.worker-|\/opencv-/.test(url.pathname)) return;
      const file = readFileSync(join(DIST, decodeURIComponent(url.pathname)));
      scripts.push({ url: url.pathname, bytes: file.length, gzip: gzipSync(file, { level: 9 }).length });
    });

    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => performance.getEntriesByName("sudoku-lens:interactive").length > 0);
    const coldLoadMs = await page.evaluate(
      () => performance.getEntriesByName("sudoku-lens:interactive")[0]!.startTime,
    );
    photoGiven = true;
    const flowStart = await page.evaluate(() => performance.now());
    const uploadAt = Date.now();
    const firstPhotoMs = await timePhoto(page, SAMPLE);
    const firstPhotoDone = Date.now();
    const bytesBeforeFirstPhoto = proxy.bytes();
    // The network's share of the first photo: when the reader's last file arrived (the rest is CPU time).
    // Not the worker's second download of its own script (kept for offline use), nor the precache.
    const firstPhotoDownloadsMs = Math.max(0, firstDownloadsEnd(wire, READER_FILES) - uploadAt);
    await page.waitForLoadState("load");
    const pageLoadMs = await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
    );
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timePhoto(page, photo12));
    // Let the last overlay/paint work land in the observer before reading it.
    await page.waitForTimeout(300);
    await wireQuiet(wire, 2000);
    const tasks = await longTasksSince(page, flowStart);
    const longestTaskMs = Math.max(0, ...tasks.map((t) => t.ms));
    const jsBeforePhotoBytes = scripts.reduce((s, x) => s + x.bytes, 0);
    const jsBeforePhotoGzipBytes = scripts.reduce((s, x) => s + x.gzip, 0);
    const warmPhotoMs = median(warm);

    console.log(`cold load → interactive: ${coldLoadMs.toFixed(0)} ms`);
    console.log(`first photo (downloads included): ${firstPhotoMs.toFixed(0)} ms`);
    console.log(
      `over the wire: ${proxy.bytes()} B, ${wire.requests} responses (${bytesBeforeFirstPhoto} B by the first answer)`,
    );
    console.log(
      `warm 12 MP photo → solution: ${warm.map((m) => m.toFixed(0)).join(", ")} ms (median ${warmPhotoMs.toFixed(0)})`,
    );
    console.log(`long tasks during the flow: ${tasks.length}, longest ${longestTaskMs.toFixed(0)} ms`);
    for (const s of scripts) console.log(`  js before photo: ${s.url} ${s.bytes} B (${s.gzip} B gzip)`);
    // Every response by the first answer, from the upload (negative: before it), to see where its time goes.
    const firstPhotoDownloads = downloadsUntil(wire, uploadAt, firstPhotoDone);
    for (const d of firstPhotoDownloads)
      console.log(
        `  ${d.startMs.toFixed(0).padStart(6)} → ${d.endMs.toFixed(0).padStart(6)} ms ${d.by.padEnd(14)} ${d.file} ${d.bytes} B`,
      );
    const result = {
      network: network ? `${network.mbitPerS} Mbit/s, ${network.rttMs} ms RTT` : "unthrottled",
      coldLoadMs: Math.round(coldLoadMs),
      pageLoadMs: Math.round(pageLoadMs),
      firstPhotoMs: Math.round(firstPhotoMs),
      bytesOverWire: proxy.bytes(),
      encodedResponseBytes: wire.bytes,
      bytesBeforeFirstPhoto,
      firstPhotoDownloadsMs,
      // The big ones (≥ 20 KB) in the JSON: start and end from the upload, ms.
      firstPhotoDownloads: firstPhotoDownloads
        .filter((d) => d.bytes >= 20_000)
        .map(({ file, by, startMs, endMs }) => ({ file, by, startMs, endMs })),
      requests: wire.requests,
      warmPhotoMs: Math.round(warmPhotoMs),
      warmPhotoRunsMs: warm.map(Math.round),
      warmPhotoPixels: 3000 * 4000,
      longestTaskMs: Math.round(longestTaskMs),
      longTasks: tasks.length,
      jsBeforePhotoBytes,
      jsBeforePhotoGzipBytes,
      withinBudget:
        warmPhotoMs <= BUDGET.warmPhotoMs &&
        longestTaskMs <= BUDGET.longestTaskMs &&
        jsBeforePhotoGzipBytes <= BUDGET.jsBeforePhotoGzipBytes,
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    proxy.close();
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
