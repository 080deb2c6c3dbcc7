import { defineConfig } from "@playwright/test";
import { chromiumPath, CHROMIUM_ARGS } from "./scripts/chromium.ts";

// E2E_PORT lets several checkouts run their e2e suites side by side.
const PORT = Number(process.env["E2E_PORT"] ?? 4173);

// e2e runs against the built dist/ exactly as users get it (`npm start`): a static server serving the
// precompressed copies, no cache.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env["CI"] ? "list" : "line",
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx http-server dist -c-1 --brotli --gzip -p ${PORT} -a 127.0.0.1 --silent`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
