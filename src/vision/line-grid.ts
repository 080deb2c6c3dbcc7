import type { Corners, Point } from "../shared/image.ts";
import { intersectLines, type Line } from "./lines.ts";
import { withMats, type Mat, type OpenCV } from "./opencv.ts";
import { isPlausibleSquare, orderCorners, quadArea } from "./quad.ts";

/** Straight runs shorter than this share of the smallest grid side are letters or digits, not grid lines. */
const MIN_RUN_SHARE = 0.5;
/** Gaps (share of the smallest grid side) a line may have and still be one: blur and faint print break it. */
const RUN_GAP_SHARE = 0.08;
/** Only the longest runs are kept: a page of text yields thousands of short ones. */
const MAX_RUNS = 600;
/** A family of lines spans this many degrees either side of its direction: perspective fans it out. */
const FAMILY_SPREAD = 15;
/** The two families' directions differ by at least this many degrees. */
const MIN_CROSSING = 50;
/** Runs whose positions across their family lie within this many px are one line (a thick line's edges)… */
const SAME_LINE_PX = 3;
/**
 * …if their directions agree within this many degrees. A grid's lines fan out evenly between its outer
 * two, so an inner line must also point within this of where they interpolate: text lines beside a
 * tilted grid run level and are not its lines.
 */
const SAME_DIRECTION = 2.5;
/**
 * Foreshortening along a side: x ↦ (1 + a)·x / (1 + a·x) maps the grid's evenly spaced lines to where a
 * tilted photo shows them; a = ±0.15 spaces the first and last cells up to a third apart.
 */
const FORESHORTENING = [-0.15, -0.075, 0, 0.075, 0.15];
/** An inner line is where it is expected within this share of a cell. */
const LINE_MATCH = 0.2;
/** Pairs of one family tried, best matched first, as the borders that the other family's lines must cross. */
const PAIRS_KEPT = 200;
/** A border or box border runs along at least this share of its side (broken by blur, shadow, glare). */
const MIN_COVER = 0.5;
/**
 * Match score per line end that ends at the other family's border: a grid's lines end at its outer border,
 * while the other family's lines run on past a pair one cell inside it, and stop short of a pair that
 * takes a text row beside the grid for its border.
 */
const END_WEIGHT = 0.25;
/** Quads handed on to be verified. */
const QUADS_KEPT = 12;

/** Runs of one direction (degrees, 0…179), give or take `FAMILY_SPREAD`. */
interface Family {
  direction: number;
  runs: Line[];
}

/** A line of one family: where it crosses the other family's reference line, its longest run, all its runs. */
interface FamilyLine {
  at: number;
  /** Direction (degrees), measured from the family's own so that it does not wrap within the family. */
  angle: number;
  line: Line;
  length: number;
  runs: Line[];
}

/**
 * Grid hypotheses from the photo's straight lines rather than its outlines: a grid whose outline merged
 * with text set against it, or with a neighbouring grid, fits no quad, but its evenly spaced lines still
 * stand out among a page's lines. Runs of ink (`HoughLinesP`) are split into two families by direction;
 * in each, pairs of lines whose 3×3 box borders, and at best cell lines, lie between them where a grid's
 * do (allowing for foreshortening) may be a grid's outer borders. Where a pair of each family cross, the
 * four borders and four box borders must each run along most of their side (`MIN_COVER`): text rows
 * beside a grid are evenly spaced too, but no line of the other family crosses them. Quads, plausible
 * squares only, best matched first, lines that end at the borders counting too (`END_WEIGHT`).
 * @param binary ink = 255, the detection image's binarisation
 * @param minSide a grid's smallest side (px)
 */
export function lineGridQuads(cv: OpenCV, binary: Mat, minSide: number): Corners[] {
  const families = splitFamilies(inkRuns(cv, binary, minSide));
  if (!families) return [];
  const [first, second] = families;
  const linesA = positions(first, second);
  const linesB = positions(second, first);
  return [...quadsAcross(linesA, linesB, minSide), ...quadsAcross(linesB, linesA, minSide)]
    .sort((p, q) => q.match - p.match || q.area - p.area)
    .slice(0, QUADS_KEPT)
    .map((q) => q.corners);
}

/**
 * For each grid-like pair of `others`, the grid-like pairs among the `lines` that run across it (a page's
 * text rows beside the grid are evenly spaced too, and outnumber its lines, but do not cross it), and
 * the quads where they cross.
 */
function quadsAcross(
  lines: readonly FamilyLine[],
  others: readonly FamilyLine[],
  minSide: number,
): { corners: Corners; match: number; area: number }[] {
  const quads: { corners: Corners; match: number; area: number }[] = [];
  for (const across of gridPairs(others, minSide).slice(0, PAIRS_KEPT)) {
    const crossers = lines.filter((line) => coverAcross(line, across) >= MIN_COVER);
    for (const pair of gridPairs(crossers, minSide)) {
      const points = [
        intersectLines(pair.lo.line, across.lo.line),
        intersectLines(pair.lo.line, across.hi.line),
        intersectLines(pair.hi.line, across.hi.line),
        intersectLines(pair.hi.line, across.lo.line),
      ];
      if (points.some((p) => !p)) continue;
      const corners = orderCorners(points as Point[]);
      if (!isPlausibleSquare(corners, minSide)) continue;
      const ends = [crossing(across, pair), crossing(pair, across)];
      if (ends[0] === undefined || ends[1] === undefined) continue;
      quads.push({
        corners,
        match: pair.match + across.match + END_WEIGHT * (ends[0] + ends[1]),
        area: quadArea(corners),
      });
    }
  }
  return quads;
}

/** Where `line` crosses `across`'s two borders; undefined where it runs parallel to one. */
function crossings(line: FamilyLine, across: GridPair): [Point, Point] | undefined {
  const p = intersectLines(line.line, across.lo.line);
  const q = intersectLines(line.line, across.hi.line);
  return p && q ? [p, q] : undefined;
}

/** The share of `line`'s stretch between `across`'s borders that its runs cover. */
function coverAcross(line: FamilyLine, across: GridPair): number {
  const ends = crossings(line, across);
  return ends ? cover(line.runs, ends[0], ends[1]) : 0;
}

/**
 * Whether `runs` end at `end` (of a stretch from `other`): they reach it (the last ninth of the stretch,
 * a cell's length, mostly covered) and do not run on (as far past it mostly bare).
 */
function endsAt(runs: readonly Line[], end: Point, other: Point): boolean {
  return (
    cover(runs, pointAlong(end, other, 1 / 9), end) >= MIN_COVER &&
    cover(runs, end, pointAlong(end, other, -1 / 9)) < MIN_COVER
  );
}

const pointAlong = (from: Point, to: Point, share: number): Point => ({
  x: from.x + (to.x - from.x) * share,
  y: from.y + (to.y - from.y) * share,
});

/**
 * How the borders and box borders of `pair` cross `across`: undefined unless each runs along most of its
 * side between `across`'s borders, else how many of their ends end at those borders (0…8).
 */
function crossing(pair: GridPair, across: GridPair): number | undefined {
  let ends = 0;
  for (const line of [pair.lo, ...pair.box, pair.hi]) {
    const stretch = crossings(line, across);
    if (!stretch || cover(line.runs, stretch[0], stretch[1]) < MIN_COVER) return undefined;
    if (endsAt(line.runs, stretch[0], stretch[1])) ends++;
    if (endsAt(line.runs, stretch[1], stretch[0])) ends++;
  }
  return ends;
}

/** The share of segment p→q that `runs` (projected onto it) cover. */
function cover(runs: readonly Line[], p: Point, q: Point): number {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const squared = dx * dx + dy * dy;
  if (squared === 0) return 0;
  const spans: [number, number][] = [];
  for (const run of runs) {
    const u = Math.min(1, Math.max(0, ((run.a.x - p.x) * dx + (run.a.y - p.y) * dy) / squared));
    const v = Math.min(1, Math.max(0, ((run.b.x - p.x) * dx + (run.b.y - p.y) * dy) / squared));
    spans.push(u < v ? [u, v] : [v, u]);
  }
  spans.sort((s, t) => s[0] - t[0]);
  let covered = 0;
  let reached = 0;
  for (const [from, to] of spans) {
    if (to > reached) {
      covered += to - Math.max(from, reached);
      reached = to;
    }
  }
  return covered;
}

/** The longest straight runs of ink in `binary` as lines. */
function inkRuns(cv: OpenCV, binary: Mat, minSide: number): Line[] {
  const data = withMats((track) => {
    const segments = track(new cv.Mat());
    const minLength = MIN_RUN_SHARE * minSide;
    cv.HoughLinesP(
      binary,
      segments,
      1,
      Math.PI / 180,
      Math.round(minLength / 2),
      minLength,
      RUN_GAP_SHARE * minSide,
    );
    return Array.from(segments.data32S);
  });
  const runs: Line[] = [];
  for (let i = 0; i + 3 < data.length; i += 4) {
    runs.push({ a: { x: data[i]!, y: data[i + 1]! }, b: { x: data[i + 2]!, y: data[i + 3]! } });
  }
  return runs.sort((p, q) => lineLength(q) - lineLength(p)).slice(0, MAX_RUNS);
}

const lineLength = (l: Line): number => Math.hypot(l.b.x - l.a.x, l.b.y - l.a.y);
/** Direction in degrees, 0…180 (a line has no sense). */
const direction = (l: Line): number =>
  ((((Math.atan2(l.b.y - l.a.y, l.b.x - l.a.x) * 180) / Math.PI) % 180) + 180) % 180;
const angleApart = (p: number, q: number): number => Math.min(Math.abs(p - q), 180 - Math.abs(p - q));

/**
 * The runs of the two dominant directions (length-weighted), at least `MIN_CROSSING` apart; each
 * family holds the runs within `FAMILY_SPREAD` of its direction.
 */
function splitFamilies(runs: readonly Line[]): [Family, Family] | undefined {
  const weight = new Float64Array(180);
  for (const run of runs) {
    const d = Math.round(direction(run));
    for (let k = -FAMILY_SPREAD; k <= FAMILY_SPREAD; k++) weight[(d + k + 180) % 180]! += lineLength(run);
  }
  const peak = (allowed: (d: number) => boolean): number | undefined => {
    let best: number | undefined;
    for (let d = 0; d < 180; d++)
      if (allowed(d) && (best === undefined || weight[d]! > weight[best]!)) best = d;
    return best !== undefined && weight[best]! > 0 ? best : undefined;
  };
  const one = peak(() => true);
  if (one === undefined) return undefined;
  const two = peak((d) => angleApart(d, one) >= MIN_CROSSING);
  if (two === undefined) return undefined;
  const family = (d: number): Family => ({
    direction: d,
    runs: runs.filter((run) => angleApart(direction(run), d) <= FAMILY_SPREAD),
  });
  return [family(one), family(two)];
}

/**
 * The lines of `family` by where they cross a reference line of the `other` family's mean direction
 * through the runs' centre (runs at one position and direction merged, the longest standing for them all),
 * sorted by that position.
 * Measured along one transversal, a foreshortened grid's lines keep their order and spacing pattern.
 */
function positions({ direction: towards, runs: family }: Family, { runs: other }: Family): FamilyLine[] {
  const all = [...family, ...other];
  const total = all.reduce((s, l) => s + lineLength(l), 0);
  const centre = all.reduce(
    (c, l) => {
      const w = lineLength(l) / total;
      return { x: c.x + ((l.a.x + l.b.x) / 2) * w, y: c.y + ((l.a.y + l.b.y) / 2) * w };
    },
    { x: 0, y: 0 },
  );
  // Mean direction of the other family (sense aligned to its first run before summing).
  const ref = other.reduce(
    (s, l) => {
      const dx = l.b.x - l.a.x;
      const dy = l.b.y - l.a.y;
      const sense = dx * s.x + dy * s.y < 0 ? -1 : 1;
      return { x: s.x + sense * dx, y: s.y + sense * dy };
    },
    { x: 0, y: 0 },
  );
  const reference: Line = { a: centre, b: { x: centre.x + ref.x, y: centre.y + ref.y } };
  const refLength = Math.hypot(ref.x, ref.y);
  const placed: FamilyLine[] = [];
  for (const line of family) {
    const p = intersectLines(reference, line);
    if (!p) continue;
    const at = ((p.x - centre.x) * ref.x + (p.y - centre.y) * ref.y) / refLength;
    const turn = direction(line) - towards;
    const angle = turn > 90 ? turn - 180 : turn < -90 ? turn + 180 : turn;
    placed.push({ at, angle, line, length: lineLength(line), runs: [line] });
  }
  placed.sort((p, q) => p.at - q.at);
  const merged: FamilyLine[] = [];
  for (const c of placed) {
    let same = -1;
    for (let i = merged.length - 1; i >= 0 && c.at - merged[i]!.at <= SAME_LINE_PX; i--) {
      if (Math.abs(c.angle - merged[i]!.angle) <= SAME_DIRECTION) {
        same = i;
        break;
      }
    }
    const kept = merged[same];
    if (kept) {
      kept.runs.push(c.line);
      if (c.length > kept.length) merged[same] = { ...c, at: kept.at, runs: kept.runs };
    } else {
      merged.push(c);
    }
  }
  return merged;
}

/** A family's two outer lines of a grid, its two box borders, and how well its inner lines matched. */
interface GridPair {
  lo: FamilyLine;
  hi: FamilyLine;
  box: [FamilyLine, FamilyLine];
  match: number;
}

/**
 * The pairs of `lines` between which both box borders lie where a grid's do, best matched first.
 */
function gridPairs(lines: readonly FamilyLine[], minSide: number): GridPair[] {
  const pairs: GridPair[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const lo = lines[i]!;
      const hi = lines[j]!;
      // Measured along a transversal, a grid's outer lines lie at least its side apart.
      if (hi.at - lo.at < minSide) continue;
      let best: GridPair | undefined;
      for (const a of FORESHORTENING) {
        const inner = innerLines(lines, lo, hi, a);
        if (inner && (!best || inner.match > best.match)) best = { lo, hi, ...inner };
      }
      if (best) pairs.push(best);
    }
  }
  return pairs.sort((p, q) => q.match - p.match || q.hi.at - q.lo.at - (p.hi.at - p.lo.at));
}

/**
 * The inner lines of `lines` where a grid between `lo` and `hi` has them, under foreshortening `a`: the
 * box borders and the match score (box borders 2, cell lines 1, each down to half as it lies off by up
 * to `LINE_MATCH`; of 12); undefined without both box borders.
 */
function innerLines(
  lines: readonly FamilyLine[],
  lo: FamilyLine,
  hi: FamilyLine,
  a: number,
): { match: number; box: [FamilyLine, FamilyLine] } | undefined {
  // The box borders first: most pairs lack them, and need no cell lines sought.
  const first = innerLine(lines, lo, hi, a, 3);
  const second = first && innerLine(lines, lo, hi, a, 6);
  if (!first || !second) return undefined;
  let match = first.weight + second.weight;
  for (const k of [1, 2, 4, 5, 7, 8]) match += innerLine(lines, lo, hi, a, k)?.weight ?? 0;
  return { match, box: [first.line, second.line] };
}

/** The `k`th line between `lo` and `hi` (see `innerLines`) and its weight in the match score. */
function innerLine(
  lines: readonly FamilyLine[],
  lo: FamilyLine,
  hi: FamilyLine,
  a: number,
  k: number,
): { line: FamilyLine; weight: number } | undefined {
  const span = hi.at - lo.at;
  const tolerance = (LINE_MATCH * span) / 9;
  const x = k / 9;
  const along = ((1 + a) * x) / (1 + a * x);
  const expected = lo.at + span * along;
  const line = lineNear(lines, expected, tolerance, lo.angle + (hi.angle - lo.angle) * along);
  if (!line) return undefined;
  return { line, weight: (k % 3 === 0 ? 2 : 1) * (1 - Math.abs(line.at - expected) / (2 * tolerance)) };
}

/** The longest line of the sorted `lines` within `tolerance` of `at`, pointing within `SAME_DIRECTION` of `angle`. */
function lineNear(
  lines: readonly FamilyLine[],
  at: number,
  tolerance: number,
  angle: number,
): FamilyLine | undefined {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.at < at - tolerance) lo = mid + 1;
    else hi = mid;
  }
  let found: FamilyLine | undefined;
  for (let i = lo; i < lines.length && lines[i]!.at <= at + tolerance; i++) {
    const line = lines[i]!;
    if (Math.abs(line.angle - angle) <= SAME_DIRECTION && (!found || line.length > found.length))
      found = line;
  }
  return found;
}
