/** Decoded sizes of the split OpenCV.js (written by `tooling/opencv-split.ts`), for the progress bar. */
declare module "opencv-split/opencv.json" {
  const sizes: { jsBytes: number; wasmBytes: number };
  export default sizes;
}
