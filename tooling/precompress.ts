import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What may shrink: text, wasm and model weights. Images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|bin|webmanifest|txt)$/;
/** Below this a compressed copy saves less than one packet. */
const MIN_BYTES = 1024;
/** Keep a copy only if it saves at least 10 %: model weights barely shrink. */
const MAX_RATIO = 0.9;

/** Every file under `dir`, recursively, as paths relative to it. */
async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)])),
  );
  return nested.flat();
}

export interface Precompressed {
  file: string;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/**
 * Writes `name.br` (Brotli, quality 11) and `name.gz` (gzip -9) beside every compressible file under
 * `dir` that they shrink, for a static server that serves precompressed files (`http-server --brotli
 * --gzip`, nginx `brotli_static`/`gzip_static`, most CDNs). Returns what it wrote.
 */
export async function precompress(dir: string): Promise<Precompressed[]> {
  const candidates = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  const written = await Promise.all(
    candidates.map(async (file): Promise<Precompressed | undefined> => {
      const path = join(dir, file);
      if ((await stat(path)).size < MIN_BYTES) return undefined;
      const raw = await readFile(path);
      const [b, g] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
          },
        }),
        gz(raw, { level: 9 }),
      ]);
      if (b.length > raw.length * MAX_RATIO) return undefined;
      await Promise.all([writeFile(`${path}.br`, b), writeFile(`${path}.gz`, g)]);
      return { file, bytes: raw.length, brotliBytes: b.length, gzipBytes: g.length };
    }),
  );
  return written.filter((w) => w !== undefined);
}

/**
 * Vite plugin: precompresses the finished build. Ordered last and sequential, so the files other
 * plugins write when the bundle closes (the service worker) are complete before they are read.
 */
export function precompressPlugin(): Plugin {
  let outDir = "dist";
  return {
    name: "sudoku-lens:precompress",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      async handler() {
        const written = await precompress(outDir);
        const raw = written.reduce((s, w) => s + w.bytes, 0);
        const br = written.reduce((s, w) => s + w.brotliBytes, 0);
        this.info(`precompressed ${written.length} files: ${raw} B → ${br} B brotli`);
      },
    },
  };
}
