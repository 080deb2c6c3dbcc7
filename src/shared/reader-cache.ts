/**
 * The Cache Storage cache the reader's files (pipeline worker, OpenCV.js, TF.js wasm, the digit model) live
 * in: the service worker's CacheFirst route serves them from it (`vite.config.ts`), and a pipeline worker
 * that runs outside the service worker puts what it downloads there itself (`src/workers/keep-downloads.ts`).
 */
export const READER_CACHE = "reader";
