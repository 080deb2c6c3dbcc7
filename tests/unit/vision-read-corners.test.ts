import { describe, expect, test } from "vitest";
import type { Corners } from "../../src/shared/image.ts";
import { findGridCorners } from "../../src/vision/find-grid.ts";
import { toGray } from "../../src/vision/gray.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { DOTTED_CLUES, renderDottedGrid } from "../fixtures/dotted-grid.ts";
import { halve } from "../fixtures/halve.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

describe("readGrid from corners placed by hand", () => {
  const photo = renderDottedGrid();

  test("a grid the finder misses reads right from its corners, without the find-grid stage", async () => {
    expect(findGridCorners(toGray(photo))).toBeNull();
    expect(await readGrid(() => photo, classifier())).toEqual({ kind: "error", error: { code: "no-grid" } });

    const result = await readGrid(() => photo, classifier(), { corners: photo.corners });
    assertRead(result);
    expect(digitString(result.cells)).toBe(DOTTED_CLUES);
    expect(result.timings.map((t) => t.stage)).not.toContain("find-grid");
    expect(result.corners).toEqual(photo.corners);
  });

  test("corners in the photo's pixels still fit when the photo was decoded shrunk", async () => {
    const half = halve(photo);
    const result = await readGrid(() => ({ image: half, scale: 0.5 }), classifier(), {
      corners: photo.corners,
    });
    assertRead(result);
    expect(digitString(result.cells)).toBe(DOTTED_CLUES);
  });

  test("crossed, mirrored or collapsed corners are a typed bad-corners error", async () => {
    const [tl, tr, br, bl] = photo.corners;
    const wrong: Corners[] = [
      [tl, br, tr, bl],
      [tr, tl, bl, br],
      [tl, tl, br, bl],
    ];
    for (const corners of wrong) {
      expect(await readGrid(() => photo, classifier(), { corners })).toEqual({
        kind: "error",
        error: { code: "bad-corners" },
      });
    }
  });
});
