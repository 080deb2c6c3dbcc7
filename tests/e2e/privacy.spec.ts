import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

// Photos never leave the device: the page only ever talks to its own origin, and its CSP forbids anything else.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLE = join(ROOT, "public/samples/sample.jpg");

/** The directives issue 7 requires, each with exactly these sources. */
const REQUIRED_CSP: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "connect-src": ["'self'"],
  "img-src": ["'self'", "blob:", "data:"],
  "worker-src": ["'self'", "blob:"],
};

test.setTimeout(120_000);

test("a full flow (load, sample and uploaded photo, read, solve, Iris page) only requests its own origin", async ({
  page,
}) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("worker", (worker) => requests.push(worker.url()));
  await page.goto("./");
  await page.getByRole("button", { name: "Try a sample photo" }).click();
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 90_000 });
  await page.getByLabel("Choose a photo").setInputFiles(SAMPLE);
  await expect(page.locator("#status")).toHaveText("Solved.", { timeout: 90_000 });
  await page.getByRole("link", { name: "Iris MLP demo" }).click();
  await expect(page).toHaveURL(/iris\.html$/);
  await page.waitForLoadState("networkidle");

  const origin = new URL(page.url()).origin;
  expect(requests.length).toBeGreaterThan(5);
  // blob:/data: URLs (the photo preview, the answer PNG) stay in the page; everything else is same-origin.
  const foreign = requests.filter((url) => !/^(blob|data):/.test(url) && new URL(url).origin !== origin);
  expect(foreign).toEqual([]);
});

test("the built index.html carries the strict CSP", () => {
  const html = readFileSync(join(ROOT, "dist/index.html"), "utf8");
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(meta, "CSP meta tag").not.toBeNull();
  const directives = new Map(
    meta![1]!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, [...sources].sort()]),
  );
  for (const [name, sources] of Object.entries(REQUIRED_CSP)) {
    expect(directives.get(name), name).toEqual([...sources].sort());
  }
  // The CSP forbids inline scripts, so the build must have none.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|html)$/.test(name) ? [path] : [];
  });
}

test("no source file builds markup from strings (innerHTML, outerHTML, insertAdjacentHTML)", () => {
  const files = [...sourceFiles(join(ROOT, "src")), join(ROOT, "index.html"), join(ROOT, "iris.html")];
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.filter((f) =>
    /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/.test(readFileSync(f, "utf8")),
  );
  expect(offenders).toEqual([]);
});
