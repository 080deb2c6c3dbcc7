import { env } from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm"; // registers the backend and its flags before we set one
import plain from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import simd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import type { WasmPaths } from "../digits/backend.ts";

/**
 * Where the worker finds TF.js's wasm binaries. The browser fetches exactly one: the SIMD build
 * (every current browser), or the plain one without wasm SIMD. The threaded build needs
 * SharedArrayBuffer, i.e. COOP/COEP headers that static hosting of this app does not send, so threads
 * are switched off and its 436-KB binary is not even built; `setWasmPaths` still wants an entry for it.
 */
export function browserWasmPaths(): WasmPaths {
  env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  return {
    "tfjs-backend-wasm.wasm": plain,
    "tfjs-backend-wasm-simd.wasm": simd,
    "tfjs-backend-wasm-threaded-simd.wasm": simd,
  };
}
