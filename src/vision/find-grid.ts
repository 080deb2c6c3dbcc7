import { mapCorners, type Corners, type GrayImage, type Point } from "../shared/image.ts";
import { downscale, grayFromMat, matFromGray, resize } from "./gray.ts";
import { boxGridness, gridness } from "./gridness.ts";
import { opencv, withMats, type Mat, type OpenCV, type Track } from "./opencv.ts";
import { invertGray, isLightOnDark } from "./polarity.ts";
import {
  aspectOf,
  diagonalExtremes,
  isPlausibleSquare,
  orderCorners,
  quadArea,
  sameFit,
  scaleCorners,
  separateQuads,
} from "./quad.ts";
import { projectRect, squareToQuad } from "../shared/homography.ts";
import { lineGridQuads } from "./line-grid.ts";
import { snapSidesToLines } from "./snap-sides.ts";
import { warpQuad } from "./warp.ts";

export interface GridFound {
  /** TL, TR, BR, BL in the input image's pixels (outer edge of the grid's border). */
  corners: Corners;
  /** Grid-line evidence inside the quad (see `gridness`), higher is surer. */
  score: number;
  /** Another, separate grid-like square was seen; the larger one was taken. */
  otherGridsSeen: boolean;
  /** Below the gridness bar (no quad cleared it): worth reading only to see whether it reads like a sudoku. */
  weak?: boolean;
  /** Found only by the last-resort binarisation (`faintGrids`): kept only if it reads like a sudoku. */
  faint?: boolean;
  /**
   * Below even the weak bars, offered when nothing else was found (`LONG_SHOT_BOXNESS`): kept only if its
   * read's givens have exactly one solution.
   */
  longShot?: boolean;
  /**
   * The outline's own fit, when a corner was completed from the other three (`completeBrokenCorner`): read
   * too, and kept when the completed grid's read proves no puzzle, or proves one with more cells doubted.
   */
  asFound?: Corners;
}

export interface FindGridOptions {
  /** Receives the binarised detection image (ink = 255) and its scale, for the debug view. */
  onThreshold?: (binary: GrayImage, scale: number) => void;
  /**
   * Live camera frames: take the largest outline that verifies as a grid, dilating only when none does,
   * and skip paired pieces, corner completion and the search for other grids (a frame comes again soon).
   */
  quick?: boolean;
}

/** Detection works on at most this long side: enough for thin lines, cheap to threshold. */
const DETECT_MAX_SIDE = 1000;
/**
 * Smaller photos are enlarged to this long side first: at 320×240 the binarisation's blur and block
 * merged the grid's outline with text set a few pixels beside it (most generated low-resolution
 * newspaper and book photos went unfound).
 */
const DETECT_MIN_SIDE = 800;
/** A readable grid covers at least this share of the photo. */
const MIN_AREA_SHARE = 0.03;
/** Gridness below this is text, a photo frame or a misfit quad. Dev photos score ≥ 0.4 (see bench). */
export const MIN_GRIDNESS = 0.25;
/**
 * When no quad clears the bar, fits above this are still offered as weak candidates for the reader
 * to check (`readGrid`): shaded boxes whose faint inner lines vanish, blur and noise at low resolution
 * scored 0.15–0.25 on generated photos; text and noise score ≈ 0, and a text block does not read
 * like a sudoku.
 */
const WEAK_GRIDNESS = 0.15;
/**
 * …and so are fits whose 3×3 box borders show clearly though the cell lines do not (`boxGridness`):
 * hairline cell lines in light app screenshots vanish at phone resolutions.
 */
const WEAK_BOXNESS = 0.5;
/**
 * In the line pass and the dark-theme pass, fits below the bar but above this get a corner completed
 * before they are judged (noise and chance lines score ≈ 0). Not in the plain pass: it costs a quarter
 * more time there and no dev or wild photo needs it.
 */
const HOPEFUL_GRIDNESS = 0.08;
/** A grid this clear from the plain binarisation needs no second, noise-proof pass. */
const SURE_GRIDNESS = 0.4;
/**
 * When neither the passes nor the last resort found a grid, fits above `HOPEFUL_GRIDNESS` or with box
 * borders above this (`boxGridness`) are offered as long shots, to be proven by their read: blur at low
 * resolution and faint coloured lines left right quads at 0.1–0.24 and box borders at 0.3–0.46 on
 * generated photos.
 */
const LONG_SHOT_BOXNESS = 0.3;
/** The last-resort pass's threshold offset (gray levels below the local mean), against the plain pass's 7. */
const FAINT_OFFSET = 3;
/**
 * Ink blobs of the last-resort pass smaller than this (detection pixels, long side 800–1000) are paper
 * grain: dropped before outlines are traced. Specks inside the cells cost a grainy faint grid its gridness
 * (0.22 against the bar's 0.25 on a generated photo); 120 dropped the dashes of a small grid's lines too.
 */
const FAINT_SPECK_AREA = 60;
/** Line response (standard deviations above its mean) kept as ink by the line pass. */
const LINE_Z = 1.5;
/** Line-fitted grids (`lineGridCandidates`) offered at most. */
const LINE_CANDIDATES = 3;
/**
 * Width over height (`aspectOf`) beyond which a candidate is a long shot, kept only if its read proves a
 * puzzle: a square looks this oblong only when tilted about 48° from the camera. No grid the reader finds in
 * the dev and wild photos lies beyond 1.21, none of 1,300 generated ones beyond 1.32; but a quad across
 * half of a grid of even hairlines (4½ columns by 9 rows, 1.93) cleared the gridness bar on a 320×240
 * book page and read as the puzzle, 35 of its 81 cells wrong and 14 not doubted.
 */
const PROVEN_ASPECT = 1.5;
/** Candidates handed on to be checked by reading them: the best one and separate runners-up. */
const MAX_CANDIDATES = 3;
const MAX_CONTOURS = 25;
const PAIRED_PIECES = 6;
const VERIFY_PX = 270;
/** A completed corner must line up clearly better, not just as well (perspective makes it approximate). */
const COMPLETION_MARGIN = 0.03;

/** A quad fitted to an outline: its corners (detection-image pixels), area and gridness. */
export interface Candidate {
  corners: Corners;
  area: number;
  score: number;
  /** The fit before a corner was completed (`completeBrokenCorner`). */
  asFound?: Corners;
}

/**
 * Finds the sudoku in a photo: binarise, take the big contours, fit four-corner quads to their
 * convex hulls and keep those whose inside shows a 9×9 line pattern. The largest such grid wins.
 */
export function findGridCorners(gray: GrayImage, options: FindGridOptions = {}): GridFound | null {
  return findGridCandidates(gray, options).find((c) => !c.weak) ?? null;
}

/** The photo as detection sees it (long side within 800…1000 px), and its scale. */
export function detectionImage(gray: GrayImage): { image: GrayImage; scale: number } {
  return resize(gray, DETECT_MAX_SIDE, DETECT_MIN_SIDE);
}

/**
 * Grid hypotheses, best first: the largest grid-like quad of the plain binarisation and, when that
 * is not sure (grainy newsprint, faint or coloured print), of the line pass too, by gridness; then
 * separate grids, largest first. The reader checks them in this order (`readGrid`). A photo that is
 * mostly dark with a bright tail (a dark-theme screenshot) is first searched with dark and light
 * swapped: its light lines binarise as gaps otherwise. When no quad clears the gridness bar, the
 * best weak fits are returned instead, marked `weak`; when there are none either, the grids of a
 * last-resort binarisation for faint lines (`faintGrids`); when it finds none, the fits that clear the
 * bar once snapped onto their border (`snappedGrids`); and after either, the long shots among all fits
 * (`LONG_SHOT_BOXNESS`). A candidate far from square (`PROVEN_ASPECT`) is only ever a long shot.
 */
export function findGridCandidates(gray: GrayImage, options: FindGridOptions = {}): GridFound[] {
  return gridCandidates(gray, options).map((c) =>
    aspectOf(c.corners) > PROVEN_ASPECT ? { ...c, weak: true, longShot: true } : c,
  );
}

function gridCandidates(gray: GrayImage, options: FindGridOptions): GridFound[] {
  if (options.quick) {
    const found = findGridQuick(gray, options);
    return found ? [found] : [];
  }
  const cv = opencv();
  const { image: small, scale } = detectionImage(gray);
  const minSide = smallestSide(small);
  const primaries: Candidate[] = [];
  const found: Candidate[] = [];
  const weak: Candidate[] = [];
  const longShots: Candidate[] = [];
  const all: Candidate[] = [];
  const passes = detectionPasses(small);
  for (const { image, binarise, completeFrom } of passes) {
    withMats((track) => {
      const binary = track(binarise(cv, image, track));
      options.onThreshold?.(grayFromMat(binary), scale);
      const fits = gridQuads(cv, binary, small, { minSide, completeFrom }, track);
      all.push(...fits);
      const inPass = fits.filter((c) => c.score >= MIN_GRIDNESS);
      const largest = pickLargestGrid(inPass);
      if (largest) primaries.push(completeBrokenCorner(cv, binary, largest, minSide));
      found.push(...inPass);
      // Only a photo where no pass clears the bar uses weak fits: box borders are checked only then.
      if (inPass.length === 0) {
        for (const fit of fits) {
          const tier = belowBarTier(cv, binary, fit);
          if (tier === "weak") weak.push(fit);
          if (tier) longShots.push(fit);
        }
      }
    });
    if (primaries.some((c) => c.score >= SURE_GRIDNESS)) break;
  }
  const ranked = primaries.sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) {
    if (weak.length > 0) return weakCandidates(weak, all, scale);
    const faint = faintGrids(cv, small, minSide, scale);
    const shots = weakCandidates([...longShots, ...faint.longShots], all, scale).map((c) => ({
      ...c,
      longShot: true,
    }));
    const firsts = faint.grids.length > 0 ? faint.grids : snappedGrids(cv, passes, small, scale);
    // The long shots still follow, to be proven by their read: a faint or snapped grid found beside the
    // puzzle (a neighbouring solution grid) must not hide a puzzle of box borders only, whose fit scores
    // below every bar but whose read proves it.
    return [...firsts, ...shots.filter((c) => !firsts.some((f) => sameFit(f.corners, c.corners)))];
  }
  const whole = wholeGridOfBox(best, all);
  if (whole) ranked.unshift(whole);
  addSeparateGrids(ranked, found);
  const otherGridsSeen = ranked.some((c) => separateQuads(c.corners, best.corners));
  return ranked.slice(0, MAX_CANDIDATES).map((c) => gridFound(c, scale, { otherGridsSeen }));
}

/**
 * Grids fitted to the straight lines (`lineGridQuads`) of the plain and the last-resort binarisation, when
 * no outline fitted one: of the best matched fits, those that show a trace of cell lines or box borders as
 * long shots do (`belowBarTier`), the `LINE_CANDIDATES` distinct ones whose lines show best (gridness plus
 * box borders: of fits a text row or a cell apart, the grid's own lines up best), each snapped onto its
 * border (`snapToBorder`). An outline merged with text set
 * against the grid, or hairline lines broken by shadow bands, left a generated photo's grid unfound
 * though its ten lines a side stand out. Offered as long shots, to be proven by their read.
 */
export function lineGridCandidates(gray: GrayImage): GridFound[] {
  const cv = opencv();
  const { image: small, scale } = detectionImage(gray);
  const minSide = smallestSide(small);
  return withMats((track) => {
    const binaries = [
      track(binarisePlain(cv, small, track)),
      track(withoutSpecks(cv, track(binarise(cv, small, track, 5, FAINT_OFFSET)), track)),
    ];
    const fits = binaries.flatMap((binary) =>
      lineGridQuads(cv, binary, minSide).flatMap((corners) => {
        const fit = { corners, area: quadArea(corners), score: verify(cv, binary, corners) };
        const box = boxness(cv, binary, fit);
        return fit.score >= HOPEFUL_GRIDNESS || box >= LONG_SHOT_BOXNESS
          ? [{ fit, binary, lined: fit.score + box }]
          : [];
      }),
    );
    const kept: Candidate[] = [];
    for (const { fit, binary } of fits.sort((a, b) => b.lined - a.lined)) {
      if (kept.length === LINE_CANDIDATES) break;
      // Lines a few px off the border (a shadow's edge, a line's blurred rim) are snapped onto it.
      if (!kept.some((k) => sameFit(k.corners, fit.corners))) {
        kept.push(snapToBorder(cv, binary, grayFromMat(binary), fit, minSide));
      }
    }
    return kept.map((c) => gridFound(c, scale, { otherGridsSeen: false, weak: true, longShot: true }));
  });
}

/** One binarisation of the detection image, and the gridness from which its fits are refined. */
interface DetectionPass {
  image: GrayImage;
  binarise: (cv: OpenCV, image: GrayImage, track: Track) => Mat;
  completeFrom: number;
}

/** The passes, in the order `findGridCandidates` runs them. */
function detectionPasses(small: GrayImage): DetectionPass[] {
  // A dark theme's corner cell can fade into the screen around it: that pass completes corners from the
  // low bar too (a generated screenshot was not found), a cost only dark photos pay.
  return [
    ...(isLightOnDark(small)
      ? [{ image: invertGray(small), binarise: binarisePlain, completeFrom: HOPEFUL_GRIDNESS }]
      : []),
    { image: small, binarise: binarisePlain, completeFrom: MIN_GRIDNESS },
    { image: small, binarise: binariseLines, completeFrom: HOPEFUL_GRIDNESS },
  ];
}

/** A grid's side is at least this share of the detection image's shorter side. */
const smallestSide = (small: GrayImage): number => 0.12 * Math.min(small.width, small.height);

/**
 * Grids whose outline the passes fit too far off to refine: each big outline's best fit, however low
 * it scores, is completed and its sides snapped onto the border's lines (`snapToBorder`), and those that
 * then clear the gridness bar are offered, largest first, as weak candidates for the reader to check.
 * A title or text set against the grid joins its outline, and the hull's corner then lies on the text:
 * a generated book page's puzzle, whose left border touched its text, fitted at 0.04 and snapped at 0.70,
 * while a small grid beside it was read as the puzzle, 47 cells wrong. Costly (every outline is
 * snapped): used when nothing else was found, and by the reader when a read's givens lack one solution.
 */
export function snappedGridCandidates(gray: GrayImage): GridFound[] {
  const { image: small, scale } = detectionImage(gray);
  return snappedGrids(opencv(), detectionPasses(small), small, scale);
}

function snappedGrids(
  cv: OpenCV,
  passes: readonly DetectionPass[],
  small: GrayImage,
  scale: number,
): GridFound[] {
  const minSide = smallestSide(small);
  const fits = passes.flatMap(({ image, binarise }) =>
    withMats((track) => {
      const binary = track(binarise(cv, image, track));
      return gridQuads(cv, binary, small, { minSide, completeFrom: -Infinity }, track);
    }).filter((c) => c.score >= MIN_GRIDNESS),
  );
  return addSeparateGrids([], fits)
    .slice(0, MAX_CANDIDATES)
    .map((c) => gridFound(c, scale, { otherGridsSeen: false, weak: true }));
}

/** Appends to `ranked` each grid among `fits` separate from all before it, by its best fit, largest first. */
function addSeparateGrids(ranked: Candidate[], fits: readonly Candidate[]): Candidate[] {
  for (const c of [...fits].sort((a, b) => b.area - a.area)) {
    if (ranked.every((r) => separateQuads(r.corners, c.corners))) {
      ranked.push(fits.filter((o) => !separateQuads(o.corners, c.corners)).reduce(bestScore));
    }
  }
  return ranked;
}

/** A candidate as handed on: corners back in the input image's pixels (`scale` is the detection image's). */
function gridFound(c: Candidate, scale: number, flags: Omit<GridFound, "corners" | "score">): GridFound {
  const asFound = c.asFound && { asFound: scaleCorners(c.asFound, 1 / scale) };
  return { corners: scaleCorners(c.corners, 1 / scale), score: c.score, ...flags, ...asFound };
}

/**
 * The best weak fits, best first, each another quad than the others (`sameFit`): a page's or a photo
 * frame's outline outscores a grid nested in it whose faint cell lines vanished (shaded boxes), and a
 * quad across seven of a grid's nine columns can outscore the grid by a hair; the reader tells them
 * apart only by reading them. The best fit's whole grid, when it is one of that grid's 3×3 boxes
 * (`wholeGridOfBox`), comes first: single boxes outscored a blurred grid's outline. The whole grid is
 * sought among `all` fits, however low they score: digits in most cells pull a grid of bold boxes and pale
 * cell lines below even the weak bar.
 */
function weakCandidates(weak: Candidate[], all: readonly Candidate[], scale: number): GridFound[] {
  const kept: Candidate[] = [];
  const ranked = [...weak].sort((a, b) => b.score - a.score);
  const whole = ranked[0] && wholeGridOfBox(ranked[0], all);
  for (const c of whole ? [whole, ...ranked] : ranked) {
    if (!kept.some((k) => sameFit(k.corners, c.corners))) kept.push(c);
  }
  return kept.slice(0, MAX_CANDIDATES).map((c) => gridFound(c, scale, { otherGridsSeen: false, weak: true }));
}

/**
 * The last resort, when no pass saw even a weak grid: the plain binarisation with a lower bar
 * (`FAINT_OFFSET`), which keeps grid lines that are faint, thin or washed out by blur at low resolution
 * (the plain pass broke them into dashes), at the cost of more paper grain (its small specks are
 * dropped). Its grids, largest first,
 * must clear the gridness bar, and are marked `faint`: on a generated newspaper page whose puzzle went
 * unfound this pass found the filled solution grid beside it, which was then read as the puzzle (79
 * of 81 cells wrong, 69 of them not flagged). Its weak fits are not offered: lines this faint leave
 * no box borders for the reader's check of weak candidates (`innerLineShare` ≈ 0 on the right grids
 * too), which then cannot tell a grid from a quad cut across one.
 */
function faintGrids(
  cv: OpenCV,
  small: GrayImage,
  minSide: number,
  scale: number,
): { grids: GridFound[]; longShots: Candidate[] } {
  const longShots: Candidate[] = [];
  const fits = withMats((track) => {
    const binary = track(withoutSpecks(cv, track(binarise(cv, small, track, 5, FAINT_OFFSET)), track));
    const all = gridQuads(cv, binary, small, { minSide, completeFrom: HOPEFUL_GRIDNESS }, track);
    longShots.push(...all.filter((c) => c.score < MIN_GRIDNESS && belowBarTier(cv, binary, c)));
    return all.filter((c) => c.score >= MIN_GRIDNESS);
  });
  const grids = addSeparateGrids([], fits);
  return {
    grids: grids
      .slice(0, MAX_CANDIDATES)
      .map((c) => gridFound(c, scale, { otherGridsSeen: grids.length > 1, faint: true })),
    longShots,
  };
}

/**
 * The best quad fit of each big outline of `binary`, with its gridness; fits below the bar scoring at
 * least `completeFrom` get a faded corner completed and their sides snapped onto the border's lines
 * first (`snapToBorder`), which can lift a real grid over the bar.
 */
function gridQuads(
  cv: OpenCV,
  binary: Mat,
  small: GrayImage,
  { minSide, completeFrom }: { minSide: number; completeFrom: number },
  track: Track,
): Candidate[] {
  // Blur and thin print break the outline into pieces; a dilated copy reconnects gaps of a few px.
  const dilated = track(new cv.Mat());
  const kernel = track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3)));
  cv.dilate(binary, dilated, kernel, new cv.Point(-1, -1), 2);
  const plain = bigHulls(cv, binary, small, track);
  const hulls = [...plain, ...bigHulls(cv, dilated, small, track), ...pairedHulls(cv, plain, track)];
  const found: Candidate[] = [];
  let ink: GrayImage | undefined;
  // The plain, dilated and paired outlines often fit the same quad: each is scored and refined once.
  const score = gridnessOf(cv, binary);
  const refined = new Map<string, Candidate>();
  for (const hull of hulls) {
    const best = topFit(cv, score, hull, minSide);
    if (!best) continue;
    if (best.score >= MIN_GRIDNESS || best.score < completeFrom) {
      found.push(best);
      continue;
    }
    const key = quadKey(best.corners);
    let fit = refined.get(key);
    if (!fit) {
      ink ??= grayFromMat(binary);
      fit = snapToBorder(cv, binary, ink, completeBrokenCorner(cv, binary, best, minSide), minSide);
      refined.set(key, fit);
    }
    found.push(fit);
  }
  return found;
}

/**
 * Live frames: the largest outline that verifies as a grid in the plain pass, dilating only when none
 * does; no paired pieces, corner completion, line pass or search for other grids (a frame comes again soon).
 */
function findGridQuick(gray: GrayImage, options: FindGridOptions): GridFound | null {
  const cv = opencv();
  const { image: small, scale } = downscale(gray, DETECT_MAX_SIDE);
  const minSide = smallestSide(small);
  const best = withMats((track) => {
    const binary = track(binarisePlain(cv, small, track));
    options.onThreshold?.(grayFromMat(binary), scale);
    const plain = firstGrid(cv, binary, bigHulls(cv, binary, small, track), minSide);
    if (plain) return plain;
    const dilated = track(new cv.Mat());
    const kernel = track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3)));
    cv.dilate(binary, dilated, kernel, new cv.Point(-1, -1), 2);
    return firstGrid(cv, binary, bigHulls(cv, dilated, small, track), minSide);
  });
  return best
    ? { corners: scaleCorners(best.corners, 1 / scale), score: best.score, otherGridsSeen: false }
    : null;
}

/** The quad fit of `hull` that looks most like a grid (by `score`, a `gridnessOf`), whatever its score. */
function topFit(
  cv: OpenCV,
  score: (corners: Corners) => number,
  hull: Mat,
  minSide: number,
): Candidate | undefined {
  return quadHypotheses(cv, hull)
    .filter((q) => isPlausibleSquare(q, minSide))
    .map((corners) => ({ corners, area: quadArea(corners), score: score(corners) }))
    .sort((a, b) => b.score - a.score)[0];
}

/** The first of `hulls` (largest first) that fits a grid. */
function firstGrid(cv: OpenCV, binary: Mat, hulls: Mat[], minSide: number): Candidate | undefined {
  const score = gridnessOf(cv, binary);
  for (const hull of hulls) {
    const fit = topFit(cv, score, hull, minSide);
    if (fit && fit.score >= MIN_GRIDNESS) return fit;
  }
  return undefined;
}

/** Ink = 255. A block of ~1/40 of the image keeps thick border lines solid under uneven light. */
function binarisePlain(cv: OpenCV, small: GrayImage, track: Track): Mat {
  return binarise(cv, small, track, 5, 7);
}

/**
 * For paper whose grain and fibres binarise into specks that swallow the outline (newsprint,
 * crumpled or textured paper) and for faint or coloured print: thin dark strokes (black-hat), averaged
 * along rows and along columns over 1/25 of the image. Grid lines add up, grain and digits average
 * out, so a threshold a little above the mean keeps the lines alone. Lines tilted by more than a
 * few degrees fade: the plain pass handles those photos.
 */
function binariseLines(cv: OpenCV, small: GrayImage, track: Track): Mat {
  const src = track(matFromGray(small));
  const strokes = track(new cv.Mat());
  const kernel = track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(9, 9)));
  cv.morphologyEx(src, strokes, cv.MORPH_BLACKHAT, kernel);
  const length = Math.round(Math.max(small.width, small.height) / 25);
  const lines = track(cv.Mat.zeros(small.height, small.width, cv.CV_8UC1));
  for (const size of [new cv.Size(length, 1), new cv.Size(1, length)]) {
    const along = track(new cv.Mat());
    cv.blur(strokes, along, size);
    const mean = track(new cv.Mat());
    const deviation = track(new cv.Mat());
    cv.meanStdDev(along, mean, deviation);
    const strong = track(new cv.Mat());
    cv.threshold(
      along,
      strong,
      mean.doubleAt(0, 0) + LINE_Z * deviation.doubleAt(0, 0),
      255,
      cv.THRESH_BINARY,
    );
    cv.bitwise_or(lines, strong, lines);
  }
  // The averaged response overshoots line ends and blurs corners: keep the plain threshold's own
  // pixels, but only those near a line, so the outline is exact and grain and digits are gone.
  const near = track(new cv.Mat());
  cv.dilate(lines, near, track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(5, 5))));
  const plain = track(binarisePlain(cv, small, track));
  const binary = new cv.Mat();
  cv.bitwise_and(plain, near, binary);
  return binary;
}

function binarise(cv: OpenCV, small: GrayImage, track: Track, blur: number, offset: number): Mat {
  const src = track(matFromGray(small));
  const blurred = track(new cv.Mat());
  cv.GaussianBlur(src, blurred, new cv.Size(blur, blur), 0);
  const binary = new cv.Mat();
  const block = Math.max(11, Math.round(Math.max(small.width, small.height) / 40) | 1);
  cv.adaptiveThreshold(blurred, binary, 255, cv.ADAPTIVE_THRESH_MEAN_C, cv.THRESH_BINARY_INV, block, offset);
  return binary;
}

/** `binary` without its connected blobs of fewer than `FAINT_SPECK_AREA` pixels. */
function withoutSpecks(cv: OpenCV, binary: Mat, track: Track): Mat {
  const labels = track(new cv.Mat());
  const stats = track(new cv.Mat());
  const count = cv.connectedComponentsWithStats(binary, labels, stats, track(new cv.Mat()), 8, cv.CV_32S);
  const kept = new Uint8Array(count);
  for (let i = 1; i < count; i++) kept[i] = stats.intAt(i, cv.CC_STAT_AREA) >= FAINT_SPECK_AREA ? 255 : 0;
  const cleaned = new cv.Mat(binary.rows, binary.cols, cv.CV_8UC1);
  const label = labels.data32S;
  for (let i = 0; i < label.length; i++) cleaned.data[i] = kept[label[i]!]!;
  return cleaned;
}

/** Convex hulls of the contours whose bounding box could hold a grid, largest first. */
function bigHulls(cv: OpenCV, binary: Mat, small: GrayImage, track: Track): Mat[] {
  const contours = track(new cv.MatVector());
  const hierarchy = track(new cv.Mat());
  cv.findContours(binary, contours, hierarchy, cv.RETR_LIST, cv.CHAIN_APPROX_SIMPLE);
  const minArea = MIN_AREA_SHARE * small.width * small.height;
  const hulls: { mat: Mat; area: number }[] = [];
  for (let i = 0; i < contours.size(); i++) {
    const contour = contours.get(i);
    try {
      const box = cv.boundingRect(contour);
      if (box.width * box.height < minArea) continue;
      const hull = track(new cv.Mat());
      cv.convexHull(contour, hull, false, true);
      hulls.push({ mat: hull, area: cv.contourArea(hull) });
    } finally {
      contour.delete();
    }
  }
  return hulls
    .sort((a, b) => b.area - a.area)
    .slice(0, MAX_CONTOURS)
    .map((h) => h.mat);
}

/**
 * A grid line broken right across (thin print, glare) splits the grid into two big contours,
 * too far apart for dilation to join: try the hull of each pair of the largest pieces too.
 */
function pairedHulls(cv: OpenCV, hulls: Mat[], track: Track): Mat[] {
  const pieces = hulls.slice(0, PAIRED_PIECES);
  const pairs: Mat[] = [];
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const joined = [...pieces[i]!.data32S, ...pieces[j]!.data32S];
      const points = track(cv.matFromArray(joined.length / 2, 1, cv.CV_32SC2, joined));
      const hull = track(new cv.Mat());
      cv.convexHull(points, hull, false, true);
      pairs.push(hull);
    }
  }
  return pairs;
}

/** Four-corner fits of a hull: polygon simplification at growing tolerance, then diagonal extremes. */
export function quadHypotheses(cv: OpenCV, hull: Mat): Corners[] {
  const points = matPoints(hull);
  if (points.length < 4) return [];
  const quads: Corners[] = [diagonalExtremes(points)];
  const perimeter = cv.arcLength(hull, true);
  withMats((track) => {
    let pentagon: Point[] | undefined;
    for (const epsilon of [0.01, 0.02, 0.04, 0.07]) {
      const approx = track(new cv.Mat());
      cv.approxPolyDP(hull, approx, epsilon * perimeter, true);
      if (approx.rows === 5) pentagon ??= matPoints(approx);
      if (approx.rows === 4) {
        quads.push(orderCorners(matPoints(approx)));
        break;
      }
    }
    // A crease or a text line touching the grid adds one point to its outline's hull: drop each in turn.
    if (pentagon) {
      for (let skip = 0; skip < 5; skip++) quads.push(orderCorners(pentagon.filter((_, i) => i !== skip)));
    }
  });
  return quads;
}

function matPoints(mat: Mat): Point[] {
  const points: Point[] = [];
  const data = mat.data32S;
  for (let i = 0; i + 1 < data.length; i += 2) points.push({ x: data[i]!, y: data[i + 1]! });
  return points;
}

/**
 * `verify` for the quads of one binarisation (left unchanged meanwhile), each quad warped once: a hull's
 * simplifications often give the same quad, and the plain, dilated and paired outlines of a grid fit the
 * same ones. The warp is most of the finder's time.
 */
function gridnessOf(cv: OpenCV, binary: Mat): (corners: Corners) => number {
  const scores = new Map<string, number>();
  return (corners) => {
    const key = quadKey(corners);
    let score = scores.get(key);
    if (score === undefined) scores.set(key, (score = verify(cv, binary, corners)));
    return score;
  };
}

function quadKey(corners: Corners): string {
  return corners.map((p) => `${p.x},${p.y}`).join(" ");
}

function verify(cv: OpenCV, binary: Mat, corners: Corners): number {
  return withMats((track) => {
    const square = track(new cv.Mat());
    warpQuad(binary, square, corners, VERIFY_PX, cv.INTER_LINEAR);
    return gridness(square.data, VERIFY_PX);
  });
}

/**
 * What a fit below the bar may still be: "weak" when it shows some grid lines, or clear 3×3 box borders
 * (`boxGridness`); a "long shot" when it shows a trace of either (`LONG_SHOT_BOXNESS`); else nothing.
 * Every weak fit is a long shot too. The box borders are measured at most once.
 */
function belowBarTier(cv: OpenCV, binary: Mat, fit: Candidate): "weak" | "long shot" | undefined {
  if (fit.score >= WEAK_GRIDNESS) return "weak";
  const box = boxness(cv, binary, fit);
  if (box >= WEAK_BOXNESS) return "weak";
  return fit.score >= HOPEFUL_GRIDNESS || box >= LONG_SHOT_BOXNESS ? "long shot" : undefined;
}

function boxness(cv: OpenCV, binary: Mat, fit: Candidate): number {
  return withMats((track) => {
    const square = track(new cv.Mat());
    warpQuad(binary, square, fit.corners, VERIFY_PX, cv.INTER_LINEAR);
    return boxGridness(square.data, VERIFY_PX);
  });
}

/**
 * A faded or cut-off corner leaves the outline's hull short of it, and the quad's corner lands a
 * cell or so inside the grid. Completing each corner from the other three (as a parallelogram)
 * and keeping what lines up better with the inner grid lines fixes that; good quads stay as found.
 */
function completeBrokenCorner(cv: OpenCV, binary: Mat, chosen: Candidate, minSide: number): Candidate {
  let best = chosen;
  for (let i = 0; i < 4; i++) {
    const [prev, next, opposite] = [
      chosen.corners[(i + 3) % 4]!,
      chosen.corners[(i + 1) % 4]!,
      chosen.corners[(i + 2) % 4]!,
    ];
    const completed = { x: prev.x + next.x - opposite.x, y: prev.y + next.y - opposite.y };
    const corners = mapCorners(chosen.corners, (p) => (p === chosen.corners[i] ? completed : p));
    if (!isPlausibleSquare(corners, minSide)) continue;
    const score = verify(cv, binary, corners);
    if (score > best.score + COMPLETION_MARGIN) {
      best = { corners, area: quadArea(corners), score, asFound: chosen.asFound ?? chosen.corners };
    }
  }
  return best;
}

/**
 * The fit with its sides moved onto the straight lines nearest them (`snapSidesToLines`), when that
 * lines up clearly better with the inner grid lines: an outline merged with a title or with text
 * touching the grid yields a quad whose corner lies off the grid's.
 */
function snapToBorder(cv: OpenCV, binary: Mat, ink: GrayImage, fit: Candidate, minSide: number): Candidate {
  let best = fit;
  // A side that starts far off lands nearer each time: a second round finishes what the first began.
  for (let round = 0; round < 2; round++) {
    const corners = snapSidesToLines(ink, best.corners);
    if (!corners || !isPlausibleSquare(corners, minSide)) break;
    const score = verify(cv, binary, corners);
    if (score <= best.score) break;
    best = { corners, area: quadArea(corners), score };
  }
  return best.score > fit.score + COMPLETION_MARGIN ? best : fit;
}

/** How far (share of the box's side) each corner of a found grid may lie from a box's of an enclosing fit. */
const BOX_CORNER_MATCH = 0.2;

/**
 * A sudoku's 3×3 box is itself a square of 3×3 cells in a bold outline. On a curled page, whose bent
 * lines leave the whole grid's fit below the gridness bar, one box can clear it alone: two generated
 * half-filled photos were read as a single box, 27 of 81 cells wrong and none flagged. The fit of an
 * outline around `grid` that has `grid` as one of its nine boxes, corner for corner, is the whole grid.
 */
export function wholeGridOfBox(grid: Candidate, fits: readonly Candidate[]): Candidate | undefined {
  const side = Math.sqrt(grid.area);
  return fits
    .filter((fit) => fit.area > 4 * grid.area && fit.area < 16 * grid.area)
    .sort((a, b) => b.score - a.score)
    .find((fit) => {
      const plane = squareToQuad(fit.corners);
      return [0, 1, 2].some((row) =>
        [0, 1, 2].some((col) => {
          const box = projectRect(plane, col / 3, row / 3, (col + 1) / 3, (row + 1) / 3);
          return grid.corners.every(
            (p, i) => Math.hypot(box[i]!.x - p.x, box[i]!.y - p.y) <= BOX_CORNER_MATCH * side,
          );
        }),
      );
    });
}

/** Candidates overlapping one another are the same grid (border's outer/inner edge, …): keep the best fit. */
function pickLargestGrid(candidates: Candidate[]): Candidate | undefined {
  const largest = candidates.reduce<Candidate | undefined>(
    (best, c) => (!best || c.area > best.area ? c : best),
    undefined,
  );
  if (!largest) return undefined;
  return candidates.filter((c) => !separateQuads(c.corners, largest.corners)).reduce(bestScore);
}

const bestScore = (best: Candidate, c: Candidate) => (c.score > best.score ? c : best);
