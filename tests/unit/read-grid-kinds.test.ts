import { describe, expect, test } from "vitest";
import { classOf } from "../../src/digits/classes.ts";
import type { CellProbabilities, DigitClassifier } from "../../src/digits/classifier.ts";
import { isHandwritten } from "../../src/shared/reading.ts";
import { readGrid } from "../../src/vision/read-grid.ts";
import { loadPhoto } from "../../tooling/load-photo.ts";
import { fixtureLabels as labels, fixturePhotoUrl } from "../fixtures/fixture-photos.ts";
import { useShippedClassifier } from "../fixtures/node-reader.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const classifier = useShippedClassifier();

/**
 * The shipped CNN, except that in each batch the first cell it reads as a printed `digit` comes out
 * as surely handwritten: the CNN's mistake on a printed glyph with a line remnant beside it.
 */
function callingOneHandwritten(digit: number): Pick<DigitClassifier, "classifyCells"> {
  return {
    async classifyCells(inputs) {
      const probs: CellProbabilities[] = await classifier().classifyCells(inputs);
      const printed = classOf(digit, false);
      const first = probs.findIndex((p) => p.indexOf(Math.max(...p)) === printed);
      if (first >= 0) {
        const p = probs[first]!;
        p[classOf(digit, true)] = p[printed]! * 0.95;
        p[printed] = p[printed]! * 0.05;
      }
      return probs;
    },
  };
}

describe("readGrid tells printed from handwritten by the grid's typeface", () => {
  test("a printed digit the CNN calls handwritten is read as a given when the grid prints it alike", async () => {
    const image = await loadPhoto(fixturePhotoUrl("image10.jpg").pathname);
    const result = await readGrid(() => image, callingOneHandwritten(5));
    assertRead(result);
    expect(digitString(result.cells)).toBe(labels["image10.jpg"]);
    expect(result.cells.filter(isHandwritten)).toEqual([]);
  });
});
