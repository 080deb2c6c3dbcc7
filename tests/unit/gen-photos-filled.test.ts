import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { registerFonts } from "../../training/digits/fonts.ts";
import { createRng } from "../../training/digits/rng.ts";
import { drawDesign, type PhotoDesign } from "../../training/photos/design.ts";
import { generatePhoto } from "../../training/photos/generate-photo.ts";
import { parseMnist, registerHandwritingFonts } from "../../training/photos/handwriting.ts";
import { choosePuzzle, FALLBACK_PUZZLES } from "../../training/photos/puzzles.ts";
import { readDesignFacts, writePhotos } from "../../training/photos/write-photos.ts";

const fonts = registerFonts();
const puzzles = [...FALLBACK_PUZZLES];

/** IDX files of `digits.length` 28×28 images, image k filled with the value k + 1. */
function idx(digits: number[]): { images: Buffer; labels: Buffer } {
  const images = Buffer.alloc(16 + digits.length * 784);
  images.writeUInt32BE(2051, 0);
  images.writeUInt32BE(digits.length, 4);
  images.writeUInt32BE(28, 8);
  images.writeUInt32BE(28, 12);
  digits.forEach((_, k) => images.fill(k + 1, 16 + k * 784, 16 + (k + 1) * 784));
  const labels = Buffer.alloc(8 + digits.length);
  labels.writeUInt32BE(2049, 0);
  labels.writeUInt32BE(digits.length, 4);
  digits.forEach((d, k) => labels.writeUInt8(d, 8 + k));
  return { images, labels };
}

describe("gen:photos --filled", () => {
  test("MNIST IDX files parse into digits indexed by label; other files are refused", () => {
    const { images, labels } = idx([7, 3, 7]);
    const mnist = parseMnist(images, labels);
    expect(mnist.byDigit[7]).toEqual([0, 2]);
    expect(mnist.byDigit[3]).toEqual([1]);
    expect(mnist.pixels[784 * 2]).toBe(3);
    expect(() => parseMnist(labels, images)).toThrow(/magic/);
  });

  test("entries go into empty cells of printed puzzles; labels keep only the givens", () => {
    const { images, labels } = idx([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const sources = { mnist: parseMnist(images, labels), fonts: registerHandwritingFonts() };
    const rng = createRng(12);
    const kinds = new Set<string>();
    for (let n = 0; n < 40; n++) {
      const puzzle = choosePuzzle(rng, puzzles);
      const design = drawDesign(rng, puzzle, fonts, sources);
      expect(design.layout.startsWith("app")).toBe(false);
      const entries = design.marks.flatMap((m, i) => (m?.kind === "entry" ? [{ m, i }] : []));
      expect(entries.length).toBeGreaterThanOrEqual(1);
      expect(entries.length).toBeLessThanOrEqual(15);
      for (const { m, i } of entries) {
        expect(puzzle.givens[i]).toBe(0);
        kinds.add(m.hand.source.kind);
      }
      puzzle.givens.forEach((g, i) => {
        if (g > 0) expect(design.marks[i]).toEqual({ kind: "given", digit: g });
      });
    }
    expect([...kinds].sort()).toEqual(["font", "mnist"]);
  });

  test("--entries sets how many cells are written in, as far as the puzzle has empty cells", () => {
    const sources = { mnist: undefined, fonts: registerHandwritingFonts(), entries: { min: 20, max: 40 } };
    const rng = createRng(13);
    const counts = Array.from({ length: 12 }, () => {
      const design = drawDesign(rng, choosePuzzle(rng, puzzles), fonts, sources);
      return design.marks.filter((m) => m?.kind === "entry").length;
    });
    for (const count of counts) expect(count).toBeGreaterThanOrEqual(20);
    for (const count of counts) expect(count).toBeLessThanOrEqual(40);
    expect(new Set(counts).size).toBeGreaterThan(3);
    const everyCell = { ...sources, entries: { min: 81, max: 81 } };
    const full = drawDesign(rng, choosePuzzle(rng, puzzles), fonts, everyCell).marks;
    expect(full.every((m) => m?.kind === "given" || m?.kind === "entry")).toBe(true);
  });

  test("a generated photo's entries string lists what was handwritten, and labels.json's string does not", () => {
    const flat = (d: PhotoDesign): PhotoDesign => ({
      ...d,
      camera: { ...d.camera, width: 480, height: 360 },
    });
    const filled = { mnist: undefined, fonts: registerHandwritingFonts() };
    const photo = generatePhoto({ fonts, puzzles, filled, adjust: flat }, 13, 0);
    const plain = generatePhoto({ fonts, puzzles, adjust: flat }, 13, 0);
    expect(photo.label).toBe(plain.label);
    for (let i = 0; i < 81; i++) {
      const mark = photo.design.marks[i];
      expect(photo.entries[i]).toBe(mark?.kind === "entry" ? String(mark.digit) : "0");
      if (photo.entries[i] !== "0") expect(photo.label[i]).toBe("0");
    }
    expect(photo.entries).toMatch(/[1-9]/);
    expect(plain.entries).toBe("0".repeat(81));
  });

  test("designs.json tells each entry's source, MNIST or a font, for the benchmark to score apart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gen-filled-"));
    try {
      const { images, labels } = idx([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const filled = {
        mnist: parseMnist(images, labels),
        fonts: registerHandwritingFonts(),
        entries: { min: 15, max: 15 },
      };
      const small = (d: PhotoDesign): PhotoDesign => ({
        ...d,
        camera: { ...d.camera, width: 320, height: 240 },
      });
      await writePhotos(
        { fonts, puzzles, filled, adjust: small },
        { seed: 3, count: 1, out: dir, log: () => undefined },
      );
      const entries = (
        JSON.parse(await readFile(join(dir, "entries.json"), "utf8")) as Record<string, string>
      )["s3-0000.jpg"]!;
      const sources = (await readDesignFacts(dir))?.["s3-0000.jpg"]?.entrySources;
      expect(sources).toHaveLength(81);
      expect([...sources!].map((c) => c !== ".")).toEqual([...entries].map((d) => d !== "0"));
      // 15 entries, 60 % of them drawn from MNIST: both sources show.
      expect(sources).toMatch(/m/);
      expect(sources).toMatch(/f/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
