/** The Network Information API fields we read (Chromium only; absent elsewhere). */
interface Connection {
  saveData?: boolean;
  effectiveType?: string;
}

/** False when the browser asks to save data, or the connection is 2G: then only intent loads the reader. */
export function mayPreload(connection: Connection | undefined): boolean {
  return !connection?.saveData && !/^(slow-)?2g$/.test(connection?.effectiveType ?? "");
}

/**
 * Runs `start` once the page has loaded, painted and gone idle, so preloading never delays the first
 * paint nor competes with the page's own work; skipped when `mayPreload` says no.
 */
export function preloadWhenIdle(start: () => void): void {
  const connection = (navigator as Navigator & { connection?: Connection }).connection;
  if (mayPreload(connection)) whenIdleAfterLoad(start);
}

/** Runs `start` once the page has loaded, painted and gone idle; callbacks run in the order given. */
export function whenIdleAfterLoad(start: () => void): void {
  const afterPaint = () =>
    requestAnimationFrame(() => {
      // Safari has no requestIdleCallback; a short timeout is the usual stand-in.
      if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 3000 });
      else setTimeout(start, 500);
    });
  if (document.readyState === "complete") afterPaint();
  else addEventListener("load", afterPaint, { once: true });
}
