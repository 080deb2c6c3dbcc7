import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { summarise } from "../../bench/recognition-score.ts";
import { readDesignFacts } from "../../training/photos/write-photos.ts";

const label = "1".repeat(27) + "0".repeat(54);

test("a generated photo's blur and digit height are measured on its grid's cell; real photos have no designs", async () => {
  const dir = await mkdtemp(join(tmpdir(), "design-facts-"));
  try {
    expect(await readDesignFacts(dir)).toBeUndefined();
    const square = (side: number) => [
      [10, 10],
      [10 + side, 10],
      [10 + side, 10 + side],
      [10, 10 + side],
    ];
    const designs = {
      "a.jpg": { camera: { blur: 0.5 }, grid: { digitHeight: 0.6 }, corners: square(90) },
      "b.jpg": { camera: { blur: 0.5 }, grid: { digitHeight: 0.5 }, corners: square(450) },
    };
    await writeFile(join(dir, "designs.json"), JSON.stringify(designs));
    const facts = await readDesignFacts(dir);
    expect(facts?.["a.jpg"]?.blurShare).toBeCloseTo(0.05);
    expect(facts?.["b.jpg"]?.blurShare).toBeCloseTo(0.01);
    // Cells of 10 and 50 px.
    expect(facts?.["a.jpg"]?.digitPx).toBeCloseTo(6);
    expect(facts?.["b.jpg"]?.digitPx).toBeCloseTo(25);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("summarise by blur: each class of blur gets its own figures, only with every photo's blur known", () => {
  const summary = summarise([
    { label, read: label, ms: 1, blurShare: 0.005 },
    { label, read: undefined, ms: 1, blurShare: 0.05 },
    { label, read: label, ms: 1, blurShare: 0.04 },
  ]);
  expect(summary.byBlur).toEqual({
    "< 2 % of a cell": { images: 1, gridsFound: 1, gridAccuracy: 1 },
    ">= 4 % of a cell": { images: 2, gridsFound: 0.5, gridAccuracy: 0.5 },
  });
  expect(
    summarise([
      { label, read: label, ms: 1, blurShare: 0.01 },
      { label, read: label, ms: 1 },
    ]),
  ).not.toHaveProperty("byBlur");
});

test("summarise by digit height: small print gets its own figures, only with every photo's height known", () => {
  const summary = summarise([
    { label, read: undefined, ms: 1, digitPx: 7 },
    { label, read: label, ms: 1, digitPx: 13 },
    { label, read: "2".repeat(81), ms: 1, digitPx: 30 },
    { label, read: label, ms: 1, digitPx: 20 },
  ]);
  expect(summary.byDigitHeight).toEqual({
    "< 8 px": { images: 1, gridsFound: 0, gridAccuracy: 0 },
    "12-19 px": { images: 1, gridsFound: 1, gridAccuracy: 1 },
    ">= 20 px": { images: 2, gridsFound: 1, gridAccuracy: 0.5 },
  });
  expect(
    summarise([
      { label, read: label, ms: 1, digitPx: 9 },
      { label, read: label, ms: 1 },
    ]),
  ).not.toHaveProperty("byDigitHeight");
});
