import { env } from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm"; // registers the backend and its flags before we set one
import plain from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import simd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import { useWasmBackend } from "../digits/backend.ts";
import { fetchKept } from "./keep-downloads.ts";

let backend: Promise<void> | undefined;

/**
 * Selects TF.js's wasm backend in the worker, once. The worker fetches exactly one binary itself, the
 * one TF.js would pick: the SIMD build (every current browser), or the plain one without wasm SIMD;
 * through `fetchKept`, so a worker outside the service worker keeps it for offline use, which TF.js's own
 * fetch would not. The threaded build needs SharedArrayBuffer, i.e. COOP/COEP headers that static
 * hosting of this app does not send, so threads are switched off and its 436-KB binary is not even built.
 */
export function useBrowserWasmBackend(): Promise<void> {
  return (backend ??= load());
}

async function load(): Promise<void> {
  env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  const url = new URL((await env().getAsync("WASM_HAS_SIMD_SUPPORT")) ? simd : plain, import.meta.url);
  const response = await fetchKept(url);
  if (!response.ok) throw new Error(`could not download ${url.href}: HTTP ${response.status}`);
  // Typed as wasm, so TF.js's loader still compiles it with `instantiateStreaming`.
  const binary = new Blob([await response.arrayBuffer()], { type: "application/wasm" });
  const local = URL.createObjectURL(binary);
  try {
    // `setWasmPaths` wants an entry for every variant; all point at the one fetched.
    await useWasmBackend({
      "tfjs-backend-wasm.wasm": local,
      "tfjs-backend-wasm-simd.wasm": local,
      "tfjs-backend-wasm-threaded-simd.wasm": local,
    });
  } finally {
    URL.revokeObjectURL(local);
  }
}
