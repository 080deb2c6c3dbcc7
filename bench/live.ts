/**
 * `npm run -s bench:live -- [VIDEO.y4m] [--label PUZZLE]`: the built app in headless Chromium with VIDEO
 * as its camera (default: a hand-held clip made from tests/fixtures/photos/image10.jpg, checked against
 * its label). With the reader already loaded, it opens the camera and measures, with no press: time from
 * the camera button to "Solved.", grid detections per second, overlay frames drawn per second (while the
 * video plays, after the solve), and the longest main-thread task. Last stdout line: one JSON object.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, fakeCameraArgs } from "../scripts/chromium.ts";
import { parseGrid } from "../src/solver/parse.ts";
import { solve } from "../src/solver/solve.ts";
import { writeHandHeldClip } from "../tooling/hand-held-clip.ts";
import { longTasksSince, observeLongTasks } from "./long-tasks.ts";
import { serveDist } from "./serve-dist.ts";

const ROOT = resolve(import.meta.dirname, "..");
const FIXTURE = "image10.jpg";
/** How long the steady state (tracking the solved grid) is measured. */
const WINDOW_MS = 6000;
const BUDGET = { warmToSolvedMs: 2000, detectionFps: 10, overlayFps: 10, longestTaskMs: 50 };

declare global {
  interface Window {
    __cameraClickAt?: number;
    __playingAt?: number;
    __solvedAt?: Promise<number>;
    __hints?: { at: number; text: string }[];
  }
}

function args(): { video: string | undefined; label: string | undefined } {
  const argv = process.argv.slice(2);
  const flag = argv.indexOf("--label");
  const label = flag >= 0 ? argv[flag + 1] : undefined;
  const video = argv.find((a, i) => !a.startsWith("--") && (flag < 0 || i !== flag + 1));
  return { video, label };
}

function solutionOf(puzzle: string): string {
  const parsed = parseGrid(puzzle);
  if (!parsed.ok) throw new Error(`--label is not a sudoku: ${puzzle}`);
  const result = solve(parsed.grid);
  if (result.kind !== "solved") throw new Error(`the label does not solve (${result.kind})`);
  return result.solution.join("");
}

const counters = (page: Page) =>
  page.evaluate(() => {
    const c = document.getElementById("camera-overlay")!;
    return {
      at: performance.now(),
      detections: Number(c.dataset["detections"] ?? 0),
      overlayFrames: Number(c.dataset["overlayFrames"] ?? 0),
      videoTime: document.querySelector<HTMLVideoElement>("#camera-video")!.currentTime,
    };
  });

async function main(): Promise<void> {
  const given = args();
  const tmp = mkdtempSync(join(tmpdir(), "bench-live-"));
  let video = given.video && resolve(given.video);
  let label = given.label;
  if (!video) {
    video = join(tmp, "clip.y4m");
    await writeHandHeldClip(join(ROOT, "tests/fixtures/photos", FIXTURE), video);
    const labels = JSON.parse(
      readFileSync(join(ROOT, "tests/fixtures/photos/labels.json"), "utf8"),
    ) as Record<string, string>;
    label ??= labels[FIXTURE];
  }
  const { server, port } = await serveDist();
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)],
  });
  try {
    const context = await browser.newContext({
      serviceWorkers: "block",
      permissions: ["camera"],
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await observeLongTasks(page);
    await page.goto(`http://127.0.0.1:${port}/`);
    // Warm: the reader (OpenCV.js, TF.js, the model) loads when the user points at the photo controls.
    await page.locator(".photo-panel").hover();
    await page.locator("#progress-text").getByText("Ready for a photo.").waitFor({ timeout: 180_000 });
    await page.evaluate(() => {
      const status = document.getElementById("status")!;
      document
        .getElementById("camera-open")!
        .addEventListener("click", () => (window.__cameraClickAt = performance.now()), {
          capture: true,
          once: true,
        });
      document
        .getElementById("camera-video")!
        .addEventListener("playing", () => (window.__playingAt = performance.now()), { once: true });
      const hint = document.getElementById("camera-hint")!;
      const hints: { at: number; text: string }[] = [];
      window.__hints = hints;
      new MutationObserver(() => hints.push({ at: performance.now(), text: hint.textContent ?? "" })).observe(
        hint,
        {
          childList: true,
          characterData: true,
          subtree: true,
        },
      );
      window.__solvedAt = new Promise((done) => {
        new MutationObserver((_, observer) => {
          if (status.textContent !== "Solved.") return;
          observer.disconnect();
          done(performance.now());
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
    process.stderr.write("bench:live: reader loaded; opening the camera\n");
    await page.getByRole("button", { name: "Use the camera" }).click();
    const solvedAt = await Promise.race([
      page.evaluate(() => window.__solvedAt!),
      page.waitForTimeout(60_000).then(() => NaN),
    ]);
    const { clickAt, playingAt, hints } = await page.evaluate(() => ({
      clickAt: window.__cameraClickAt!,
      playingAt: window.__playingAt ?? NaN,
      hints: window.__hints!,
    }));
    for (const h of hints) process.stderr.write(`  +${Math.round(h.at - clickAt)} ms: ${h.text}\n`);
    const beforeWindow = await counters(page);
    const cdp = process.env["LIVE_PROFILE"] ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    await page.waitForTimeout(WINDOW_MS);
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      const self = new Map<string, number>();
      const dt = (profile.endTime - profile.startTime) / (profile.samples?.length ?? 1) / 1000;
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const id of profile.samples ?? []) {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + dt);
      }
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
      for (const [k, ms] of top) process.stderr.write(`  ${ms.toFixed(0)} ms ${k}\n`);
    }
    const afterWindow = await counters(page);
    const seconds = (afterWindow.at - beforeWindow.at) / 1000;
    const grid = await page
      .getByRole("gridcell")
      .evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
    const hint = await page.locator("#camera-hint").textContent();
    const tasks = await longTasksSince(page, clickAt);
    const solved = Number.isFinite(solvedAt);
    const result = {
      video: given.video ? video : `generated from tests/fixtures/photos/${FIXTURE}`,
      solved,
      right: label ? grid === solutionOf(label) : null,
      warmToSolvedMs: solved ? Math.round(solvedAt - clickAt) : null,
      playingToSolvedMs: solved ? Math.round(solvedAt - playingAt) : null,
      detectionFps: round1((afterWindow.detections - beforeWindow.detections) / seconds),
      detectionsBeforeSolved: beforeWindow.detections,
      overlayFps: round1((afterWindow.overlayFrames - beforeWindow.overlayFrames) / seconds),
      /** Video seconds played per second of wall time: 1 means the preview never stalled. */
      videoPlayRate: round1((afterWindow.videoTime - beforeWindow.videoTime) / seconds),
      longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.ms))),
      longTasks: tasks.length,
      hint,
      loadAverage1m: round1(loadavg()[0]!),
    };
    const pass =
      result.solved &&
      result.right !== false &&
      (result.warmToSolvedMs ?? Infinity) <= BUDGET.warmToSolvedMs &&
      result.detectionFps >= BUDGET.detectionFps &&
      result.overlayFps >= BUDGET.overlayFps &&
      result.longestTaskMs <= BUDGET.longestTaskMs;
    console.log(JSON.stringify({ ...result, budget: BUDGET, withinBudget: pass }));
  } finally {
    await browser.close();
    server.kill();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

await main();
