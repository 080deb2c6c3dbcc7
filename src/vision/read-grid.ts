import { toCellRead } from "../digits/cell-read.ts";
import type { DigitClassifier } from "../digits/classifier.ts";
import { turnTile } from "../digits/orientation.ts";
import { cellLooksEmptyInEveryTurn, inkDoubts } from "../digits/empty-cell.ts";
import { prepareCell, type PreparedCell } from "../digits/preprocess.ts";
import type { CellRead, PipelineStage, ReadResult, StageTiming } from "../shared/reading.ts";
import type { GrayImage } from "../shared/image.ts";
import { sliceCells } from "./cells.ts";
import { outlineGrid, type StageImages } from "./debug-images.ts";
import { DETECT_MAX_SIDE, findGridCorners } from "./find-grid.ts";
import { downscale, toGray, toRgba, type RgbaImage } from "./gray.ts";
import { PhotoFailure } from "./photo-failure.ts";
import { invertGray, isLightOnDark } from "./polarity.ts";
import { DECODE_MAX_SIDE } from "./photo-format.ts";
import { scaleCorners } from "./quad.ts";
import { rotateGray, uprightOrder, type Turns } from "./rotation.ts";
import { chooseUpright } from "./upright-turn.ts";
import { warpToSquare } from "./warp.ts";

/** `ReadResult` with RGBA debug images that need no DOM (Node has no ImageData). */
export type GridReading =
  | (Omit<Extract<ReadResult, { kind: "read" }>, "debug"> & { debug?: StageImages })
  | Extract<ReadResult, { kind: "error" }>;

/** A decoded photo that may have been shrunk while decoding (browsers can, for big photos). */
export interface DecodedPhoto {
  image: RgbaImage;
  /** Decoded pixels per photo pixel: 1, or less when decoded shrunk. */
  scale: number;
}

export interface ReadGridOptions {
  /** Also return each stage's image. */
  debug?: boolean;
  /**
   * Awaited before each stage starts: the worker reports progress there, yields to its message
   * loop and throws `PhotoFailure({ code: "cancelled" })` when the read was superseded.
   */
  beforeStage?: (stage: PipelineStage) => void | Promise<void>;
  /** Read the grid turned this many quarter turns clockwise instead of finding its upright turn. */
  turns?: Turns;
}

/**
 * The whole photo → digits pipeline, shared by the worker and the benchmark. OpenCV.js must be
 * loaded (`loadOpenCV`) and the classifier's TF.js backend chosen before calling.
 * @param decode yields the photo's pixels (EXIF orientation applied) or throws a PhotoFailure;
 *   the result's corners are in the photo's pixels even when it was decoded shrunk
 */
export async function readGrid(
  decode: () => Promise<RgbaImage | DecodedPhoto> | RgbaImage | DecodedPhoto,
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
    const { gray, scale } = await stage("load", async () => {
      const decoded = await decode();
      const photo = "image" in decoded ? decoded : { image: decoded, scale: 1 };
      const work = downscale(toGray(photo.image), DECODE_MAX_SIDE);
      return { gray: work.image, scale: photo.scale * work.scale };
    });
    const found = await stage("find-grid", () =>
      findGridCorners(gray, {
        onThreshold: debug ? (binary) => (debug.threshold = toRgba(binary)) : undefined,
      }),
    );
    if (!found) throw new PhotoFailure({ code: "no-grid" });
    if (debug) {
      const detection = downscale(gray, DETECT_MAX_SIDE);
      debug.contour = outlineGrid(detection.image, scaleCorners(found.corners, detection.scale));
    }
    const warped = await stage("unskew", () => {
      const square = warpToSquare(gray, found.corners);
      // The digit preprocessing knows dark ink on light paper: a dark-theme screenshot is turned into that.
      return isLightOnDark(square) ? invertGray(square) : square;
    });
    const { tiles, prepared } = await stage("cells", () => {
      const tiles = sliceCells(warped);
      return { tiles, prepared: tiles.map(prepareCell) };
    });
    if (prepared.every((cell) => cellLooksEmptyInEveryTurn(cell.shape))) {
      throw new PhotoFailure({ code: "no-digits" });
    }
    const { turns, cells, otherTurn } = await stage("classify", () =>
      classifyUpright(tiles, prepared, classifier, options.turns),
    );
    if (cells.every((cell) => cell.digit === 0)) throw new PhotoFailure({ code: "no-digits" });
    if (debug) {
      debug.warped = toRgba(rotateGray(warped, turns));
      debug.cells = uprightOrder(tiles, turns).map((tile) => toRgba(rotateGray(tile, turns)));
    }
    return {
      kind: "read",
      corners: scaleCorners(found.corners, 1 / scale),
      rotation: turns,
      cells,
      ...(otherTurn ? { otherTurn } : {}),
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
 * Classifies the cells, and the inked ones also turned by 1–3 quarter turns, in one batch, and keeps
 * the turn under which the digits read upright (`chooseUpright`): photos arrive sideways or upside
 * down (EXIF tags that disagree with the pixels, a phone held wrong) and a square outline cannot tell.
 * @param forced read under this turn instead of choosing
 * @returns the turns and the 81 reads in upright row-major order, and the runner-up turn's reads on a near-tie
 */
async function classifyUpright(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  classifier: Pick<DigitClassifier, "classifyCells">,
  forced: Turns | undefined,
): Promise<{ turns: Turns; cells: CellRead[]; otherTurn?: { rotation: Turns; cells: CellRead[] } }> {
  // Show-through and smudges would only add noise to the orientation vote.
  const doubts = inkDoubts(prepared.map((cell) => cell.shape));
  const inkedIndices = prepared.flatMap((cell, i) =>
    cellLooksEmptyInEveryTurn(cell.shape) || doubts[i] === "faint" ? [] : [i],
  );
  const inked = inkedIndices.map((i) => prepared[i]!);
  const turned = [1, 2, 3].flatMap((t) => inked.map((cell) => turnTile(cell.input, t)));
  const out = await classifier.classifyCells([...prepared.map((cell) => cell.input), ...turned]);
  const asIs = out.slice(0, 81);
  const byTurn = [
    inkedIndices.map((i) => asIs[i]!),
    ...[0, 1, 2].map((k) => out.slice(81 + k * inked.length, 81 + (k + 1) * inked.length)),
  ];
  const choice =
    forced === undefined
      ? chooseUpright(
          inkedIndices,
          inked.map((cell) => cell.shape!),
          byTurn,
        )
      : { turns: forced };
  // The empty test looks at shape (a digit is tall): prepare the turned cells again, so that a
  // sideways "1" is not taken for a smudge.
  const wanted = [choice.turns, ...(choice.runnerUp === undefined ? [] : [choice.runnerUp])];
  const uprights = wanted.map((turns) =>
    turns === 0 ? prepared : uprightOrder(tiles, turns).map((tile) => prepareCell(rotateGray(tile, turns))),
  );
  const fresh = uprights.flatMap((cells, k) => (wanted[k] === 0 ? [] : cells.map((cell) => cell.input)));
  const freshProbs = await classifier.classifyCells(fresh);
  let next = 0;
  const reads = uprights.map((cells, k) => {
    const probs = wanted[k] === 0 ? asIs : freshProbs.slice(next, (next += 81));
    const cellDoubts = inkDoubts(cells.map((cell) => cell.shape));
    return cells.map((cell, i) => toCellRead(probs[i]!, cell.empty, cellDoubts[i]));
  });
  return {
    turns: choice.turns,
    cells: reads[0]!,
    ...(choice.runnerUp === undefined ? {} : { otherTurn: { rotation: choice.runnerUp, cells: reads[1]! } }),
  };
}
