import { describe, expect, test } from "vitest";
import { readGrid } from "../../src/vision/read-grid.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import type { CameraStyle, GridStyle, PhotoDesign } from "../../training/photos/design.ts";
import { generatePhoto, type GeneratedPhoto } from "../../training/photos/generate-photo.ts";
import { FALLBACK_PUZZLES } from "../../training/photos/puzzles.ts";
import { decodePhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

/** A photo from the generator with its design replaced in part: the grid's true corners come with it. */
function render(adjust: (design: PhotoDesign) => PhotoDesign, index = 0): GeneratedPhoto {
  return generatePhoto({ fonts: registerFonts(), puzzles: [...FALLBACK_PUZZLES], adjust }, 5, index);
}

/** Camera defaults (sharp, evenly lit, square on); each case sets the conditions of the photo it replays. */
const camera = (overrides: Partial<CameraStyle>): CameraStyle => ({
  kind: "photo",
  width: 1024,
  height: 768,
  fill: 0.7,
  angle: 0.02,
  quarterTurns: 0,
  perspective: 0.02,
  curl: 0,
  gradient: 0.05,
  shadow: { kind: "none" },
  glare: 0,
  tint: [1, 1, 1],
  blur: 0.3,
  noise: 1,
  jpegQuality: 90,
  ...overrides,
});

const black = [20, 20, 20] as const;
const printed: GridStyle = {
  digitFont: "roboto-500",
  digitHeight: 0.6,
  digitInk: black,
  background: null,
  shadedBoxes: null,
  thin: { width: 0.03, colour: black },
  box: { width: 0.08, colour: black },
  outer: { width: 0.1, colour: black },
  digitJitter: 0,
  pencil: { font: "roboto-400", height: 0.22, ink: [110, 110, 110] },
};

/** Givens only: pencil marks are the digit stage's concern, not the finder's. */
const givensOnly = (design: PhotoDesign) => design.marks.map((m) => (m?.kind === "given" ? m : null));

/** Givens, and pencil-mark candidates in every third cell that has none, as a player's notes. */
const withPencil = (design: PhotoDesign) =>
  design.marks.map((m, cell) =>
    m?.kind === "given" ? m : cell % 3 === 0 ? { kind: "pencil" as const, digits: [1, 4, 5, 8] } : null,
  );

/**
 * The grid is read upright where it is (every corner within 3 % of the grid's side) and sanely: at most
 * 6 cells wrong (a misplaced or misturned grid gets dozens wrong).
 */
async function expectRead(photo: GeneratedPhoto): Promise<void> {
  const result = await readGrid(() => decodePhoto(photo.jpeg), classifier());
  assertRead(result);
  expect(result.rotation).toBe(0);
  const [tl, tr] = photo.corners;
  const tolerance = 0.03 * Math.hypot(tr.x - tl.x, tr.y - tl.y);
  result.corners.forEach((p, i) => {
    expect(Math.hypot(p.x - photo.corners[i]!.x, p.y - photo.corners[i]!.y)).toBeLessThan(tolerance);
  });
  const digits = digitString(result.cells);
  expect([...digits].filter((d, i) => d !== photo.label[i]).length).toBeLessThanOrEqual(6);
}

// Each case replays the drawn conditions of a generated photo (training seed 3) that the finder or
// the turn check failed on; the generator's own randomness (placement, grain, noise) is seed 5's.
describe("grids the finder used to miss (generated photos)", () => {
  test("a dark-theme app screenshot with notes: light lines and digits on near-black", async () => {
    const photo = render((design) => ({
      ...design,
      layout: "app-dark",
      grid: {
        ...printed,
        digitFont: "open-sans-400",
        digitHeight: 0.57,
        digitInk: [225, 225, 230],
        background: [31, 34, 40],
        thin: { width: 0.012, colour: [95, 95, 105] },
        box: { width: 0.035, colour: [150, 150, 160] },
        outer: { width: 0.054, colour: [150, 150, 160] },
      },
      page: { paper: [12, 12, 16], texture: 0, crumple: 0, showThrough: 0, surround: [10, 10, 10] },
      camera: camera({
        kind: "screenshot",
        width: 360,
        height: 780,
        angle: 0,
        perspective: 0,
        jpegQuality: 94,
      }),
      marks: withPencil(design),
    }));
    await expectRead(photo);
  }, 60_000);

  test("a 320×240 newspaper photo, its text columns a few pixels from the grid", async () => {
    const photo = render((design) => ({
      ...design,
      layout: "newspaper",
      grid: {
        ...printed,
        digitFont: "lato-400",
        digitHeight: 0.72,
        thin: { width: 0.032, colour: black },
        box: { width: 0.036, colour: black },
        outer: { width: 0.038, colour: black },
      },
      page: {
        paper: [247, 245, 242],
        texture: 0.62,
        crumple: 0.14,
        showThrough: 0.087,
        surround: [150, 140, 120],
      },
      camera: camera({
        width: 320,
        height: 240,
        fill: 0.49,
        angle: -0.025,
        perspective: 0.036,
        gradient: 0.088,
        blur: 0.13,
        noise: 2.5,
        jpegQuality: 77,
      }),
      marks: givensOnly(design),
    }));
    await expectRead(photo);
  }, 60_000);

  test("shaded boxes whose faint inner lines vanish: a weak fit is taken once it reads like a sudoku", async () => {
    const photo = render((design) => ({
      ...design,
      layout: "plain",
      grid: {
        ...printed,
        digitFont: "open-sans-700",
        digitHeight: 0.73,
        shadedBoxes: [218, 218, 218],
        thin: { width: 0.049, colour: [141, 141, 141] },
        box: { width: 0.093, colour: black },
        outer: { width: 0.136, colour: black },
      },
      page: { paper: [188, 187, 184], texture: 0.42, crumple: 0.07, showThrough: 0, surround: [30, 30, 35] },
      camera: camera({
        width: 480,
        height: 640,
        fill: 0.69,
        angle: -0.01,
        perspective: 0.016,
        gradient: 0.37,
        blur: 1.18,
        noise: 4.4,
        jpegQuality: 44,
      }),
      marks: givensOnly(design),
    }));
    await expectRead(photo);
  }, 60_000);

  test("a grainy, blurred photo stays upright", async () => {
    const purple = [110, 40, 140] as const;
    const photo = render((design) => ({
      ...design,
      layout: "plain",
      grid: {
        ...printed,
        digitFont: "source-sans-3-800",
        digitHeight: 0.62,
        shadedBoxes: [232, 220, 236],
        thin: { width: 0.039, colour: purple },
        box: { width: 0.044, colour: purple },
        outer: { width: 0.066, colour: purple },
      },
      page: {
        paper: [177, 177, 177],
        texture: 0.11,
        crumple: 0.07,
        showThrough: 0.15,
        surround: [200, 200, 195],
      },
      camera: camera({
        width: 480,
        height: 640,
        fill: 0.8,
        angle: -0.048,
        perspective: 0.029,
        gradient: 0.076,
        tint: [0.99, 0.91, 0.85],
        blur: 1.47,
        noise: 14,
        jpegQuality: 80,
      }),
      marks: givensOnly(design),
    }));
    await expectRead(photo);
  }, 60_000);

  test("a light app screenshot whose hairline cell lines vanish: its box borders are enough", async () => {
    const frame = [55, 47, 42] as const;
    const photo = render((design) => ({
      ...design,
      layout: "app-light",
      grid: {
        ...printed,
        digitHeight: 0.48,
        digitInk: [16, 26, 57],
        background: [255, 255, 255],
        thin: { width: 0.01, colour: [189, 203, 203] },
        box: { width: 0.048, colour: frame },
        outer: { width: 0.033, colour: frame },
        pencil: { font: "open-sans-500", height: 0.21, ink: [109, 135, 96] },
      },
      page: { paper: [246, 246, 248], texture: 0, crumple: 0, showThrough: 0, surround: [10, 10, 10] },
      camera: camera({
        kind: "screenshot",
        width: 360,
        height: 780,
        angle: 0,
        perspective: 0,
        jpegQuality: 92,
      }),
      marks: givensOnly(design),
    }));
    await expectRead(photo);
  }, 60_000);
});
