import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { useWasmBackend } from "../src/digits/backend.ts";

/** TF.js's wasm backend in Node, reading its `.wasm` files from the package (prefix needs the "/"). */
export function useNodeWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  return useWasmBackend(join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), "/"));
}
