import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Plugin } from "vite";
import { OPENCV_MODULE_ARGS as MODULE_ARGS } from "../src/workers/opencv-module-args.ts";

/** The inlined wasm: one base64 data URI, the only one with a payload. */
const INLINED_WASM = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
/** Where the UMD factory starts Emscripten with an empty module object. */
const RUN = "return cv(Module);";
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Splits the single-file OpenCV.js build into its JavaScript and its `.wasm`: the base64 copy of the
 * wasm is 10.6 MB of the 10.9 MB file, compresses worse than the binary (Brotli 2.55 MB vs 1.86 MB
 * for both parts) and can only be compiled once all of it arrived, while a separate `.wasm` compiles
 * as it streams in. The JavaScript then takes `instantiateWasm` (a documented Emscripten module
 * argument) from `MODULE_ARGS`. Throws if the build does not have the expected shape, e.g. after an
 * upgrade of `@techstark/opencv-js`.
 */
export function splitOpenCV(source: string): { js: string; wasm: Uint8Array } {
  const inlined = [...source.matchAll(INLINED_WASM)];
  if (inlined.length !== 1) throw new Error(`OpenCV.js: expected 1 inlined wasm, found ${inlined.length}`);
  if (source.split(RUN).length !== 2) throw new Error(`OpenCV.js: expected "${RUN}" exactly once`);
  const [literal, base64] = inlined[0]!;
  const wasm = new Uint8Array(Buffer.from(base64!, "base64"));
  if (!WASM_MAGIC.every((b, i) => wasm[i] === b)) throw new Error("OpenCV.js: the inlined data is not wasm");
  const js = source.replace(literal, '""').replace(RUN, `return cv(Object.assign(Module, ${MODULE_ARGS}));`);
  return { js, wasm };
}

/** Writes `data` so that a concurrent reader never sees half a file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

const ALIAS = "opencv-split";

/**
 * Vite plugin: writes the split OpenCV.js (`opencv.js`, `opencv.wasm`, and `opencv.json` with their
 * decoded sizes for the progress bar) into `tmp/opencv-split/` (git-ignored) whenever the package's
 * file is newer, and resolves `opencv-split/…` there, so `?url` imports hash and emit both like any
 * asset, in the dev server and in the build.
 */
export function openCvSplitPlugin(): Plugin {
  return {
    name: "sudoku-lens:opencv-split",
    config(config) {
      const root = config.root ?? process.cwd();
      const source = createRequire(join(root, "package.json")).resolve("@techstark/opencv-js/dist/opencv.js");
      // Not under node_modules/: Vite's dev server would pre-bundle the files there as a dependency.
      const dir = join(root, "tmp", ALIAS);
      const meta = join(dir, "opencv.json");
      const fresh = (() => {
        try {
          return statSync(meta).mtimeMs >= statSync(source).mtimeMs;
        } catch {
          return false;
        }
      })();
      if (!fresh) {
        const { js, wasm } = splitOpenCV(readFileSync(source, "latin1"));
        mkdirSync(dir, { recursive: true });
        writeAtomically(join(dir, "opencv.js"), Buffer.from(js, "latin1"));
        writeAtomically(join(dir, "opencv.wasm"), wasm);
        writeAtomically(
          meta,
          JSON.stringify({ jsBytes: Buffer.byteLength(js, "latin1"), wasmBytes: wasm.length }),
        );
      }
      return { resolve: { alias: { [ALIAS]: dir } } };
    },
  };
}
