import { expect, test } from "vitest";
import { readGrid } from "../../src/vision/read-grid.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import type { PhotoDesign } from "../../training/photos/design.ts";
import { generatePhoto } from "../../training/photos/generate-photo.ts";
import { FALLBACK_PUZZLES } from "../../training/photos/puzzles.ts";
import { decodePhoto } from "../../tooling/load-photo.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";

const classifier = useShippedClassifier();

/** The easy end of the generator: sharp, evenly lit, mildly tilted, no show-through or pencil marks. */
const easy =
  (layout: PhotoDesign["layout"]) =>
  (design: PhotoDesign): PhotoDesign => ({
    ...design,
    layout,
    page: { ...design.page, showThrough: 0, crumple: 0, texture: Math.min(design.page.texture, 0.3) },
    grid: layout.startsWith("app") ? design.grid : { ...design.grid, shadedBoxes: null },
    camera: {
      ...design.camera,
      width: 1024,
      height: 768,
      fill: 0.8,
      quarterTurns: 0,
      perspective: Math.min(design.camera.perspective, 0.03),
      curl: 0,
      gradient: 0.1,
      shadow: { kind: "none" },
      glare: 0,
      blur: 0.4,
      noise: 2,
      jpegQuality: 85,
    },
    marks: design.marks.map((m) => (m?.kind === "pencil" ? null : m)),
  });

// The generator's labels are what the app's own reader sees in its easy photos.
for (const layout of ["plain", "newspaper", "book", "app-light"] as const) {
  test(`the app reads an easy generated ${layout} photo exactly as labelled`, async () => {
    const fonts = registerFonts();
    const photo = generatePhoto({ fonts, puzzles: [...FALLBACK_PUZZLES], adjust: easy(layout) }, 47, 0);
    const result = await readGrid(() => decodePhoto(photo.jpeg), classifier());
    if (result.kind !== "read") throw new Error(`expected a read, got ${result.error.code}`);
    expect(result.cells.map((c) => c.digit).join("")).toBe(photo.label);
  });
}
