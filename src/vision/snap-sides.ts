import type { Corners, GrayImage, Point } from "../shared/image.ts";
import { intersectLines, type Line } from "./lines.ts";

/** How far (share of the side's length) each end of a side may move across it: under a cell (1/9 of it). */
const REACH = 0.08;
/**
 * Step of the coarse search (px), at most 3: each probe counts ink a pixel either side of its line, so a
 * 1-px line between two probes is still met.
 */
const COARSE_PX = 3;
/** Lines within this share of the best coverage count as found: of those, the outermost is the border. */
const NEAR_BEST = 0.9;

/** The share of points along a→b that are ink (non-zero) in `binary`, at or next to the line. */
function coverage(binary: GrayImage, a: Point, b: Point, step: number): number {
  const { width, height, data } = binary;
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  // Across the line: one pixel either side, so a line off by a pixel still counts.
  const nx = -(b.y - a.y) / length;
  const ny = (b.x - a.x) / length;
  const samples = Math.max(2, Math.floor(length / step));
  let hits = 0;
  for (let k = 0; k <= samples; k++) {
    const t = k / samples;
    const x = a.x + (b.x - a.x) * t;
    const y = a.y + (b.y - a.y) * t;
    for (const d of [0, -1, 1]) {
      const px = Math.round(x + nx * d);
      const py = Math.round(y + ny * d);
      if (px >= 0 && py >= 0 && px < width && py < height && data[py * width + px]! > 0) {
        hits++;
        break;
      }
    }
  }
  return hits / (samples + 1);
}

/**
 * The straight line near side a→b (each end moved across it by up to `REACH` of its length) along
 * which the most of `binary` is ink; of lines nearly as covered (`NEAR_BEST`), the outermost (towards
 * `outward`, a unit normal): a grid's outer border, not the cell line inside it. Without ink in
 * reach, the side stays.
 */
function snapSide(binary: GrayImage, a: Point, b: Point, outward: Point): Line {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const reach = Math.round(REACH * length);
  const shifted = (p: Point, d: number) => ({ x: p.x + outward.x * d, y: p.y + outward.y * d });
  const scored: { da: number; db: number; cover: number }[] = [];
  // Coarse first (every COARSE_PX, sampled every 3 px), then every pixel around the line chosen.
  for (let da = -reach; da <= reach; da += COARSE_PX) {
    for (let db = -reach; db <= reach; db += COARSE_PX) {
      scored.push({ da, db, cover: coverage(binary, shifted(a, da), shifted(b, db), 3) });
    }
  }
  const best = Math.max(...scored.map((s) => s.cover));
  if (best === 0) return { a, b };
  const outer = scored
    .filter((s) => s.cover >= NEAR_BEST * best)
    .reduce((o, s) => (s.da + s.db > o.da + o.db ? s : o));
  let fine = { ...outer, cover: -1 };
  for (let da = outer.da - COARSE_PX + 1; da < outer.da + COARSE_PX; da++) {
    for (let db = outer.db - COARSE_PX + 1; db < outer.db + COARSE_PX; db++) {
      const cover = coverage(binary, shifted(a, da), shifted(b, db), 1);
      if (cover > fine.cover) fine = { da, db, cover };
    }
  }
  return { a: shifted(a, fine.da), b: shifted(b, fine.db) };
}

/**
 * A quad whose sides each moved onto the straightest, most inked line near them in `binary` (ink > 0),
 * its corners where those lines cross; undefined when two of them are parallel. An outline merged with
 * a title or text touching the grid fits a quad a few per cent off the grid's border, which the border's
 * own long straight lines then correct.
 * @param corners TL, TR, BR, BL, clockwise on screen
 */
export function snapSidesToLines(binary: GrayImage, corners: Corners): Corners | undefined {
  const lines = [0, 1, 2, 3].map((i) => {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    // Clockwise on screen (y down), the outside lies to the left of a→b: normal (dy, −dx).
    return snapSide(binary, a, b, { x: (b.y - a.y) / length, y: -(b.x - a.x) / length });
  });
  const [tl, tr, br, bl] = [0, 1, 2, 3].map((i) => intersectLines(lines[(i + 3) % 4]!, lines[i]!));
  return tl && tr && br && bl ? [tl, tr, br, bl] : undefined;
}
