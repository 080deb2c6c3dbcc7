import type { CV, Mat } from "@techstark/opencv-js";

/** The OpenCV.js module once its wasm runtime is ready, plus the Emscripten heap members we use. */
export type OpenCV = CV & {
  HEAPU8: Uint8Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
};

/**
 * Yields a module namespace whose `default` is the OpenCV.js module (the runtime may still be
 * starting). Never the module itself: it is a thenable, so a promise resolving to it never settles.
 */
export type OpenCVSource = () => Promise<{ default: unknown }>;

/** Emscripten module before the runtime is up; `then` is its own Promise-like hook (see `whenReady`). */
interface PendingModule {
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
  then?: unknown;
}

let loading: Promise<OpenCV> | undefined;
let ready: OpenCV | undefined;

/**
 * Loads OpenCV.js once (memoised) and resolves when its wasm runtime is initialised.
 * The first caller picks the source: Node imports the package, the worker passes a fetcher with progress.
 */
export function loadOpenCV(source: OpenCVSource = importPackage): Promise<OpenCV> {
  return (loading ??= source().then(async (namespace) => {
    ready = await whenReady(namespace.default as PendingModule);
    return ready;
  }));
}

/** The loaded module for the synchronous stages; they must run after `await loadOpenCV()`. */
export function opencv(): OpenCV {
  if (!ready) throw new Error("OpenCV.js is not loaded yet: await loadOpenCV() first");
  return ready;
}

/** Node's source. The specifier is opaque to Vite on purpose: the worker fetches the file itself, and
 * a literal import would put a second 11-MB copy of OpenCV.js into the build. */
const PACKAGE = "@techstark/opencv-js";
function importPackage(): Promise<{ default: unknown }> {
  return import(/* @vite-ignore */ PACKAGE) as Promise<{ default: unknown }>;
}

function whenReady(mod: PendingModule): Promise<OpenCV> {
  return new Promise((resolve) => {
    const finish = () => {
      // The module's own `then` makes it a thenable: resolving or awaiting it would recurse forever.
      delete mod.then;
      resolve(mod as OpenCV);
    };
    if (mod.calledRun) finish();
    else mod.onRuntimeInitialized = finish;
  });
}

/** Anything OpenCV allocates on the wasm heap (Mat, MatVector, …). */
export interface Deletable {
  delete(): void;
  isDeleted(): boolean;
}

/** Registers a heap object for deletion when the enclosing `withMats` scope ends; returns it. */
export type Track = <M extends Deletable>(m: M) => M;

/**
 * Runs `fn` with a tracker; every object passed to `track` is deleted when `fn` returns or throws,
 * so a stage cannot leak wasm memory on its error paths. Thrown OpenCV pointers become Errors.
 */
export function withMats<T>(fn: (track: Track) => T): T {
  const owned: Deletable[] = [];
  try {
    return fn((m) => {
      owned.push(m);
      return m;
    });
  } catch (e) {
    throw toError(e);
  } finally {
    for (const m of owned) if (!m.isDeleted()) m.delete();
  }
}

/** OpenCV.js throws C++ exceptions as bare numbers (pointers into the heap); give them a message. */
export function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e === "number" && ready) {
    const exception = ready.exceptionFromPtr(e) as { msg?: string } | undefined;
    return new Error(`OpenCV: ${exception?.msg ?? `exception ${e}`}`);
  }
  return new Error(String(e));
}

export type { Mat };
