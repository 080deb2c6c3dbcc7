/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { defineConfig } from "vite";
import { playwright } from "@vitest/browser-playwright";
import { VitePWA } from "vite-plugin-pwa";
import { chromiumPath, CHROMIUM_ARGS } from "./scripts/chromium.ts";
import { openCvSplitPlugin } from "./tooling/opencv-split.ts";
import { precompressPlugin } from "./tooling/precompress.ts";
import { READER_CACHE } from "./src/shared/reader-cache.ts";

/** The reader's files, fetched by the pipeline worker on first use, and the Iris page's TF.js (see `runtimeCaching`). */
const HEAVY_ASSETS = [
  "**/pipeline.worker-*.js",
  "**/pipeline-reader-*.js",
  "**/opencv-*.{js,wasm}",
  "**/tfjs-*.{js,wasm}",
  "models/digits/**",
];

export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, "index.html"),
        iris: resolve(import.meta.dirname, "iris.html"),
      },
      output: {
        // The Iris page's TF.js chunk by a name the service worker can leave to runtime caching.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes("/@tensorflow/tfjs/"))
            ? "assets/tfjs-[hash].js"
            : "assets/[name]-[hash].js",
      },
    },
  },
  // Module workers: comlink and dynamic imports of OpenCV/TF.js need ES format.
  worker: { format: "es" },
  // TF.js is reached only through the pipeline worker's dynamic import, which the dev server's dependency
  // scan does not see: found at run time, it re-optimises and reloads the page (a fresh clone's browser
  // tests failed on that reload).
  optimizeDeps: {
    include: ["@tensorflow/tfjs-core", "@tensorflow/tfjs-layers", "@tensorflow/tfjs-backend-wasm"],
  },
  plugins: [
    openCvSplitPlugin(),
    VitePWA({
      registerType: "autoUpdate",
      // The pages register it themselves (src/ui/service-worker-registration.ts): the main page only after
      // the reader's first downloads, which the install's precache would otherwise compete with.
      injectRegister: null,
      includeAssets: ["icons/icon.svg"],
      manifest: {
        name: "Sudoku Lens",
        short_name: "Sudoku Lens",
        description: "Solve a printed sudoku from a photo, entirely on your device.",
        theme_color: "#1d4ed8",
        background_color: "#f6f7f9",
        display: "standalone",
        start_url: "./",
        scope: "./",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "icons/icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        // The app shell only: the reader's heavy files (OpenCV.js, TF.js wasm, the digit model) would
        // otherwise download twice on the first visit, competing with the first photo's own downloads.
        globPatterns: ["**/*.{js,css,html,svg,png,jpg,webmanifest}", "models/iris/*.{json,bin}"],
        globIgnores: HEAVY_ASSETS,
        navigateFallback: null,
        // Control the page as soon as the service worker activates; a reader worker started before that
        // caches its own downloads in READER_CACHE (src/workers/keep-downloads.ts).
        clientsClaim: true,
        skipWaiting: true,
        // …they are cached as the page first fetches them, so one visit that read a photo works offline.
        runtimeCaching: [
          {
            urlPattern: /\/assets\/|\/models\/digits\//,
            handler: "CacheFirst",
            options: {
              cacheName: READER_CACHE,
              expiration: { maxEntries: 16 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
    precompressPlugin(),
  ],
  test: {
    // OpenCV.js is a UMD bundle; default interop would hand us the wrapper instead of the module.
    deps: { interopDefault: false },
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPathLazy(), args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});

/** Only the browser project needs Chromium; don't fail `vite build` on a machine without it. */
function chromiumPathLazy(): string | undefined {
  try {
    return chromiumPath();
  } catch {
    return undefined;
  }
}
