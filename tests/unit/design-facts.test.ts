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
      "b.jpg": {
        camera: { blur: 0.5 },
        grid: { digitHeight: 0.5 },
        corners: square(450),
        entrySources: "m" + ".".repeat(80),
      },
    };
    await writeFile(join(dir, "designs.json"), JSON.stringify(designs));
    const facts = await readDesignFacts(dir);
    expect(facts?.["a.jpg"]?.blurShare).toBeCloseTo(0.05);
    expect(facts?.["b.jpg"]?.blurShare).toBeCloseTo(0.01);
    // Cells of 10 and 50 px.
    expect(facts?.["a.jpg"]?.digitPx).toBeCloseTo(6);
    expect(facts?.["b.jpg"]?.digitPx).toBeCloseTo(25);
    // A half-filled photo's entries' sources are passed on; a printed-only photo has none.
    expect(facts?.["b.jpg"]?.entrySources).toBe("m" + ".".repeat(80));
    expect(facts?.["a.jpg"]).not.toHaveProperty("entrySources");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.each([
  {
    measure: "blurShare",
    by: "byBlur",
    values: [0.005, 0.05, 0.04, 0.045],
    expected: {
      "< 2 % of a cell": { images: 1, gridsFound: 1, gridAccuracy: 1 },
      ">= 4 % of a cell": { images: 3, gridsFound: 2 / 3, gridAccuracy: 1 / 3 },
    },
  },
  {
    measure: "digitPx",
    by: "byDigitHeight",
    values: [13, 7, 30, 20],
    expected: {
      "< 8 px": { images: 1, gridsFound: 0, gridAccuracy: 0 },
      "12-19 px": { images: 1, gridsFound: 1, gridAccuracy: 1 },
      ">= 20 px": { images: 2, gridsFound: 1, gridAccuracy: 0.5 },
    },
  },
] as const)(
  "summarise $by: each class of $measure gets its own figures, only with every photo's known",
  ({ measure, by, values, expected }) => {
    // Read right, not read, misread in every cell, read right.
    const reads = [label, undefined, "2".repeat(81), label];
    const summary = summarise(values.map((value, i) => ({ label, read: reads[i], ms: 1, [measure]: value })));
    const figures = summary[by]!;
    for (const [name, want] of Object.entries(expected)) {
      expect(figures[name]!.images).toBe(want.images);
      expect(figures[name]!.gridsFound).toBeCloseTo(want.gridsFound, 4);
      expect(figures[name]!.gridAccuracy).toBeCloseTo(want.gridAccuracy, 4);
    }
    expect(Object.keys(figures).sort()).toEqual(Object.keys(expected).sort());
    expect(
      summarise([
        { label, read: label, ms: 1, [measure]: values[0] },
        { label, read: label, ms: 1 },
      ]),
    ).not.toHaveProperty(by);
  },
);
