import { afterAll, expect, test, vi } from "vitest";
import labelsUrl from "../fixtures/photos/labels.json?url";
import { fetchKept, keepDownloadsIn } from "../../src/workers/keep-downloads.ts";

// A cache of its own, so the test neither reads nor leaves the app's reader cache.
const CACHE = "keep-downloads-test";
const url = new URL(labelsUrl, location.href).href;
const keptUrls = async () => (await (await caches.open(CACHE)).keys()).map((r) => r.url);
afterAll(() => caches.delete(CACHE));

test("until asked to keep downloads, fetchKept only fetches", async () => {
  const response = await fetchKept(url);
  expect(response.status).toBe(200);
  await response.text();
  expect(await caches.has(CACHE)).toBe(false);
});

test("once asked, a good response is kept whole beside the caller's copy; a failed one is not", async () => {
  keepDownloadsIn(CACHE);
  // The dev server answers any path with its index page, so the server error is made up here.
  const missing = new URL("no-such-file.json", url).href;
  vi.stubGlobal("fetch", () => Promise.resolve(new Response("gone", { status: 500 })));
  try {
    expect((await fetchKept(missing)).status).toBe(500);
  } finally {
    vi.unstubAllGlobals();
  }
  const response = await fetchKept(url);
  const text = await response.text();
  expect(JSON.parse(text)).toHaveProperty(["image1.jpg"]);
  await expect.poll(keptUrls).toContain(url);
  const kept = await (await caches.open(CACHE)).match(url);
  expect(await kept?.text()).toBe(text);
  expect(await keptUrls()).not.toContain(missing);
});
