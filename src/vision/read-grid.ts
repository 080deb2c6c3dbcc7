import { toCellRead } from "../digits/cell-read.ts";
import type { CellProbabilities, DigitClassifier } from "../digits/classifier.ts";
import { prepareCell, type PreparedCell } from "../digits/preprocess.ts";
import type { PipelineStage, ReadResult, StageTiming } from "../workers/pipeline-types.ts";
import { sliceCells } from "./cells.ts";
import { outlineGrid, rotateGray, type StageImages } from "./debug-images.ts";
import { DETECT_MAX_SIDE, findGridCorners } from "./find-grid.ts";
import { downscale, toGray, toRgba, type RgbaImage } from "./gray.ts";
import { PhotoFailure } from "./photo-failure.ts";
import { scaleCorners } from "./quad.ts";
import { ALL_TURNS, bestTurns, orientationScore, rotateTile, uprightOrder, type Turns } from "./rotation.ts";
import { warpToSquare } from "./warp.ts";

/** `ReadResult` with RGBA debug images that need no DOM (Node has no ImageData). */
export type GridReading =
  | (Omit<Extract<ReadResult, { kind: "read" }>, "debug"> & { debug?: StageImages })
  | Extract<ReadResult, { kind: "error" }>;

export interface ReadGridOptions {
  /** Also return each stage's image. */
  debug?: boolean;
  /**
   * Awaited before each stage starts: the worker reports progress there, yields to its message
   * loop and throws `PhotoFailure({ code: "cancelled" })` when the read was superseded.
   */
  beforeStage?: (stage: PipelineStage) => void | Promise<void>;
}

/**
 * The whole photo → digits pipeline, shared by the worker and the benchmark. OpenCV.js must be
 * loaded (`loadOpenCV`) and the classifier's TF.js backend chosen before calling.
 * @param decode yields the photo's pixels (EXIF orientation applied) or throws a PhotoFailure
 */
export async function readGrid(
  decode: () => Promise<RgbaImage> | RgbaImage,
  classifier: Pick<DigitClassifier, "classifyCells">,
  options: ReadGridOptions = {},
): Promise<GridReading> {
  const timings: StageTiming[] = [];
  const debug: StageImages | undefined = options.debug ? {} : undefined;
  const stage = async <T>(name: PipelineStage, work: () => T | Promise<T>): Promise<T> => {
    await options.beforeStage?.(name);
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings.push({ stage: name, ms: performance.now() - start });
    }
  };
  try {
    const gray = await stage("load", async () => toGray(await decode()));
    const found = await stage("find-grid", () =>
      findGridCorners(gray, {
        onThreshold: debug ? (binary) => (debug.threshold = toRgba(binary)) : undefined,
      }),
    );
    if (!found) throw new PhotoFailure({ code: "no-grid" });
    if (debug) {
      const { image, scale } = downscale(gray, DETECT_MAX_SIDE);
      debug.contour = outlineGrid(image, scaleCorners(found.corners, scale));
    }
    const warped = await stage("unskew", () => warpToSquare(gray, found.corners));
    const { tiles, prepared } = await stage("cells", () => {
      const tiles = sliceCells(warped);
      return { tiles, prepared: tiles.map(prepareCell) };
    });
    if (prepared.every((cell) => cell.empty)) throw new PhotoFailure({ code: "no-digits" });
    const { turns, probs } = await stage("classify", () => classifyUpright(prepared, classifier));
    const upright = uprightOrder(prepared, turns);
    const cells = upright.map((cell, i) => toCellRead(probs[i]!, cell.empty));
    if (cells.every((cell) => cell.digit === 0)) throw new PhotoFailure({ code: "no-digits" });
    if (debug) {
      debug.warped = toRgba(rotateGray(warped, turns));
      debug.cells = uprightOrder(tiles, turns).map((tile) => toRgba(rotateGray(tile, turns)));
    }
    return {
      kind: "read",
      corners: found.corners,
      rotation: turns,
      cells,
      otherGridsSeen: found.otherGridsSeen,
      timings,
      ...(debug ? { debug } : {}),
    };
  } catch (e) {
    if (e instanceof PhotoFailure) return { kind: "error", error: e.error };
    throw e;
  }
}

/**
 * Classifies every cell at all four quarter turns in one batch and keeps the turn under which the
 * digits read most confidently: photos arrive sideways or upside down (EXIF tags that disagree
 * with the pixels, a phone held wrong), and the grid's square outline cannot tell.
 * @returns the turns and the 81 cells' probabilities in upright row-major order
 */
async function classifyUpright(
  prepared: readonly PreparedCell[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<{ turns: Turns; probs: CellProbabilities[] }> {
  const batch = ALL_TURNS.flatMap((t) => prepared.map((cell) => rotateTile(cell.input, t)));
  const all = await classifier.classifyCells(batch);
  const perTurn = ALL_TURNS.map((t) => all.slice(t * 81, (t + 1) * 81));
  const scores = perTurn.map((probs) => orientationScore(probs.filter((_, i) => !prepared[i]!.empty)));
  const turns = bestTurns(scores);
  return { turns, probs: uprightOrder(perTurn[turns]!, turns) };
}
