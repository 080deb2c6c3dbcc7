import { describe, expect, it } from "vitest";
import { crossEntropy, crossEntropyFromLogits, logSumExp, softmax } from "../../src/iris/softmax.ts";
import { explainLoss, WORKED_EXAMPLE } from "../../src/iris/worked-example.ts";
import { formatMagnitude, formatNumber, formatPercent, formatProbability } from "../../src/iris/format.ts";

describe("softmax and cross-entropy", () => {
  it("reproduces the slide: logits Dog 1, Cat 4, Rabbit 8, Squirrel 2, true class Rabbit", () => {
    // By hand: e^1 + e^4 + e^8 + e^2 = 2.71828 + 54.59815 + 2980.95799 + 7.38906 = 3045.66348.
    const { probabilities, loss } = explainLoss(WORKED_EXAMPLE.logits, 2);
    expect(probabilities[0]).toBeCloseTo(2.71828 / 3045.66348, 6); // 0.000892
    expect(probabilities[1]).toBeCloseTo(54.59815 / 3045.66348, 6); // 0.017926
    expect(probabilities[2]).toBeCloseTo(2980.95799 / 3045.66348, 6); // 0.978753
    expect(probabilities[3]).toBeCloseTo(7.38906 / 3045.66348, 6); // 0.002426
    expect(formatProbability(probabilities[2]!)).toBe("0.9788");
    expect(loss).toBeCloseTo(-Math.log(0.978753), 5);
    expect(formatNumber(loss)).toBe("0.0215");
  });

  it("gives equal probabilities for equal logits, and a loss of ln 3 for 3 classes", () => {
    expect(softmax([2, 2, 2])).toEqual([1 / 3, 1 / 3, 1 / 3].map((p) => expect.closeTo(p, 12)));
    expect(crossEntropyFromLogits([0, 0, 0], 1)).toBeCloseTo(Math.log(3), 12);
  });

  it("matches a two-class case computed by hand: logits 0 and ln 3 give p = 1/4 and 3/4", () => {
    const p = softmax([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(crossEntropy(0.25)).toBeCloseTo(Math.log(4), 12); // −ln ¼ = 1.386294
    expect(crossEntropyFromLogits([0, Math.log(3)], 0)).toBeCloseTo(1.386294, 6);
  });

  it("stays finite for huge logits, where a naive exp() overflows", () => {
    expect(Math.exp(1000)).toBe(Infinity);
    expect(softmax([1000, 999])).toEqual([expect.closeTo(0.7310586, 7), expect.closeTo(0.2689414, 7)]);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 10);
    // softmax rounds p(second) to 0 here, but the loss from logits is still exact: 1000 − 0 = 1000.
    expect(softmax([1000, 0])[1]).toBe(0);
    expect(crossEntropyFromLogits([1000, 0], 1)).toBeCloseTo(1000, 10);
    expect(crossEntropyFromLogits([1000, 0], 0)).toBe(0);
  });

  it("is unchanged by adding a constant to every logit", () => {
    const shifted = WORKED_EXAMPLE.logits.map((z) => z - 500);
    expect(softmax(shifted)).toEqual(softmax(WORKED_EXAMPLE.logits).map((p) => expect.closeTo(p, 12)));
  });

  it("gives −ln p, infinite for p = 0 and rejecting non-probabilities", () => {
    expect(crossEntropy(1)).toBe(-0);
    expect(crossEntropy(Math.exp(-2))).toBeCloseTo(2, 12);
    expect(crossEntropy(0)).toBe(Infinity);
    expect(() => crossEntropy(1.5)).toThrow(RangeError);
    expect(() => crossEntropy(Number.NaN)).toThrow(RangeError);
    expect(() => crossEntropyFromLogits([1, 2], 2)).toThrow(RangeError);
  });

  it("formats probabilities, percentages and losses for the page", () => {
    expect(formatProbability(3.1e-7)).toBe("3.1e-7");
    expect(formatProbability(0)).toBe("0.0000");
    expect(formatPercent(0.978753)).toBe("97.9\u202f%");
    expect(formatNumber(-0.00001)).toBe("0.0000");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatMagnitude(Math.exp(8))).toBe("2980.958");
    expect(formatMagnitude(Math.exp(20))).toBe("4.852e+8");
    expect(formatMagnitude(Math.exp(-10))).toBe("4.540e-5");
    expect(formatMagnitude(Math.exp(710))).toBe("∞");
  });
});
