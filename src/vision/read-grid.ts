import { toCellRead } from "../digits/cell-read.ts";
import type { CellProbabilities, DigitClassifier } from "../digits/classifier.ts";
import { turnTile } from "../digits/orientation.ts";
import { prepareCell, type PreparedCell } from "../digits/preprocess.ts";
import type { PipelineStage, ReadResult, StageTiming } from "../shared/reading.ts";
import { isGridQuad } from "../shared/corners.ts";
import type { Corners, GrayImage } from "../shared/image.ts";
import { sliceCells } from "./cells.ts";
import { outlineGrid, type StageImages } from "./debug-images.ts";
import { DETECT_MAX_SIDE, findGridCandidates } from "./find-grid.ts";
import { downscale, toGray, toRgba, type RgbaImage } from "./gray.ts";
import { PhotoFailure } from "./photo-failure.ts";
import { DECODE_MAX_SIDE } from "./photo-format.ts";
import { scaleCorners } from "./quad.ts";
import { chooseTurns, rotateGray, uprightOrder, type Turns } from "./rotation.ts";
import { looksLikeSudoku } from "./sudoku-like.ts";
import { warpToSquare } from "./warp.ts";

/** Corners given by hand must span at least 4 px per cell (in the working image) to be read. */
const MIN_GIVEN_SIDE = 36;

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
  /**
   * The grid's corners in the photo's pixels (TL, TR, BR, BL), as the user placed them: the grid is
   * read from exactly there and the find-grid stage is skipped.
   */
  corners?: Corners;
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
    const given = options.corners && scaleCorners(options.corners, scale);
    if (given && !isGridQuad(given, MIN_GIVEN_SIDE)) throw new PhotoFailure({ code: "bad-corners" });
    const candidates = given
      ? [{ corners: given, otherGridsSeen: false }]
      : await stage("find-grid", () =>
          findGridCandidates(gray, {
            onThreshold: debug ? (binary) => (debug.threshold = toRgba(binary)) : undefined,
          }),
        );
    // Best first; a candidate whose cells don't look like a sudoku's gives way to the next one.
    let chosen;
    for (const candidate of candidates) {
      const warped = await stage("unskew", () => warpToSquare(gray, candidate.corners));
      const cut = await stage("cells", () => {
        const tiles = sliceCells(warped);
        return { tiles, prepared: tiles.map(prepareCell) };
      });
      const read = { found: candidate, warped, ...cut };
      chosen ??= read;
      if (looksLikeSudoku(cut.prepared)) {
        chosen = read;
        break;
      }
    }
    if (!chosen) throw new PhotoFailure({ code: "no-grid" });
    const { found, warped, tiles, prepared } = chosen;
    if (debug) {
      const detection = downscale(gray, DETECT_MAX_SIDE);
      debug.contour = outlineGrid(detection.image, scaleCorners(found.corners, detection.scale));
    }
    if (prepared.every((cell) => cell.empty)) throw new PhotoFailure({ code: "no-digits" });
    const { turns, upright, probs } = await stage("classify", () =>
      classifyUpright(tiles, prepared, classifier),
    );
    const cells = upright.map((cell, i) => toCellRead(probs[i]!, cell.empty));
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
 * the turn under which the digits read most confidently: photos arrive sideways or upside down
 * (EXIF tags that disagree with the pixels, a phone held wrong) and a square outline cannot tell.
 * @returns the turns, and the 81 prepared cells with their probabilities in upright row-major order
 */
async function classifyUpright(
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<{ turns: Turns; upright: readonly PreparedCell[]; probs: CellProbabilities[] }> {
  const inkedIndices = prepared.flatMap((cell, i) => (cell.empty ? [] : [i]));
  const inked = inkedIndices.map((i) => prepared[i]!);
  const turned = [1, 2, 3].flatMap((t) => inked.map((cell) => turnTile(cell.input, t)));
  const out = await classifier.classifyCells([...prepared.map((cell) => cell.input), ...turned]);
  const asIs = out.slice(0, 81);
  const byTurn = [
    asIs.filter((_, i) => !prepared[i]!.empty),
    ...[0, 1, 2].map((k) => out.slice(81 + k * inked.length, 81 + (k + 1) * inked.length)),
  ];
  const turns = chooseTurns(inkedIndices, byTurn);
  if (turns === 0) return { turns, upright: prepared, probs: asIs };
  // The empty test looks at shape (a digit is tall): prepare the turned cells again, so that a
  // sideways "1" is not taken for a smudge.
  const upright = uprightOrder(tiles, turns).map((tile) => prepareCell(rotateGray(tile, turns)));
  return { turns, upright, probs: await classifier.classifyCells(upright.map((cell) => cell.input)) };
}
