/**
 * Resolves once a service worker controls the page, at once if one does or none can (no support, not a
 * secure context), and after `maxWaitMs` at the latest. A Web Worker started before that stays outside
 * the service worker for its whole life, so the reader's downloads would not be cached for offline use;
 * on a first visit the wait is the app shell's precache, a fraction of a second.
 */
export function whenControlled(maxWaitMs: number): Promise<void> {
  const container = isSecureContext ? navigator.serviceWorker : undefined;
  if (!container || container.controller) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    container.addEventListener(
      "controllerchange",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
