import type { OpenCV } from "./opencv.ts";

/**
 * Bytes of the OpenCV wasm heap in use: allocate 64 KB blocks until the heap would have to grow,
 * then free them. `HEAPU8.length` alone only ever grows, leaks or not, and OpenCV.js exports no mallinfo.
 */
export function wasmHeapInUse(cv: OpenCV): number {
  const block = 64 * 1024;
  const size = cv.HEAPU8.length;
  const blocks: number[] = [];
  try {
    for (;;) {
      const ptr = cv._malloc(block);
      if (!ptr) break;
      blocks.push(ptr);
      if (cv.HEAPU8.length !== size) {
        blocks.pop();
        cv._free(ptr);
        break;
      }
    }
  } finally {
    for (const ptr of blocks) cv._free(ptr);
  }
  return size - blocks.length * block;
}
