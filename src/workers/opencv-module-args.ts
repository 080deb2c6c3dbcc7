/**
 * The free identifier the build's split OpenCV.js reads its Emscripten module arguments from: the
 * build writes it in (`tooling/opencv-split.ts`), the worker's loader binds it.
 */
export const OPENCV_MODULE_ARGS = "openCvModuleArgs";
