import { fileURLToPath } from "node:url";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";

const SAMPLE = fileURLToPath(new URL("../../public/samples/sample.jpg", import.meta.url));
const SAMPLE_SOLUTION = "637928541248513769519764328391457286462831957875296413756149832923685174184372695";

test.setTimeout(150_000);

/** The paths held in the Cache Storage caches whose name starts with `prefix`. */
function cachedPaths(page: Page, prefix: string): Promise<string[]> {
  return page.evaluate(async (prefix) => {
    const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const urls = await Promise.all(
      names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
    );
    return urls.flat().map((url) => new URL(url).pathname);
  }, prefix);
}

/** Offline from now on: the page reloads from the service worker, reads the sample photo and solves it. */
async function readsSampleOffline(page: Page, context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("grid", { name: "Sudoku" }).getByRole("gridcell")).toHaveCount(81);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.getByLabel("Choose a photo").setInputFiles(SAMPLE);
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 120_000 });
  const grid = await page
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
  expect(grid).toBe(SAMPLE_SOLUTION);
}

/** The reader's files, one pattern each: what a photo needs offline besides the app shell. */
const READER_FILES = [
  /pipeline\.worker-.*\.js$/,
  /pipeline-reader-.*\.js$/,
  /opencv-.*\.wasm$/,
  /opencv-.*\.js$/,
  /tfjs-backend-wasm.*\.wasm$/,
  /model\.json$/,
  /weights\.bin$/,
];

test("after one online visit that read a photo, the page reloads offline and still reads a photo and solves it", async ({
  page,
  context,
}) => {
  await page.goto("./");
  // `ready` resolves once the service worker is active, i.e. its install precached the app shell.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const manifest = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifest).toBeTruthy();
  // The install precached the app shell only; the reader (OpenCV.js, TF.js wasm, the digit model) is
  // cached as the page first fetches it.
  const cached = (prefix: string) => cachedPaths(page, prefix);
  const precached = await cached("workbox-precache");
  expect(precached).toContain("/index.html");
  expect(
    precached.filter((path) => /opencv|tfjs|pipeline\.worker|pipeline-reader|models\/digits/.test(path)),
  ).toEqual([]);
  await page.getByRole("button", { name: "Try a sample photo" }).click();
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 120_000 });

  const reader = await cached("reader");
  for (const part of [/opencv-.*\.wasm$/, /opencv-.*\.js$/, /tfjs-backend-wasm.*\.wasm$/, /weights\.bin$/])
    expect(reader.filter((path) => part.test(path)).length, String(part)).toBe(1);

  await readsSampleOffline(page, context);

  // The sample button works offline too: the sample is precached with the app shell.
  await page.getByRole("gridcell").first().click();
  await page.getByRole("button", { name: "Clear" }).click();
  await page.getByRole("button", { name: "Try a sample photo" }).click();
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 60_000 });
});

test("a reader that loaded before the service worker took control kept its files: the next visit reads a photo offline", async ({
  page,
  context,
}) => {
  // Hold the service worker's script until the first photo is solved, so the whole reader downloads with
  // no service worker in control (as on a slow first visit where the upload beats the install).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/sw.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./");
  await page.getByLabel("Choose a photo").setInputFiles(SAMPLE);
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 120_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  // The worker puts its copies in the reader's cache as they stream in, one of each file.
  await expect
    .poll(async () => {
      const reader = await cachedPaths(page, "reader");
      return READER_FILES.map((part) => reader.filter((path) => part.test(path)).length);
    })
    .toEqual(READER_FILES.map(() => 1));

  release();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await readsSampleOffline(page, context);
});
