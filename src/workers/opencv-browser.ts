import openCvJsUrl from "opencv-split/opencv.js?url";
import sizes from "opencv-split/opencv.json";
import openCvWasmUrl from "opencv-split/opencv.wasm?url";
import { fetchWithProgress } from "./fetch-progress.ts";
import { fetchKept } from "./keep-downloads.ts";
import { OPENCV_MODULE_ARGS } from "./opencv-module-args.ts";

/** The Emscripten module argument the split OpenCV.js takes (see `tooling/opencv-split.ts`). */
interface ModuleArgs {
  instantiateWasm(
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
  ): object;
}

/**
 * The worker's OpenCV.js source: the build's split copy of `@techstark/opencv-js`, its 8-MB `.wasm`
 * compiled while it streams in and its JavaScript run as a module from a blob URL. A module worker
 * has no `importScripts`, and its top-level `this` is undefined, so the UMD wrapper is given a
 * CommonJS-style `module` to fill instead. Progress counts decoded bytes of both files.
 */
export async function fetchOpenCV(
  onBytes: (loaded: number, total: number) => void,
): Promise<{ default: unknown }> {
  const total = sizes.jsBytes + sizes.wasmBytes;
  let jsLoaded = 0;
  let wasmLoaded = 0;
  const report = () => onBytes(jsLoaded + wasmLoaded, Math.max(total, jsLoaded + wasmLoaded));
  // The 225-KB script is parsed and run as a module as soon as it is in, while the wasm still streams.
  const [compiled, run] = await Promise.all([
    compileStreaming(new URL(openCvWasmUrl, import.meta.url), (loaded) => {
      wasmLoaded = loaded;
      report();
    }),
    fetchWithProgress(new URL(openCvJsUrl, import.meta.url), (loaded) => {
      jsLoaded = loaded;
      report();
    }).then(moduleFunction),
  ]);
  let instantiated: Promise<void> | undefined;
  const cv = run({
    instantiateWasm(imports, receive) {
      instantiated = WebAssembly.instantiate(compiled, imports).then((instance) =>
        receive(instance, compiled),
      );
      return {};
    },
  });
  // Emscripten asks for the instance while the module function runs; a link error surfaces here
  // instead of leaving the runtime waiting forever.
  if (!instantiated) throw new Error("OpenCV.js did not ask for its wasm");
  await instantiated;
  return { default: cv };
}

/** OpenCV.js's UMD script as a function of its module arguments, through a module made from a blob URL. */
async function moduleFunction(code: Uint8Array<ArrayBuffer>): Promise<(args: ModuleArgs) => unknown> {
  const blob = new Blob(
    [
      `export default function (${OPENCV_MODULE_ARGS}) {\nvar module = { exports: {} };\n`,
      code,
      "\nreturn module.exports;\n}\n",
    ],
    { type: "text/javascript" },
  );
  const url = URL.createObjectURL(blob);
  try {
    const { default: run } = (await import(/* @vite-ignore */ url)) as {
      default: (args: ModuleArgs) => unknown;
    };
    return run;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Fetches and compiles a `.wasm` in one pass, counting the bytes as they arrive. */
async function compileStreaming(url: URL, onBytes: (loaded: number) => void): Promise<WebAssembly.Module> {
  const response = await fetchKept(url);
  if (!response.ok || !response.body)
    throw new Error(`could not download ${url.href}: HTTP ${response.status}`);
  let loaded = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        loaded += chunk.length;
        onBytes(loaded);
        out.enqueue(chunk);
      },
    }),
  );
  return WebAssembly.compileStreaming(
    new Response(counted, { headers: { "content-type": "application/wasm" } }),
  );
}
