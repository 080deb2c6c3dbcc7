import * as tf from "@tensorflow/tfjs-core";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

export type WasmPaths = string | Record<string, string>;

let ready: Promise<void> | undefined;

/**
 * Selects the TF.js wasm backend, once. `paths` is where the `.wasm` files are served: a prefix
 * that MUST end with "/" (a directory URL, or in Node the package's `dist/` directory), or a map
 * from file name to URL (e.g. Vite `?url` imports). Without SharedArrayBuffer (no COOP/COEP
 * headers) TF.js picks the single-threaded binary by itself.
 */
export function useWasmBackend(paths: WasmPaths): Promise<void> {
  return (ready ??= init(paths));
}

async function init(paths: WasmPaths): Promise<void> {
  if (typeof paths === "string" && !paths.endsWith("/")) {
    throw new Error(`wasm path prefix must end with "/": ${paths}`);
  }
  setWasmPaths(paths);
  if (!(await tf.setBackend("wasm"))) throw new Error("TF.js wasm backend failed to initialise");
  await tf.ready();
}
