import openCvUrl from "@techstark/opencv-js/dist/opencv.js?url";
import { fetchWithProgress } from "./fetch-progress.ts";

/**
 * The worker's OpenCV.js source: download the UMD bundle once with byte progress, then run it as a
 * module from a blob URL. A module worker has no `importScripts`, and its top-level `this` is
 * undefined, so the UMD wrapper is given a CommonJS-style `module` to fill instead.
 */
export async function fetchOpenCV(
  onBytes: (loaded: number, total: number) => void,
): Promise<{ default: unknown }> {
  const bytes = await fetchWithProgress(new URL(openCvUrl, import.meta.url), onBytes);
  const blob = new Blob(["var module = { exports: {} };\n", bytes, "\nexport default module.exports;\n"], {
    type: "text/javascript",
  });
  const url = URL.createObjectURL(blob);
  try {
    return (await import(/* @vite-ignore */ url)) as { default: unknown };
  } finally {
    URL.revokeObjectURL(url);
  }
}
