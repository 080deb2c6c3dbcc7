import { digitProbabilities } from "../digits/classes.ts";
import type { CellProbabilities, DigitClassifier } from "../digits/classifier.ts";
import {
  cellLooksEmptyInEveryTurn,
  inkDoubts,
  inkedInSomeTurn,
  type InkDoubt,
} from "../digits/empty-cell.ts";
import { faintTraces } from "../digits/faint-trace.ts";
import { turnTile } from "../digits/orientation.ts";
import { prepareCell, type PreparedCell } from "../digits/preprocess.ts";
import { cellTints, checkGivensAgainstInkColour, type CellColour } from "../digits/ink-tint.ts";
import {
  checkEntriesAgainstTypeface,
  checkGivensAgainstTypeface,
  printConsensus,
  printInTile,
  printOfDigit,
} from "../digits/typeface-check.ts";
import { minDigitHeight } from "../digits/digit-size.ts";
import { couldBePencilledEntry, paleEntries, pencilledEntry } from "../digits/pencilled-entry.ts";
import { readGridCells } from "../digits/grid-reads.ts";
import {
  classifyLookProbabilities,
  classifyLooks,
  secondLooks,
  stepFreeCell,
  tightCell,
} from "../digits/second-look.ts";
import { typefaceReads } from "../digits/typeface-read.ts";
import { withCreases } from "../digits/crease.ts";
import {
  DOUBT_THRESHOLD,
  givensOf,
  hasSureEntry,
  isHandwritten,
  MIN_CLUES,
  type CellRead,
  type IsPrint,
  type PipelineStage,
  type ReadResult,
  type StageTiming,
} from "../shared/reading.ts";
import { findConflicts } from "../solver/conflicts.ts";
import { isGridQuad } from "../shared/corners.ts";
import {
  hiddenClueSuspects,
  missedClueSuspects,
  settleHiddenClues,
  settleMissedClues,
} from "../solver/missed-clue.ts";
import { doubtsGivenSolution } from "../solver/solution-doubt.ts";
import { givensBySymmetry } from "../solver/symmetric-givens.ts";
import { givenAsWrongEntry } from "../solver/wrong-entry.ts";
import { entriesAsMissingGivens } from "../solver/entries-as-givens.ts";
import { entriesMendedBySolution } from "../solver/misread-given.ts";
import { provesPuzzle } from "../solver/puzzle-proof.ts";
import { givensHaveOneSolution, mergeSharperRead } from "../solver/sharper-read.ts";
import { placeTypefaceReads } from "../solver/typeface-clues.ts";
import { mapCorners, type Corners, type GrayImage } from "../shared/image.ts";
import { gridLines, innerLineShare, type GridLines } from "./cell-bounds.ts";
import { cellCutter, sliceCells } from "./cells.ts";
import { outlineGrid, traceGridLines, type StageImages } from "./debug-images.ts";
import {
  detectionImage,
  findGridCandidates,
  lineGridCandidates,
  snappedGridCandidates,
  type GridFound,
} from "./find-grid.ts";
import { cropRgba, downscale, toChroma, toGray, toRgba, type RgbaImage } from "./gray.ts";
import { PhotoFailure } from "./photo-failure.ts";
import { darkOnLight } from "./polarity.ts";
import { DECODE_MAX_SIDE } from "./photo-format.ts";
import { quadArea, sameFit, scaleCorners, separateQuads } from "./quad.ts";
import { rotateGray, unrotatedIndex, uprightOrder, type Turns } from "./rotation.ts";
import { sharpenedCells, SHARPENINGS } from "./sharpen.ts";
import { MAX_CLUES, sudokuInk } from "./sudoku-like.ts";
import { chooseUpright } from "./upright-turn.ts";
import { framedCorners, warpSource, warpToSquare } from "./warp.ts";

/** Corners given by hand must span at least 4 px per cell (in the working image) to be read. */
const MIN_GIVEN_SIDE = 36;
/** A weak candidate's unskewed grid shows most of its box borders (`innerLineShare`: 0.25 for all). */
const MIN_WEAK_LINE_SHARE = 0.2;

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
   * Find the grid with the finder's quick mode (camera frames where it was already seen), and look for no
   * other grid when the read's givens lack one solution (`refoundGrid`): another frame comes soon.
   */
  quickFind?: boolean;
  /**
   * The grid's corners in the photo's pixels (TL, TR, BR, BL), as the user placed them: the grid is
   * read from exactly there and the find-grid stage is skipped.
   */
  corners?: Corners;
  /** Read the grid turned this many quarter turns clockwise instead of finding its upright turn. */
  turns?: Turns;
}

/** Runs one stage of the read, timed and reported (see `ReadGridOptions.beforeStage`). */
type Stage = <T>(name: PipelineStage, work: () => T | Promise<T>) => Promise<T>;

/** One picture of the grid: plain pixels, or pixels decoded shrunk. */
export type GridPicture = RgbaImage | DecodedPhoto;

/** One picture's grid, straightened and cut into prepared cells. */
interface GridView {
  found: Pick<GridFound, "corners" | "otherGridsSeen" | "weak" | "faint" | "longShot" | "asFound">;
  scale: number;
  warped: GrayImage;
  /** The grid lines found in `warped`, along which `tiles` (and the colour planes) are cut. */
  lines: GridLines;
  tiles: GrayImage[];
  prepared: PreparedCell[];
  /** Cell i's colour (its `toChroma` planes, cut like `tiles`), cut when asked for: the reference view's only. */
  chroma?: CellColour;
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
  const stage: Stage = async (name, work) => {
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
        return { rgba: photo.image, gray: work.image, scale: photo.scale * work.scale };
      });
    });
    const views: GridView[] = [];
    // The first picture with a grid is the reference: its colour planes are cut, its outline is shown.
    const makeReference = (view: GridView, { rgba, gray }: (typeof grays)[number]) => {
      let colourOf: CellColour | undefined;
      view.chroma = (i) => (colourOf ??= cellColours(rgba, gray, view))(i);
      if (debug) {
        const detection = detectionImage(gray);
        debug.contour = outlineGrid(detection.image, scaleCorners(view.found.corners, detection.scale));
      }
    };
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
      const view =
        (await firstSudokuLike(gray, scale, candidates, stage, classifier)) ??
        (given || options.quickFind ? undefined : await linedGrid(gray, scale, classifier, stage));
      if (!view) continue;
      if (views.length === 0) makeReference(view, grays[i]!);
      views.push(view);
    }
    if (views.length === 0) throw new PhotoFailure({ code: "no-grid" });
    if (views.every((view) => view.prepared.every((cell) => cellLooksEmptyInEveryTurn(cell.shape)))) {
      throw new PhotoFailure({ code: "no-digits" });
    }
    const readViews = () =>
      stage("classify", async () => {
        const first = await classifyUpright(views, classifier, options.turns);
        const sharper = await withSharperRead(views, classifier, first);
        // Givens that a sharper read gave one solution may show where a clue hid.
        const clued = sharper === first.cells ? sharper : await first.hiddenClues(sharper);
        const cells = weighedAgainstSolution(clued, first.isPrint);
        const other = first.otherTurn;
        return {
          turns: first.turns,
          cells,
          isPrint: first.isPrint,
          hiddenClues: first.hiddenClues,
          // The runner-up's reads without its `isPrint`: the worker posts them, and a function cannot be cloned.
          ...(other
            ? {
                otherTurn: {
                  rotation: other.rotation,
                  cells: weighedAgainstSolution(other.cells, other.isPrint),
                },
              }
            : {}),
        };
      });
    let read = await readViews();
    let oneSolution = givensHaveOneSolution(read.cells);
    // A single photo whose chosen grid reads as no puzzle may hold one the finder's passes fitted too far
    // off (its outline joined by text): camera frames come again, and corners given by hand are kept.
    const photo = grays.length === 1 && !options.corners && !options.quickFind ? grays[0]! : undefined;
    if (photo && !oneSolution) {
      const refound = await refoundGrid(photo, views[0]!, classifier, stage);
      if (refound) {
        makeReference(refound, photo);
        views[0] = refound;
        read = await readViews();
        oneSolution = givensHaveOneSolution(read.cells);
      }
    }
    // A corner completed a cell along a curled page's border cuts the cells beside it a column off, and the
    // shifted digits can still leave the givens one solution: the outline's own fit takes its place when its
    // read proves a puzzle too and is doubted in fewer cells.
    const current = views[0]!;
    const ownFit = oneSolution ? outlineFit(current.found) : undefined;
    if (photo && ownFit) {
      const rival = await cutView(photo.gray, photo.scale, ownFit, stage);
      if (sudokuInk(rival.prepared) === "sudoku") {
        makeReference(rival, photo);
        views[0] = rival;
        const rivalRead = await readViews();
        if (
          givensHaveOneSolution(rivalRead.cells) &&
          doubtedCells(rivalRead.cells) < doubtedCells(read.cells)
        ) {
          read = rivalRead;
        } else {
          makeReference(current, photo);
          views[0] = current;
        }
      }
    }
    const { turns, otherTurn } = read;
    // Only once the grid is settled: the search above takes givens without one solution for a misfit's.
    const asPrint = oneSolution ? read.cells : entriesAsMissingGivens(read.cells);
    // The read was checked by its solution already; only entries turned into givens give the check, and the
    // search for hidden clues, a new one.
    const turned = asPrint.some((cell, i) => isHandwritten(read.cells[i]!) && !isHandwritten(cell));
    const cells = turned ? await read.hiddenClues(checkedBySolution(asPrint, read.isPrint)) : read.cells;
    const reference = views[0]!;
    if (cells.every((cell) => cell.digit === 0)) throw new PhotoFailure({ code: "no-digits" });
    if (debug) {
      debug.warped = traceGridLines(reference.warped, reference.lines, turns);
      debug.cells = uprightOrder(reference.tiles, turns).map((tile) => toRgba(rotateGray(tile, turns)));
    }
    return {
      kind: "read",
      corners: scaleCorners(reference.found.corners, 1 / reference.scale),
      rotation: turns,
      cells,
      otherGridsSeen: reference.found.otherGridsSeen,
      ...(otherTurn ? { otherTurn } : {}),
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
 * whose cells look like a sudoku's, else the first: a larger blank grid or a table gives way. A grid with
 * more inked cells than a printed puzzle has (`sudokuInk`: "crowded") looks like one when its read does
 * (`readsAsPuzzle`): a puzzle a player has filled in well past halfway, not a solution grid. A grid
 * found only by the finder's last resort (`faint`) must look like a sudoku's to be kept at all. A weak
 * candidate (below the finder's gridness bar) is kept only when it reads like a sudoku and its box
 * borders at least lie where a 9×9 grid's do: a quad cut across a grid can hold a sudoku's share of
 * inked cells too. Of several such weak candidates the largest is kept, as of clear grids: a page's
 * main puzzle whose cell lines vanished in shaded boxes scored below a smaller neighbouring grid; of
 * overlapping ones, the first whose read has one solution.
 * When none is kept, a weak candidate whose box borders barely show, or a long shot, is proven by its
 * read instead (`firstSolvable`).
 */
async function firstSudokuLike(
  gray: GrayImage,
  scale: number,
  candidates: readonly GridView["found"][],
  stage: Stage,
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<GridView | undefined> {
  let chosen: GridView | undefined;
  const weakViews: GridView[] = [];
  const unproven: GridView[] = [];
  // Crowded views whose read already showed a puzzle: the largest weak one is not classified again.
  const readAsPuzzle = new Set<GridView>();
  for (const found of candidates) {
    const view = await cutView(gray, scale, found, stage);
    const { warped } = view;
    const ink = sudokuInk(view.prepared);
    // A crowded grid is a puzzle filled in by a player when its read shows a puzzle's count of givens.
    if (ink === "crowded" && (await readsAsPuzzle(view, classifier, stage))) readAsPuzzle.add(view);
    const sudokuLike = ink === "sudoku" || readAsPuzzle.has(view);
    if (!found.weak) {
      if (sudokuLike) return view;
      if (!found.faint) chosen ??= view;
    } else if (sudokuLike) {
      if (found.longShot || innerLineShare(warped) < MIN_WEAK_LINE_SHARE) unproven.push(view);
      else weakViews.push(view);
    }
  }
  const largestWeak = weakViews.reduce<GridView | undefined>(
    (largest, view) =>
      largest && quadArea(largest.found.corners) >= quadArea(view.found.corners) ? largest : view,
    undefined,
  );
  // Overlapping weak fits (a grid, and a quad across part of it and its margin) are not told apart by
  // size: the first whose read has one solution wins, else the largest as before.
  const overlapping = weakViews.filter(
    (view) => largestWeak && !separateQuads(view.found.corners, largestWeak.found.corners),
  );
  const proven = overlapping.length > 1 ? await firstSolvable(overlapping, classifier, stage) : undefined;
  if (proven) return proven;
  if (
    largestWeak &&
    (readAsPuzzle.has(largestWeak) || (await readsAsPuzzle(largestWeak, classifier, stage)))
  ) {
    return largestWeak;
  }
  const others = weakViews.filter((view) => view !== largestWeak);
  return chosen ?? (await firstSolvable([...others, ...unproven], classifier, stage));
}

/** A candidate grid straightened and cut into prepared cells. */
async function cutView(
  gray: GrayImage,
  scale: number,
  found: GridView["found"],
  stage: Stage,
): Promise<GridView> {
  const warped = await stage("unskew", () => darkOnLight(warpToSquare(gray, found.corners)));
  return stage("cells", () => {
    const lines = gridLines(warped);
    const tiles = sliceCells(warped, lines);
    return { found, scale, warped, lines, tiles, prepared: tiles.map(prepareCell) };
  });
}

/**
 * Another grid of the photo whose read proves a puzzle (`firstProven`), for a chosen grid whose givens
 * lack one solution: the outline's own fit when a corner of the chosen one was completed (`asFound`: on a
 * curled page whose bowed outline a straight quad fits loosely, a corner completed a cell inward along the
 * border lined up better, and the cells beside it were cut a column off), then among the fits that clear
 * the gridness bar once snapped onto their border
 * (`snappedGridCandidates`), then among the grids fitted to the photo's lines (`lineGridCandidates`). A
 * book page's puzzle whose left border touched its text was fitted too far off to be refined, and a small
 * grid beside it was read instead, 47 cells wrong and none doubted (its givens conflict). A read that
 * proves a puzzle is no misfit quad's (see `firstSolvable`).
 */
async function refoundGrid(
  { gray, scale }: { gray: GrayImage; scale: number },
  current: GridView,
  classifier: Pick<DigitClassifier, "classifyCells">,
  stage: Stage,
): Promise<GridView | undefined> {
  const ownFit = outlineFit(current.found);
  if (ownFit) {
    const proven = await firstProven(gray, scale, [ownFit], classifier, stage);
    if (proven) return proven;
  }
  for (const find of [snappedGridCandidates, lineGridCandidates]) {
    const others = (await stage("find-grid", () => find(gray)))
      .filter((found) => !sameFit(found.corners, current.found.corners))
      .map((found) => ({ ...found, otherGridsSeen: separateQuads(found.corners, current.found.corners) }));
    const proven = await firstProven(gray, scale, others, classifier, stage);
    if (proven) return proven;
  }
  return undefined;
}

/** The candidate as its outline was fitted, when a corner of it was completed (`asFound`). */
function outlineFit(found: GridView["found"]): GridView["found"] | undefined {
  return found.asFound && { ...found, corners: found.asFound, asFound: undefined };
}

/**
 * The first of `candidates` inked like a printed puzzle (`sudokuInk`) whose read proves one
 * (`firstSolvable`): a printed solution grid's 81 digits have one solution too.
 */
async function firstProven(
  gray: GrayImage,
  scale: number,
  candidates: readonly GridView["found"][],
  classifier: Pick<DigitClassifier, "classifyCells">,
  stage: Stage,
): Promise<GridView | undefined> {
  const views: GridView[] = [];
  for (const found of candidates) {
    const view = await cutView(gray, scale, found, stage);
    if (sudokuInk(view.prepared) === "sudoku") views.push(view);
  }
  return firstSolvable(views, classifier, stage);
}

/**
 * A grid fitted to the photo's straight lines (`lineGridCandidates`) whose read proves a puzzle, for a
 * photo where no outline's fit was kept: a generated newspaper grid whose outline merged with the text
 * set against it, and one whose hairline lines broke under bands of shadow, went unfound. Costly (every
 * straight run of ink is sorted into grids), so only then.
 */
async function linedGrid(
  gray: GrayImage,
  scale: number,
  classifier: Pick<DigitClassifier, "classifyCells">,
  stage: Stage,
): Promise<GridView | undefined> {
  const candidates = await stage("find-grid", () => lineGridCandidates(gray));
  return firstProven(gray, scale, candidates, classifier, stage);
}

/**
 * Whether a weak or crowded candidate's read could be a puzzle: `MIN_CLUES` to `MAX_CLUES` givens, and
 * none of those the CNN is sure of repeated in a row, column or box. A weak fit taken on its box borders
 * alone can be a single 3×3 box, a page or a neighbouring grid, which read as a few givens or a garbled
 * puzzle: on generated photos, 47 of 81 cells wrong and not one flagged; a crowded grid can be a printed
 * solution. A photo with no grid at all gets its manual corners instead.
 */
async function readsAsPuzzle(
  view: GridView,
  classifier: Pick<DigitClassifier, "classifyCells">,
  stage: Stage,
): Promise<boolean> {
  const { cells } = await stage("classify", () => classifyUpright([view], classifier, undefined));
  const givens = givensOf(cells);
  const sure = givens.map((digit, i) => (cells[i]!.confidence >= DOUBT_THRESHOLD ? digit : 0));
  const count = givens.filter((digit) => digit !== 0).length;
  return count >= MIN_CLUES && count <= MAX_CLUES && findConflicts(sure).length === 0;
}

/**
 * The first of `views` whose read (sharper read included) proves a puzzle (`provesPuzzle`). Blur
 * at low resolution leaves a grid's box borders too few pieces to tell it from a quad cut across a grid
 * (`innerLineShare` 0.06–0.19 on generated photos whose right quad was refused), but a misfit quad's
 * digits, shifted rows or columns of a puzzle and text, do not make a puzzle with one solution.
 */
async function firstSolvable(
  views: readonly GridView[],
  classifier: Pick<DigitClassifier, "classifyCells">,
  stage: Stage,
): Promise<GridView | undefined> {
  for (const view of views) {
    const solvable = await stage("classify", async () => {
      const first = await classifyUpright([view], classifier, undefined);
      return provesPuzzle(await withSharperRead([view], classifier, first));
    });
    if (solvable) return view;
  }
  return undefined;
}

/**
 * Cell i's colour: the photo's `toChroma` planes, shrunk like its gray working image (`gray`), cut along
 * the grid lines found in the gray view (`cellCutter`), each cell on first need (only cells with ink
 * are asked for). Only the box of the grid and its margin (`framedCorners`, where a curled page's
 * outline may run) is converted: on a 12-MP photo the whole took 200 ms. A box much larger than the
 * unskewed grid is shrunk further, with area averaging, as `warpToSquare` shrinks the gray one
 * (`warpSource`), so that thin strokes keep their colour.
 */
function cellColours(
  rgba: RgbaImage,
  gray: GrayImage,
  { found: { corners }, lines }: Pick<GridView, "found" | "lines">,
): CellColour {
  const toPhoto = rgba.width / gray.width;
  const framed = framedCorners(mapCorners(corners, (p) => ({ x: p.x * toPhoto, y: p.y * toPhoto })));
  const { x0, y0, width, height, shrink } = warpSource(framed, rgba);
  // The gray working image is never larger than the photo (toPhoto ≥ 1).
  const box = cropRgba(rgba, { x0, y0, width, height }, Math.min(1 / toPhoto, shrink));
  const local = mapCorners(framed, (p) => ({
    x: (p.x - x0) * (box.width / width),
    y: (p.y - y0) * (box.height / height),
  }));
  const cut = cellCutter(toChroma(box), local, lines);
  const cells: (readonly [GrayImage, GrayImage])[] = [];
  const pair = ([blueYellow, redGreen]: GrayImage[]) => [blueYellow!, redGreen!] as const;
  return (i) => (cells[i] ??= pair(cut(i)));
}

/**
 * Runs the read's stages that need no OpenCV (cells, classification, the upright choice) on a grid
 * already square (`WARP_PX`², e.g. a drawn one), so that V8 has compiled them before the first photo:
 * on a first visit this runs while OpenCV's wasm still downloads, and that photo's cells and classify
 * stages then run warm.
 */
export async function rehearseCells(
  warped: GrayImage,
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<void> {
  const tiles = sliceCells(warped);
  const prepared = tiles.map(prepareCell);
  sudokuInk(prepared);
  await classifyUpright([{ tiles, prepared }], classifier, undefined);
}

/**
 * Classifies the cells, and the inked ones also turned by 1–3 quarter turns, in one batch, and keeps
 * the turn under which the digits read upright (`chooseUpright`): photos arrive sideways or upside
 * down (EXIF tags that disagree with the pixels, a phone held wrong) and a square outline cannot tell.
 * With several views (camera frames), the first decides the turn alone (turning every view's cells
 * would multiply the batch for a decision one view makes), the probabilities are averaged over all
 * views, and a cell is empty when most views say so.
 * @param forced read under this turn instead of choosing
 * @returns the turns, the 81 reads in upright row-major order and which glyphs are the grid's print of a
 *   digit (`printOfDigit`), and the same for the runner-up turn on a near-tie
 */
async function classifyUpright(
  views: readonly Pick<GridView, "tiles" | "prepared" | "chroma">[],
  classifier: Pick<DigitClassifier, "classifyCells">,
  forced: Turns | undefined,
): Promise<{
  turns: Turns;
  cells: CellRead[];
  isPrint: IsPrint;
  hiddenClues: HiddenClues;
  otherTurn?: { rotation: Turns; cells: CellRead[]; isPrint: IsPrint; hiddenClues: HiddenClues };
}> {
  const reference = views[0]!.prepared;
  // Show-through and smudges would only add noise to the orientation vote.
  const inkedIndices = inkedInSomeTurn(reference.map((cell) => cell.shape)).flatMap((inked, i) =>
    inked ? [i] : [],
  );
  // A forced turn needs no vote, and a forced quarter turn no read of the cells as they are.
  const inked = forced === undefined ? inkedIndices.map((i) => reference[i]!) : [];
  const asIsInputs =
    forced === undefined || forced === 0
      ? views.flatMap(({ prepared }) => prepared.map((cell) => cell.input))
      : [];
  const out = await classifier.classifyCells([
    ...asIsInputs,
    ...[1, 2, 3].flatMap((t) => inked.map((cell) => turnTile(cell.input, t))),
  ]);
  const asIs = asIsInputs.length === 0 ? [] : views.map((_, v) => out.slice(v * 81, (v + 1) * 81));
  const turned = out.slice(asIsInputs.length);
  const choice =
    forced === undefined
      ? chooseUpright(
          inkedIndices,
          inked.map((cell) => cell.shape!),
          [
            inkedIndices.map((i) => asIs[0]![i]!),
            ...[0, 1, 2].map((k) => turned.slice(k * inked.length, (k + 1) * inked.length)),
          ].map((probs) => probs.map(digitProbabilities)),
        )
      : { turns: forced };
  // The empty test looks at shape (a digit is tall): prepare the turned cells again, so that a
  // sideways "1" is not taken for a smudge.
  const wanted = [choice.turns, ...(choice.runnerUp === undefined ? [] : [choice.runnerUp])];
  const uprights = wanted.map((turns) =>
    views.map(({ tiles, prepared, chroma }) => {
      if (turns === 0) return { tiles, prepared, chroma };
      const upright = (cells: GrayImage[]) =>
        uprightOrder(cells, turns).map((tile) => rotateGray(tile, turns));
      const turned = upright(tiles);
      return {
        tiles: turned,
        prepared: turned.map(prepareCell),
        chroma:
          chroma &&
          ((i: number) => {
            const [blueYellow, redGreen] = chroma(unrotatedIndex(i, turns));
            return [rotateGray(blueYellow, turns), rotateGray(redGreen, turns)] as const;
          }),
      };
    }),
  );
  const fresh = uprights.flatMap((perView, k) =>
    wanted[k] === 0 ? [] : perView.flatMap(({ prepared }) => prepared.map((cell) => cell.input)),
  );
  const freshProbs = await classifier.classifyCells(fresh);
  let next = 0;
  const reads: { cells: CellRead[]; isPrint: IsPrint; hiddenClues: HiddenClues }[] = [];
  for (const [k, perView] of uprights.entries()) {
    const probs = averageProbabilities(
      perView.map((_, v) => (wanted[k] === 0 ? asIs[v]! : freshProbs.slice(next, (next += 81)))),
    );
    const cells = perView.map(({ prepared }) => prepared);
    const empty = mostlyEmpty(cells);
    const cellDoubts = withCreases(mostlyDoubts(cells), perView[0]!.tiles, cells[0]!);
    const cellReads = readGridCells(
      probs,
      empty,
      cellDoubts,
      cells.map((view) => view.map((cell) => cell.shape)),
    );
    // The first view's cut decides the kind of ink, as it does the turn.
    const { tiles, prepared, chroma } = perView[0]!;
    const consensus = printConsensus(cellReads, tiles, prepared);
    const entriesChecked = checkEntriesAgainstTypeface(cellReads, tiles, prepared, consensus);
    const givensChecked = checkGivensAgainstTypeface(entriesChecked, tiles, prepared, consensus);
    const inkChecked = chroma
      ? checkGivensAgainstInkColour(givensChecked, () =>
          cellTints(
            tiles,
            chroma,
            prepared.map((cell) => cell.box),
            cellDoubts,
          ),
        )
      : givensChecked;
    // Where the ink test saw a digit of the grid's size and tone, what the CNN doubts is also read by the
    // grid's own print.
    const inkPassed = prepared.map((cell, i) => !cell.empty && cellDoubts[i] === undefined);
    const typeface = placeTypefaceReads(
      inkChecked,
      typefaceReads(inkChecked, tiles, prepared, inkPassed, consensus),
    );
    const traces = faintTraces(prepared);
    const inked = prepared.map((cell, i) => cell.shape !== undefined || traces[i]!);
    const suspects = missedClueSuspects(typeface, inked);
    const looks = await secondLooks(suspects, typeface, tiles, prepared, classifier);
    const settled = settleMissedClues(typeface, suspects, looks);
    // Only where the ink test saw a digit of the grid's size and tone: a lone pencilled candidate, often
    // the digit the solution has there, must not become a clue.
    const hiddenClues = (reads: readonly CellRead[]) =>
      withHiddenClues(
        reads,
        tiles,
        prepared,
        inkPassed,
        printInTile(reads, tiles, prepared, consensus),
        classifier,
      );
    const clued = await hiddenClues(settled);
    const minHeight = minDigitHeight(
      settled,
      prepared.map((cell) => cell.shape),
    );
    // Pale ink of the print's size that the CNN reads, unsurely, as the solution's digit written by hand,
    // in a grid the player has written in (`hasSureEntry`): without one, on 300 printed-only generated
    // photos (seed 9004), shadows' edges, creases and grain read as the solution's digit in 7 cells of 4
    // photos, 3 of them read exactly before.
    const pencilled = hasSureEntry(clued)
      ? hiddenClueSuspects(
          clued,
          // A read emptied as a candidate pencilled in its digit's place is "small" ink, however tall.
          prepared.map((cell, i) =>
            couldBePencilledEntry(cell.shape, clued[i]!.tooSmall ? "small" : cellDoubts[i], minHeight),
          ),
        )
      : [];
    const entries = await withPencilledEntries(clued, pencilled, probs, tiles, minHeight, classifier);
    // Last, with the kinds of ink settled: pencil far paler than the print around it is an entry.
    const final = paleEntries(
      entries,
      prepared.map((cell) => cell.shape),
    );
    reads.push({ cells: final, isPrint: printOfDigit(final, tiles, prepared, consensus), hiddenClues });
  }
  return {
    turns: choice.turns,
    ...reads[0]!,
    ...(choice.runnerUp === undefined ? {} : { otherTurn: { rotation: choice.runnerUp, ...reads[1]! } }),
  };
}

/** How many of the cells the page flags as doubtful. */
function doubtedCells(cells: readonly CellRead[]): number {
  return cells.filter((cell) => cell.confidence < DOUBT_THRESHOLD).length;
}

/** Settles a read's hidden clues (`withHiddenClues`) by one grid's cells. */
type HiddenClues = (reads: readonly CellRead[]) => Promise<CellRead[]>;

/**
 * The reads with their hidden clues settled (`hiddenClueSuspects`, `settleHiddenClues`): a suspect whose
 * other looks (`otherLooksAt`) read, surely, the printed digit the givens' solution puts there, or whose
 * tile holds the grid's print of it (`isPrint`: `printInTile`), takes it. A tighter look keeps the darkest
 * of several pencilled candidates, often the solution's digit: only ink of the print's height may be a
 * clue.
 * @param inkPassed per cell, whether the ink test saw a digit of the grid's size and tone there
 */
async function withHiddenClues(
  reads: readonly CellRead[],
  tiles: readonly GrayImage[],
  prepared: readonly PreparedCell[],
  inkPassed: readonly boolean[],
  isPrint: IsPrint,
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<CellRead[]> {
  const hidden = hiddenClueSuspects(reads, inkPassed);
  if (hidden.length === 0) return [...reads];
  const minHeight = minDigitHeight(
    reads,
    prepared.map((cell) => cell.shape),
  );
  const otherLooks = otherLooksAt(
    tiles,
    hidden.map(({ cell }) => cell),
    minHeight,
  );
  const otherReads = await classifyLooks(otherLooks, classifier);
  const readsOf = (k: number) => underEachLook(otherReads, hidden.length, k).flatMap((read) => read ?? []);
  return settleHiddenClues(
    reads,
    hidden,
    hidden.map((_, k) => readsOf(k)),
    isPrint,
  );
}

/**
 * Other looks at a cell than the first: a tighter one drops paler ink joined to the digit, a step-free one
 * a shadow's edge (`src/digits/second-look.ts`).
 */
const OTHER_LOOKS = [tightCell, stepFreeCell];

/**
 * Each of `OTHER_LOOKS` at each of `cells`, look after look (cell k under look j at j × cells + k);
 * undefined where the look's ink fails the ink test or is shorter than the grid's print (`minHeight`).
 */
function otherLooksAt(
  tiles: readonly GrayImage[],
  cells: readonly number[],
  minHeight: number | undefined,
): (PreparedCell | undefined)[] {
  return OTHER_LOOKS.flatMap((look) =>
    cells.map((cell) => {
      if (minHeight === undefined) return undefined;
      const other = look(tiles[cell]!);
      return other && other.shape!.height >= minHeight ? other : undefined;
    }),
  );
}

/** Cell k's results under each of `OTHER_LOOKS`, in a batch laid out as `otherLooksAt` lays it out. */
function underEachLook<T>(batch: readonly T[], cells: number, k: number): (T | undefined)[] {
  return OTHER_LOOKS.map((_, j) => batch[j * cells + k]);
}

/**
 * The reads with each pencilled suspect (a cell read as empty, with the digit the givens' solution puts
 * there) that the CNN reads as that digit written by hand (`pencilledEntry`) made that entry: from the
 * first look's probabilities, or else from the first of the other looks (`otherLooksAt`) that does. A
 * bold pen stroke or a blurred pencil one, or a shadow's edge joined to it, makes a blob at the first
 * look's ink bar that the CNN reads as empty.
 */
async function withPencilledEntries(
  reads: readonly CellRead[],
  suspects: readonly { cell: number; digit: number }[],
  probs: readonly CellProbabilities[],
  tiles: readonly GrayImage[],
  minHeight: number | undefined,
  classifier: Pick<DigitClassifier, "classifyCells">,
): Promise<CellRead[]> {
  const entries = [...reads];
  const unread: { cell: number; digit: number }[] = [];
  for (const suspect of suspects) {
    const entry = pencilledEntry(reads[suspect.cell]!, probs[suspect.cell]!, suspect.digit);
    if (entry) entries[suspect.cell] = entry;
    else unread.push(suspect);
  }
  const looks = otherLooksAt(
    tiles,
    unread.map(({ cell }) => cell),
    minHeight,
  );
  const lookProbs = await classifyLookProbabilities(looks, classifier);
  unread.forEach(({ cell, digit }, k) => {
    const entry = underEachLook(lookProbs, unread.length, k)
      .flatMap((p) => (p ? [pencilledEntry(reads[cell]!, p, digit)] : []))
      .find((read) => read !== undefined);
    if (entry) entries[cell] = entry;
  });
  return entries;
}

/**
 * The first read's cells, or, when its givens do not have exactly one solution (a clue missed or
 * misread), the first sharpening (`SHARPENINGS`) whose read merged into it has one
 * (`mergeSharperRead`): blur at low resolution turns strokes into blobs the CNN reads as empty, and a
 * sharpened cell reads right where its first read was doubtful. Read under the first read's turn.
 */
async function withSharperRead(
  views: readonly GridView[],
  classifier: Pick<DigitClassifier, "classifyCells">,
  first: { turns: Turns; cells: CellRead[] },
): Promise<CellRead[]> {
  if (givensHaveOneSolution(first.cells)) return first.cells;
  for (const [sigma, amount] of SHARPENINGS) {
    const sharper = views.map((view) => {
      const tiles = sharpenedCells(view.tiles, sigma, amount);
      return { ...view, tiles, prepared: tiles.map(prepareCell) };
    });
    const again = await classifyUpright(sharper, classifier, first.turns);
    const merged = mergeSharperRead(first.cells, again.cells);
    if (merged) return merged;
  }
  return first.cells;
}

/**
 * The reads checked against the printed puzzle: givens and entries told apart again where they break an
 * all but symmetric clue layout (`givensBySymmetry`), a given that broke the solution turned back into
 * the wrong entry it was (`givenAsWrongEntry`), then checked by the givens' solution (`checkedBySolution`).
 */
function weighedAgainstSolution(reads: readonly CellRead[], isPrint: IsPrint): CellRead[] {
  return checkedBySolution(givenAsWrongEntry(givensBySymmetry(reads)), isPrint);
}

/**
 * The reads checked by the givens' one solution: an entry that broke it turned into the misread print it
 * was (`entriesMendedBySolution`) when its glyph is the grid's print of the solution's digit (`isPrint`) or,
 * in a grid without a sure entry, when the reader doubts it and the CNN gives that digit some odds (else,
 * there, a mark on a blank cell), then reads that disagree with the solution doubted (`doubtsGivenSolution`).
 */
function checkedBySolution(reads: readonly CellRead[], isPrint: IsPrint): CellRead[] {
  return doubtsGivenSolution(entriesMendedBySolution(reads, isPrint));
}

/** Per cell: empty in more than half of the views (a single view decides alone). */
function mostlyEmpty(views: readonly (readonly PreparedCell[])[]): boolean[] {
  return views[0]!.map((_, i) => views.filter((cells) => cells[i]!.empty).length * 2 > views.length);
}

/**
 * Per cell, the grid-level ink doubt: a doubt that may empty the cell ("small", "faint", "ghost") only
 * when more than half of the views see one (a frame whose glare wiped a digit must not veto the frames
 * that show it), else the first view's verdict among those that do not.
 */
function mostlyDoubts(views: readonly (readonly PreparedCell[])[]): InkDoubt[] {
  const perView = views.map((cells) => inkDoubts(cells.map((cell) => cell.shape)));
  const empties = (doubt: InkDoubt) => doubt === "small" || doubt === "faint" || doubt === "ghost";
  return perView[0]!.map((_, i) => {
    const clear = perView.filter((doubts) => !empties(doubts[i]));
    return clear.length * 2 >= perView.length
      ? clear[0]![i]
      : perView.find((doubts) => empties(doubts[i]))![i];
  });
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
