import { toCellRead } from "../digits/cell-read.ts";
import type { CellProbabilities, DigitClassifier } from "../digits/classifier.ts";
import { turnTile } from "../digits/orientation.ts";
import { prepareCell, type PreparedCell } from "../digits/preprocess.ts";
import type { PipelineStage, ReadResult, StageTiming } from "../shared/reading.ts";
import { isGridQuad } from "../shared/corners.ts";
import type { Corners, GrayImage } from "../shared/image.ts";
import { sliceCells } from "./cells.ts";
import { outlineGrid, type StageImages } from "./debug-images.ts";
import { DETECT_MAX_SIDE, findGridCandidates, type GridFound } from "./find-grid.ts";
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
  /** Find the grid with the finder's quick mode (camera frames where it was already seen). */
  quickFind?: boolean;
  /**
   * The grid's corners in the photo's pixels (TL, TR, BR, BL), as the user placed them: the grid is
   * read from exactly there and the find-grid stage is skipped.
   */
  corners?: Corners;
}

/** One picture of the grid: plain pixels, or pixels decoded shrunk. */
export type GridPicture = RgbaImage | DecodedPhoto;

/** One picture's grid, straightened and cut into prepared cells. */
interface GridView {
  found: Pick<GridFound, "corners" | "otherGridsSeen">;
  scale: number;
  warped: GrayImage;
  tiles: GrayImage[];
  prepared: PreparedCell[];
}

/**
 * The whole photo → digits pipeline, shared by the worker and the benchmark. OpenCV.js must be
 * loaded (`loadOpenCV`) and the classifier's TF.js backend chosen before calling.
 * @param decode yields the photo's pixels (EXIF orientation applied) or throws a PhotoFailure;
 *   the result's corners are in the photo's pixels even when it was decoded shrunk. It may yield
 *   several pictures of one grid (camera frames): each is found and cut on its own, and the cells'
 *   probabilities are averaged, which beats any single frame on blur and glare. The first picture
 *   whose grid is found gives the corners and debug images; pictures without a grid are skipped.
 */
export async function readGrid(
  decode: () => Promise<GridPicture | readonly GridPicture[]> | GridPicture | readonly GridPicture[],
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
    const grays = await stage("load", async () => {
      const decoded = await decode();
      const pictures: readonly GridPicture[] = "length" in decoded ? decoded : [decoded];
      return pictures.map((picture) => {
        const photo = "image" in picture ? picture : { image: picture, scale: 1 };
        const work = downscale(toGray(photo.image), DECODE_MAX_SIDE);
        return { gray: work.image, scale: photo.scale * work.scale };
      });
    });
    const views: GridView[] = [];
    for (const [i, { gray, scale }] of grays.entries()) {
      const onThreshold =
        debug && i === 0 ? (binary: GrayImage) => (debug.threshold = toRgba(binary)) : undefined;
      const given = options.corners && scaleCorners(options.corners, scale);
      if (given && !isGridQuad(given, MIN_GIVEN_SIDE)) throw new PhotoFailure({ code: "bad-corners" });
      const candidates = given
        ? [{ corners: given, otherGridsSeen: false }]
        : await stage("find-grid", () =>
            findGridCandidates(gray, { onThreshold, quick: options.quickFind ?? false }),
          );
      const view = await firstSudokuLike(gray, scale, candidates, stage);
      if (view) views.push(view);
    }
    const reference = views[0];
    if (!reference) throw new PhotoFailure({ code: "no-grid" });
    if (debug) {
      const detection = downscale(grays[0]!.gray, DETECT_MAX_SIDE);
      debug.contour = outlineGrid(detection.image, scaleCorners(reference.found.corners, detection.scale));
    }
    if (views.every((view) => view.prepared.every((cell) => cell.empty))) {
      throw new PhotoFailure({ code: "no-digits" });
    }
    const { turns, empty, probs } = await stage("classify", () => classifyUpright(views, classifier));
    const cells = probs.map((p, i) => toCellRead(p, empty[i]!));
    if (cells.every((cell) => cell.digit === 0)) throw new PhotoFailure({ code: "no-digits" });
    if (debug) {
      debug.warped = toRgba(rotateGray(reference.warped, turns));
      debug.cells = uprightOrder(reference.tiles, turns).map((tile) => toRgba(rotateGray(tile, turns)));
    }
    return {
      kind: "read",
      corners: scaleCorners(reference.found.corners, 1 / reference.scale),
      rotation: turns,
      cells,
      otherGridsSeen: reference.found.otherGridsSeen,
      timings,
      ...(debug ? { debug } : {}),
    };
  } catch (e) {
    if (e instanceof PhotoFailure) return { kind: "error", error: e.error };
    throw e;
  }
}

/**
 * Straightens and cuts each candidate grid of one picture in turn (best first) and keeps the first
 * whose cells look like a sudoku's, else the first: a larger blank grid or a table gives way.
 */
async function firstSudokuLike(
  gray: GrayImage,
  scale: number,
  candidates: readonly GridView["found"][],
  stage: <T>(name: PipelineStage, work: () => T | Promise<T>) => Promise<T>,
): Promise<GridView | undefined> {
  let chosen: GridView | undefined;
  for (const found of candidates) {
    const warped = await stage("unskew", () => warpToSquare(gray, found.corners));
    const view = await stage("cells", () => {
      const tiles = sliceCells(warped);
      return { found, scale, warped, tiles, prepared: tiles.map(prepareCell) };
    });
    chosen ??= view;
    if (looksLikeSudoku(view.prepared)) return view;
  }
  return chosen;
}

/**
 * Classifies the cells, and the inked ones also turned by 1–3 quarter turns, in one batch, and keeps
 * the turn under which the digits read most confidently: photos arrive sideways or upside down
 * (EXIF tags that disagree with the pixels, a phone held wrong) and a square outline cannot tell.
 * With several views, the first decides the turn alone (turning every view's cells would triple the
 * batch for a decision one sharp view makes), the probabilities are averaged over all views, and a
 * cell is empty when most views say so.
 * @returns the turns, and for the 81 cells in upright row-major order the empty flag and probabilities
 */
async function classifyUpright(
  views: readonly GridView[],
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<{ turns: Turns; empty: boolean[]; probs: CellProbabilities[] }> {
  const empty = mostlyEmpty(views.map((view) => view.prepared));
  const inkedIndices = empty.flatMap((isEmpty, i) => (isEmpty ? [] : [i]));
  const reference = views[0]!.prepared;
  const out = await classifier.classifyCells([
    ...views.flatMap(({ prepared }) => prepared.map((cell) => cell.input)),
    ...[1, 2, 3].flatMap((t) => inkedIndices.map((i) => turnTile(reference[i]!.input, t))),
  ]);
  const asIs = views.map((_, v) => out.slice(v * 81, (v + 1) * 81));
  const turned = out.slice(views.length * 81);
  const byTurn = [
    inkedIndices.map((i) => asIs[0]![i]!),
    ...[0, 1, 2].map((k) => turned.slice(k * inkedIndices.length, (k + 1) * inkedIndices.length)),
  ];
  const turns = chooseTurns(inkedIndices, byTurn);
  if (turns === 0) return { turns, empty, probs: averageProbabilities(asIs) };
  // The empty test looks at shape (a digit is tall): prepare the turned cells again, so that a
  // sideways "1" is not taken for a smudge.
  const upright = views.map(({ tiles }) =>
    uprightOrder(tiles, turns).map((tile) => prepareCell(rotateGray(tile, turns))),
  );
  const again = await classifier.classifyCells(upright.flatMap((cells) => cells.map((cell) => cell.input)));
  return {
    turns,
    empty: mostlyEmpty(upright),
    probs: averageProbabilities(upright.map((_, v) => again.slice(v * 81, (v + 1) * 81))),
  };
}

/** Per cell: empty in more than half of the views (a single view decides alone). */
function mostlyEmpty(views: readonly (readonly PreparedCell[])[]): boolean[] {
  return views[0]!.map((_, i) => views.filter((cells) => cells[i]!.empty).length * 2 > views.length);
}

/** Element-wise mean of equally long lists of probability vectors. */
function averageProbabilities(lists: readonly CellProbabilities[][]): CellProbabilities[] {
  if (lists.length === 1) return lists[0]!;
  return lists[0]!.map((_, i) => {
    const mean = new Float32Array(lists[0]![i]!.length);
    for (const list of lists) list[i]!.forEach((p, k) => (mean[k]! += p / lists.length));
    return mean;
  });
}
