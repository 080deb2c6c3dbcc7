import { whenIdleAfterLoad } from "./preload.ts";

/**
 * Registers the app's service worker (offline use, installing the app) once the page is idle after
 * loading and the work `busy()` returns, if any, has settled (and the page is idle again). Its install precaches the app shell,
 * ≈ 190 KB in about 20 requests: on a first visit that would share the line with the reader's own
 * downloads (a second at 1.6 Mbit/s), which keep themselves for offline use meanwhile
 * (`src/workers/keep-downloads.ts`).
 */
export function registerServiceWorker(busy: () => Promise<unknown> | undefined = () => undefined): void {
  // No service worker is built for `vite` dev; none can run without support or a secure context.
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  whenIdleAfterLoad(() => {
    const register = () =>
      void navigator.serviceWorker
        .register("./sw.js", { scope: "./" })
        .catch((error: unknown) => console.warn("The service worker could not be registered:", error));
    const later = () => whenIdleAfterLoad(register);
    void Promise.resolve(busy()).then(later, later);
  });
}
