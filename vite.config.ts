/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { defineConfig } from "vite";
import { playwright } from "@vitest/browser-playwright";
import { chromiumPath, CHROMIUM_ARGS } from "./scripts/chromium.ts";

export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, "index.html"),
        iris: resolve(import.meta.dirname, "iris.html"),
      },
    },
  },
  // Module workers: comlink and dynamic imports of OpenCV/TF.js need ES format.
  worker: { format: "es" },
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
