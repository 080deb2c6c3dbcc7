import type { DigitClassifier } from "../digits/classifier.ts";
import { prepareCell } from "../digits/preprocess.ts";
import type { Corners } from "../shared/image.ts";
import type { ClueCheck, GridSighting } from "../shared/live.ts";
import type { ReadResult } from "../shared/reading.ts";
import { sliceCells } from "../vision/cells.ts";
import { findGridCorners } from "../vision/find-grid.ts";
import { toGray, type RgbaImage } from "../vision/gray.ts";
import { readGrid } from "../vision/read-grid.ts";
import { rotateGray, unrotatedIndex, type Turns } from "../vision/rotation.ts";
import { warpToSquare } from "../vision/warp.ts";

/** One canvas reused for every frame: allocating a new one per frame is measurable at 15 frames/s. */
let scratch: OffscreenCanvasRenderingContext2D | null = null;

/** The frame's pixels; the bitmap is closed (the page transferred it, nobody else will). */
export function framePixels(frame: ImageBitmap): RgbaImage {
  try {
    if (!scratch || scratch.canvas.width < frame.width || scratch.canvas.height < frame.height) {
      scratch = new OffscreenCanvas(frame.width, frame.height).getContext("2d", { willReadFrequently: true });
      if (!scratch) throw new Error("no 2D context in the worker");
    }
    scratch.drawImage(frame, 0, 0);
    return scratch.getImageData(0, 0, frame.width, frame.height);
  } finally {
    frame.close();
  }
}

/**
 * The cheap per-frame step of live scanning: the grid in a small (≈ 480 px) frame, quick mode, and with
 * `check` how many of an earlier read's clues the frame still shows.
 */
export async function sightGrid(
  frame: ImageBitmap,
  classifier: Pick<DigitClassifier, "classifyCells">,
  check?: ClueCheck,
): Promise<GridSighting> {
  const gray = toGray(framePixels(frame));
  const found = findGridCorners(gray, { quick: true });
  if (!found) return { kind: "none" };
  if (!check) return { kind: "grid", corners: found.corners };
  return {
    kind: "grid",
    corners: found.corners,
    matchingClues: await countMatchingClues(gray, found.corners, check, classifier),
  };
}

async function countMatchingClues(
  gray: ReturnType<typeof toGray>,
  corners: Corners,
  check: ClueCheck,
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<number> {
  const turns = (((check.rotation % 4) + 4) % 4) as Turns;
  const tiles = sliceCells(warpToSquare(gray, corners));
  const cells = check.clues.map(({ index }) =>
    prepareCell(rotateGray(tiles[unrotatedIndex(index, turns)]!, turns)),
  );
  const probs = await classifier.classifyCells(cells.map((cell) => cell.input));
  return check.clues.filter(({ digit }, k) => {
    if (cells[k]!.empty) return false;
    const p = probs[k]!;
    return p.every((q) => q <= p[digit]!);
  }).length;
}

/**
 * Reads several full-resolution frames of one grid as one reading (see `readGrid`: the cells'
 * probabilities are averaged). Each frame is closed once its pixels are out.
 */
export async function readFrames(
  frames: readonly ImageBitmap[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<ReadResult> {
  const reading = await readGrid(() => frames.map(framePixels), classifier);
  if (reading.kind === "error") return reading;
  const { corners, rotation, cells, otherGridsSeen, timings } = reading;
  return { kind: "read", corners, rotation, cells, otherGridsSeen, timings };
}
