import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { summarise } from "../../bench/recognition-score.ts";
import { readBlurShares } from "../../training/photos/write-photos.ts";

const label = "1".repeat(27) + "0".repeat(54);

test("a generated photo's blur is measured against its grid's cell; real photos have no designs", async () => {
  const dir = await mkdtemp(join(tmpdir(), "blur-share-"));
  try {
    expect(await readBlurShares(dir)).toBeUndefined();
    const square = (side: number) => [
      [10, 10],
      [10 + side, 10],
      [10 + side, 10 + side],
      [10, 10 + side],
    ];
    const designs = {
      "a.jpg": { camera: { blur: 0.5 }, corners: square(90) },
      "b.jpg": { camera: { blur: 0.5 }, corners: square(450) },
    };
    await writeFile(join(dir, "designs.json"), JSON.stringify(designs));
    const shares = await readBlurShares(dir);
    expect(shares?.["a.jpg"]).toBeCloseTo(0.05);
    expect(shares?.["b.jpg"]).toBeCloseTo(0.01);
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
