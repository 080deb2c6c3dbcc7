import type { DigitClassifier } from "../digits/classifier.ts";
import { digitProbabilities } from "../digits/classes.ts";
import { prepareCell } from "../digits/preprocess.ts";
import type { Corners } from "../shared/image.ts";
import type { CameraFrame, ClueCheck, GridSighting } from "../shared/live.ts";
import type { ReadResult } from "../shared/reading.ts";
import { sliceCells } from "../vision/cells.ts";
import { findGridCorners } from "../vision/find-grid.ts";
import { toGray, type RgbaImage } from "../vision/gray.ts";
import { scaleCorners } from "../vision/quad.ts";
import { readGrid } from "../vision/read-grid.ts";
import { rotateGray, unrotatedIndex, type Turns } from "../vision/rotation.ts";
import { warpToSquare } from "../vision/warp.ts";
import { drawnGrid } from "./drawn-grid.ts";

/** Long side of the frames the grid is looked for in: enough for the quick finder, cheap to threshold. */
export const DETECT_SIDE = 480;

/** One canvas reused for every frame: allocating a new one per frame is measurable at 15 frames/s. */
let scratch: OffscreenCanvasRenderingContext2D | null = null;

/**
 * The frame's pixels, shrunk to at most `maxSide` (drawn shrunk: cheaper than copying it whole), and
 * by how much. The frame is closed: the page transferred it, nobody else will use it.
 */
export function framePixels(frame: CameraFrame, maxSide = Infinity): { image: RgbaImage; scale: number } {
  try {
    const [w, h] =
      "displayWidth" in frame ? [frame.displayWidth, frame.displayHeight] : [frame.width, frame.height];
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    if (!scratch || scratch.canvas.width < width || scratch.canvas.height < height) {
      scratch = new OffscreenCanvas(width, height).getContext("2d", { willReadFrequently: true });
      if (!scratch) throw new Error("no 2D context in the worker");
    }
    scratch.drawImage(frame, 0, 0, width, height);
    return { image: scratch.getImageData(0, 0, width, height), scale };
  } finally {
    frame.close();
  }
}

/**
 * The cheap per-frame step of live scanning: the grid in the frame shrunk to DETECT_SIDE, quick mode,
 * and with `check` how many of an earlier read's clues the frame still shows.
 * @returns corners in the frame's own pixels
 */
export async function sightGrid(
  frame: CameraFrame,
  classifier: Pick<DigitClassifier, "classifyCells">,
  check?: ClueCheck,
): Promise<GridSighting> {
  const { image, scale } = framePixels(frame, DETECT_SIDE);
  const gray = toGray(image);
  const found = findGridCorners(gray, { quick: true });
  if (!found) return { kind: "none" };
  const corners = scaleCorners(found.corners, 1 / scale);
  if (!check) return { kind: "grid", corners };
  return {
    kind: "grid",
    corners,
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
    const p = digitProbabilities(probs[k]!);
    return p.every((q) => q <= p[digit]!);
  }).length;
}

/**
 * Reads several full-resolution frames of one grid as one reading (see `readGrid`: the cells'
 * probabilities are averaged). Each frame is closed once its pixels are out.
 */
export async function readFrames(
  frames: readonly CameraFrame[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<ReadResult> {
  // The live finder already saw a grid in each frame: its quick mode is enough here too.
  const reading = await readGrid(() => frames.map((frame) => framePixels(frame).image), classifier, {
    quickFind: true,
  });
  if (reading.kind === "error") return reading;
  const { corners, rotation, cells, otherGridsSeen, timings } = reading;
  return { kind: "read", corners, rotation, cells, otherGridsSeen, timings };
}

/**
 * Runs the read once on a drawn grid, so the first real read does not pay for compiling its code: in
 * Node a first three-frame read cost 0.93 s of CPU, later ones 0.3 s, and 0.4 s after this rehearsal.
 * Called while the camera starts up.
 */
export async function rehearseRead(classifier: Pick<DigitClassifier, "classifyCells">): Promise<void> {
  const image = drawnGrid(360, 20);
  if (!image) return;
  // One frame compiles the same code as three; on a loaded machine each costs seconds of wall time.
  await readGrid(() => image, classifier, { quickFind: true });
}
