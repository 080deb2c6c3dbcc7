import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { prepareCell, type PreparedCell } from "../../src/digits/preprocess.ts";
import { sliceCells } from "../../src/vision/cells.ts";
import { findGridCorners } from "../../src/vision/find-grid.ts";
import { toGray } from "../../src/vision/gray.ts";
import { loadOpenCV } from "../../src/vision/opencv.ts";
import type { Corners, GrayImage } from "../../src/shared/image.ts";
import { warpToSquare } from "../../src/vision/warp.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";

/** The 81 prepared cells of one labelled photo, cut by the app's own vision code. */
export interface PhotoCells {
  file: string;
  /** 81 classes, row-major (0 = empty). */
  labels: number[];
  /** `byTurn[t]`: the 81 prepared cells of the warped grid turned t quarter turns clockwise. */
  byTurn: PreparedCell[][];
}

/**
 * Cuts and prepares the cells of every photo in `dir` (with `labels.json`) whose grid is found,
 * in all four orientations: photos whose EXIF turn disagrees with their pixels arrive rotated
 * (the app detects that); `alignToLabels` picks the orientation the labels were written for.
 */
export async function loadPhotoCells(dir: string, log: (line: string) => void): Promise<PhotoCells[]> {
  await loadOpenCV();
  const labels = JSON.parse(await readFile(join(dir, "labels.json"), "utf8")) as Record<string, string>;
  const out: PhotoCells[] = [];
  for (const file of Object.keys(labels).sort()) {
    const cut = await cutPhotoCells(dir, file, labels[file]!);
    if (cut) out.push(cut);
    else log(`${file}: no grid found, skipped`);
  }
  return out;
}

/** One photo's cells in all four orientations, or undefined when no grid is found. */
export async function cutPhotoCells(
  dir: string,
  file: string,
  label: string,
): Promise<PhotoCells | undefined> {
  const found = await findPhotoGrid(dir, file);
  if (!found) return undefined;
  // One warp, turned on: warping anew for each turn would cost three more warps a photo.
  let warped = warpToSquare(found.gray, found.corners);
  const byTurn: PreparedCell[][] = [];
  for (let turns = 0; turns < 4; turns++, warped = rotateQuarter(warped)) byTurn.push(preparedCells(warped));
  return { file, labels: [...label].map(Number), byTurn };
}

/** A photo in gray and its grid's corners as the app's detector finds them, or undefined when none is. */
export async function findPhotoGrid(
  dir: string,
  file: string,
): Promise<{ gray: GrayImage; corners: Corners } | undefined> {
  const gray = toGray(await loadPhoto(join(dir, file)));
  const found = findGridCorners(gray);
  return found ? { gray, corners: found.corners } : undefined;
}

/** The 81 prepared cells of the grid within `corners`, its warp turned `turns` quarter turns clockwise. */
export function turnedCells(gray: GrayImage, corners: Corners, turns: number): PreparedCell[] {
  let warped = warpToSquare(gray, corners);
  for (let t = 0; t < turns; t++) warped = rotateQuarter(warped);
  return preparedCells(warped);
}

/** The unskewed grid's 81 cells, cut and prepared as the app does. */
function preparedCells(warped: GrayImage): PreparedCell[] {
  return sliceCells(warped).map(prepareCell);
}

/**
 * The orientation whose reads agree best with the labels. Symmetric clue patterns make the empty
 * cells alone ambiguous under a half turn, so the reads of a (synthetic-trained) model decide.
 */
export async function alignToLabels(
  photo: PhotoCells,
  read: (cells: PreparedCell[]) => Promise<number[]>,
): Promise<PreparedCell[]> {
  let best = photo.byTurn[0]!;
  let bestAgree = -1;
  for (const cells of photo.byTurn) {
    const digits = await read(cells);
    const agree = digits.filter((d, i) => d === photo.labels[i]).length;
    if (agree > bestAgree) {
      bestAgree = agree;
      best = cells;
    }
  }
  return best;
}

/** The image turned 90° clockwise. */
export function rotateQuarter(img: GrayImage): GrayImage {
  const { width: w, height: h, data } = img;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = data[y * w + x]!;
  }
  return { width: h, height: w, data: out };
}
