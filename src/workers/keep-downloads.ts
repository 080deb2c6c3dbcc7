/**
 * The cache this worker keeps copies of its downloads in, when the page asked for it: the worker started
 * before a service worker controlled the page, so none sees its first requests. Once the service worker
 * claims it, both keep what it fetches: the same entry written twice, still downloaded once.
 */
let keeping: Promise<Cache> | undefined;

/** From now on, `fetchKept` also puts what it fetches into the Cache Storage cache `cacheName`. */
export function keepDownloadsIn(cacheName: string): void {
  // No Cache Storage outside secure contexts: nothing to keep then, and offline use is not possible anyway.
  if (typeof caches === "undefined") return;
  keeping = caches.open(cacheName);
}

/**
 * `fetch(url)`; while `keepDownloadsIn` is on, a good response's copy also goes into that cache (streamed
 * beside the caller's copy, never downloaded twice), so a later offline visit's service worker serves it.
 * A failure to keep it (quota, private mode) only costs that offline use, so it is logged, not thrown.
 */
export async function fetchKept(url: URL | string): Promise<Response> {
  const response = await fetch(url);
  if (keeping && response.status === 200) {
    const copy = response.clone();
    void keeping
      .then((cache) => cache.put(url, copy))
      .catch((error: unknown) => console.warn(`could not keep ${String(url)} for offline use:`, error));
  }
  return response;
}

/**
 * Keeps this worker's own scripts (its entry and the chunk it imported): the page and the module loader
 * fetched them past the service worker, with no copy for us to keep, so they are the reader's files that
 * cross the wire twice on a first visit (≈ 130 KB).
 */
export function keepScripts(urls: readonly string[]): void {
  void keeping
    ?.then((cache) => cache.addAll(urls))
    .catch((error: unknown) => console.warn("could not keep the pipeline worker for offline use:", error));
}
