import { describe, expect, test } from "vitest";
import {
  CLASS_COUNT,
  classOf,
  digitOf,
  digitProbabilities,
  handwrittenShare,
} from "../../src/digits/classes.ts";

describe("the digit CNN's classes", () => {
  test("empty, nine printed and nine handwritten classes, each standing for one digit", () => {
    expect(CLASS_COUNT).toBe(19);
    const classes = [0, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((d) => [classOf(d, false), classOf(d, true)])];
    expect(new Set(classes).size).toBe(CLASS_COUNT);
    expect(Math.max(...classes)).toBe(CLASS_COUNT - 1);
    for (let d = 1; d <= 9; d++) {
      expect(digitOf(classOf(d, false))).toBe(d);
      expect(digitOf(classOf(d, true))).toBe(d);
    }
    expect(digitOf(0)).toBe(0);
  });

  test("digit probabilities add printed and handwritten ink and still sum to 1", () => {
    const p = new Float32Array(CLASS_COUNT);
    p[0] = 0.1;
    p[classOf(3, false)] = 0.2;
    p[classOf(3, true)] = 0.5;
    p[classOf(8, true)] = 0.2;
    const digits = digitProbabilities(p);
    expect(digits).toHaveLength(10);
    expect(digits[0]).toBeCloseTo(0.1);
    expect(digits[3]).toBeCloseTo(0.7);
    expect(digits[8]).toBeCloseTo(0.2);
    expect(digits.reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(handwrittenShare(p, 3)).toBeCloseTo(0.5 / 0.7);
    expect(handwrittenShare(p, 8)).toBeCloseTo(1);
    expect(handwrittenShare(p, 5)).toBe(0);
  });
});
