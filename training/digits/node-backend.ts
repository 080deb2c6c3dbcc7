import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { useWasmBackend } from "../../src/digits/backend.ts";
import { registerConvGradients } from "./conv-gradients.ts";

let ready: Promise<void> | undefined;

/**
 * TF.js on the wasm backend in Node (tfjs-node cannot be installed here; the cpu backend is
 * ~10 s per conv batch), with the Conv2D gradients wasm lacks. The wasm files are read from
 * the package's `dist/` directory: a file path with a trailing slash.
 */
export function useNodeWasmBackend(): Promise<void> {
  return (ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
    await useWasmBackend(join(dist, "/"));
    registerConvGradients();
  })());
}
