import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** Flags that keep headless Chromium quiet on a machine with no outside network and no GPU. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Chromium's fake camera with its permission granted: it films `video` (a .y4m file), else a test pattern. */
export function fakeCameraArgs(video?: string): string[] {
  const device = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];
  return video ? [...device, `--use-file-for-fake-video-capture=${video}`] : device;
}

/**
 * Where the browser tests find Chromium: `CHROMIUM_PATH`, else the usual Debian paths.
 * Playwright cannot download its own browser here, so we never let it try.
 */
export function chromiumPath(): string {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.",
    );
  }
  return found;
}
