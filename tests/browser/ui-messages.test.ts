import { expect, test } from "vitest";
import { cameraErrorMessage } from "../../src/ui/camera.ts";
import { photoErrorMessage, SMALL_GRID_PX, smallGridTip } from "../../src/ui/messages.ts";
import { ProgressView } from "../../src/ui/progress-view.ts";

test("every photo error has one actionable sentence; a cancelled read says nothing", () => {
  expect(photoErrorMessage({ code: "no-grid" })).toBe(
    "No sudoku grid found — fill the frame with the grid, flat and well lit.",
  );
  expect(photoErrorMessage({ code: "unsupported-format", format: "HEIC/HEIF" })).toMatch(
    /cannot decode HEIC.*JPEG/,
  );
  expect(photoErrorMessage({ code: "unsupported-format", format: "TIFF" })).toBe(
    "TIFF files are not read here. Save the picture as JPEG or PNG and try again.",
  );
  expect(photoErrorMessage({ code: "too-large", width: 20000, height: 20000 })).toMatch(
    /20000 × 20000.*100 megapixels/,
  );
  expect(photoErrorMessage({ code: "too-small", width: 40, height: 40 })).toMatch(/too small \(40 × 40/);
  expect(photoErrorMessage({ code: "not-an-image", detail: "the file is empty" })).toMatch(
    /not an image.*empty/,
  );
  expect(photoErrorMessage({ code: "no-digits" })).toMatch(/no digits were read/);
  expect(photoErrorMessage({ code: "cancelled" })).toBe("");
});

test("a grid small in the photo gets the advice to take it closer, with its width", () => {
  expect(smallGridTip(131.6)).toBe(
    "The grid is only about 132 pixels across in this photo: a closer photo reads more reliably.",
  );
  expect(smallGridTip(SMALL_GRID_PX - 1)).toMatch(/about 199 pixels/);
  expect(smallGridTip(SMALL_GRID_PX)).toBe("");
  expect(smallGridTip(3000)).toBe("");
});

test("camera failures name the fix", () => {
  expect(cameraErrorMessage(new DOMException("x", "NotAllowedError"))).toMatch(
    /^Camera permission was denied/,
  );
  expect(cameraErrorMessage(new DOMException("x", "NotFoundError"))).toMatch(/^No camera was found/);
  expect(cameraErrorMessage(new DOMException("x", "NotReadableError"))).toMatch(/in use by another app/);
  expect(cameraErrorMessage("weird")).toMatch(/could not start \(weird\)/);
});

test("download progress: a byte-accurate bar over both downloads, text in 10 % steps, then stages", () => {
  const bar = document.createElement("progress");
  const text = document.createElement("span");
  const view = new ProgressView(bar, text);
  view.start();
  expect(bar.hidden).toBe(true);
  view.update({ kind: "download", what: "opencv", loaded: 1_000_000, total: 10_000_000 });
  view.update({ kind: "download", what: "model", loaded: 0, total: 200_000 });
  expect(bar.hidden).toBe(false);
  expect(bar.max).toBe(10_200_000);
  expect(bar.value).toBe(1_000_000);
  expect(text.textContent).toBe(
    "Downloading OpenCV.js and the digit model (first use only): 1.0 MB of 10.2 MB",
  );
  // Within the same 10 % step the bar moves but the live text does not.
  view.update({ kind: "download", what: "opencv", loaded: 1_010_000, total: 10_000_000 });
  expect(bar.value).toBe(1_010_000);
  expect(text.textContent).toBe(
    "Downloading OpenCV.js and the digit model (first use only): 1.0 MB of 10.2 MB",
  );
  view.update({ kind: "download", what: "model", loaded: 200_000, total: 200_000 });
  view.update({ kind: "download", what: "opencv", loaded: 10_000_000, total: 10_000_000 });
  expect(text.textContent).toBe(
    "Downloading OpenCV.js and the digit model (first use only): 10.2 MB of 10.2 MB",
  );
  view.update({ kind: "stage", stage: "find-grid" });
  expect(bar.hidden).toBe(true);
  expect(text.textContent).toBe("Finding the grid…");
  view.done("Read 30 digits.");
  expect(text.textContent).toBe("Read 30 digits.");
});
