import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync } from "node:zlib";
import { expect, test } from "@playwright/test";

// What the first photo downloads, checked on the build and on the server that serves it as `npm start` does.

const DIST = fileURLToPath(new URL("../../dist", import.meta.url));
const assets = readdirSync(join(DIST, "assets"));
const asset = (pattern: RegExp) => {
  const name = assets.find((f) => pattern.test(f));
  if (!name) throw new Error(`no dist/assets file matches ${pattern}; run vite build`);
  return name;
};

test("the big assets are served Brotli-compressed when asked for, wasm as application/wasm", async ({
  request,
}) => {
  const big = [
    asset(/^opencv-.*\.wasm$/),
    asset(/^opencv-.*\.js$/),
    asset(/^pipeline-reader-.*\.js$/),
    asset(/^tfjs-backend-wasm-simd-.*\.wasm$/),
  ];
  for (const name of big) {
    const response = await request.get(`assets/${name}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(response.status(), name).toBe(200);
    expect(response.headers()["content-encoding"], name).toBe("br");
    if (name.endsWith(".wasm")) expect(response.headers()["content-type"], name).toBe("application/wasm");
    const onDisk = readFileSync(join(DIST, "assets", name));
    const sent = Number(response.headers()["content-length"]);
    expect(sent, name).toBeLessThan(onDisk.length * 0.5);
    // The compressed copy is the same file: decoding what was sent gives back the original bytes.
    expect(brotliDecompressSync(readFileSync(join(DIST, "assets", `${name}.br`))).equals(onDisk), name).toBe(
      true,
    );
  }
  const gzip = await request.get(`assets/${big[0]}`, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
  const plain = await request.get(`assets/${big[0]}`, { headers: { "Accept-Encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
});

test("the pipeline worker bundles TF.js core, layers and the wasm backend only: no WebGL backend", () => {
  const entry = readFileSync(join(DIST, "assets", asset(/^pipeline\.worker-.*\.js$/)), "utf8");
  const reader = readFileSync(join(DIST, "assets", asset(/^pipeline-reader-.*\.js$/)), "utf8");
  // The entry starts the OpenCV download at once; TF.js and the stages come in the chunk it imports.
  expect(entry).toMatch(/import\(["'`][^"'`]*pipeline-reader-[^"'`]+\.js["'`]\)/);
  expect(entry).not.toContain("tfjs-backend-wasm-simd.wasm");
  expect(reader).toContain("tfjs-backend-wasm-simd.wasm");
  // Markers of @tensorflow/tfjs-backend-webgl, which the "@tensorflow/tfjs" bundle would pull in.
  for (const file of [entry, reader])
    expect(file).not.toMatch(/runWebGLProgram|WEBGL_VERSION|MathBackendWebGL/);
  // Only the wasm variants a browser may fetch are built; threads need COOP/COEP, which we don't send.
  expect(assets.filter((f) => /^tfjs-backend-wasm.*\.wasm$/.test(f)).length).toBe(2);
  expect(assets.some((f) => f.includes("threaded-simd"))).toBe(false);
});
