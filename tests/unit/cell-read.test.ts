import { describe, expect, test } from "vitest";
import { CANDIDATE_COUNT, OVERRULE_EMPTY_P, toCellRead } from "../../src/digits/cell-read.ts";
import { CLASS_COUNT, classOf } from "../../src/digits/classes.ts";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";

/** Class probabilities; keys are classes (1–9 printed, 10–18 handwritten, see classes.ts). */
const probs = (entries: Record<number, number>): Float32Array => {
  const p = new Float32Array(CLASS_COUNT);
  for (const [d, v] of Object.entries(entries)) p[Number(d)] = v;
  return p;
};

describe("toCellRead", () => {
  test("a non-empty cell takes the CNN's best class, with ranked alternatives", () => {
    const read = toCellRead(probs({ 0: 0.05, 3: 0.15, 8: 0.7, 9: 0.1 }), false);
    expect(read.digit).toBe(8);
    expect(read.confidence).toBeCloseTo(0.7);
    expect(read.candidates.map((c) => c.digit)).toEqual([8, 3, 9]);
    expect(read.candidates).toHaveLength(CANDIDATE_COUNT);
  });

  test("the ink test's empty decision wins, but a CNN that sees a digit makes it doubtful", () => {
    const read = toCellRead(probs({ 0: 0.2, 1: 0.8 }), true);
    expect(read.digit).toBe(0);
    expect(read.confidence).toBeCloseTo(0.2);
    expect(read.candidates[0]).toEqual({ digit: 0, p: expect.closeTo(0.2) });
    expect(read.candidates[1]!.digit).toBe(1);
  });

  test("a digit the ink test missed is read when the CNN is very sure of it, and doubtful", () => {
    const read = toCellRead(probs({ 0: 0.01, 9: 0.99 }), true);
    expect(read.digit).toBe(9);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(read.candidates[0]).toEqual({ digit: 9, p: read.confidence });
    expect(toCellRead(probs({ 0: 0.02, 9: OVERRULE_EMPTY_P + 0.01 }), true).digit).toBe(9);
    expect(toCellRead(probs({ 0: 0.2, 9: OVERRULE_EMPTY_P - 0.1 }), true).digit).toBe(0);
  });

  test("ghostly ink is empty however sure the CNN is of print, and doubtful when it disagrees", () => {
    const read = toCellRead(probs({ 0: 0.01, 9: 0.99 }), false, "ghost");
    expect(read.digit).toBe(0);
    expect(read.confidence).toBeCloseTo(0.01);
    expect(read.candidates[1]!.digit).toBe(9);
  });

  test("faint ink is a printed digit only when the CNN is all but sure of it, and then doubtful", () => {
    const glared = toCellRead(probs({ 0: 0.005, 9: 0.995 }), false, "faint");
    expect(glared.digit).toBe(9);
    expect(glared.handwritten).toBeCloseTo(0);
    expect(glared.confidence).toBeLessThan(DOUBT_THRESHOLD);
  });

  test("faint ink the CNN reads as a digit, but not surely as print, is a doubtful entry (pencil)", () => {
    const pale = toCellRead(probs({ 0: 0.03, 9: 0.97 }), false, "faint");
    expect(pale.digit).toBe(9);
    expect(isHandwritten(pale)).toBe(true);
    expect(pale.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(pale.candidates[0]).toEqual({ digit: 9, p: pale.confidence });
    // A coin toss between a digit and empty stays empty.
    expect(toCellRead(probs({ 0: 0.3, 9: 0.7 }), false, "faint").digit).toBe(0);
    // Ghostly ink (show-through) read as print stays empty.
    expect(toCellRead(probs({ 0: 0.03, 9: 0.97 }), false, "ghost").digit).toBe(0);
  });

  test("ink too small for a digit is empty however sure the CNN is (it sees the ink scaled up)", () => {
    const read = toCellRead(probs({ 0: 0.01, 7: 0.98, [classOf(7, true)]: 0.01 }), true, "small");
    expect(read.digit).toBe(0);
    expect(read.candidates[1]!.digit).toBe(7);
    expect(read.tooSmall).toBe(true);
    expect(toCellRead(probs({ 0: 0.01, 7: 0.99 }), true).tooSmall).toBeUndefined();
  });

  test("an empty read of weak but dark ink is shown as doubtful, even when the CNN is sure it is empty", () => {
    const read = toCellRead(probs({ 0: 0.98, 7: 0.02 }), true, "weak");
    expect(read.digit).toBe(0);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(read.candidates[1]!.digit).toBe(7);
    // A digit read from weak ink keeps the CNN's confidence.
    expect(toCellRead(probs({ 0: 0.02, 7: 0.98 }), false, "weak").confidence).toBeCloseTo(0.98);
  });

  test("the CNN may call an inked cell empty (a smudge), but the disagreement with the ink test is doubtful", () => {
    const read = toCellRead(probs({ 0: 0.97, 4: 0.03 }), false);
    expect(read.digit).toBe(0);
    expect(read.confidence).toBeLessThan(DOUBT_THRESHOLD);
    expect(read.capped).toBe(true);
    // Ink the grid-level check empties (too small, too faint) is no disagreement.
    expect(toCellRead(probs({ 0: 0.97, 4: 0.03 }), false, "small").confidence).toBeCloseTo(0.97);
    expect(toCellRead(probs({ 0: 0.97, 4: 0.03 }), false, "small").capped).toBeUndefined();
    expect(toCellRead(probs({ 0: 0.97, 4: 0.03 }), false, "faint").confidence).toBeCloseTo(0.97);
  });

  test("candidate probabilities sum to at most 1, best first", () => {
    const read = toCellRead(probs({ 1: 0.3, 2: 0.3, 5: 0.2, 6: 0.2 }), false);
    const ps = read.candidates.map((c) => c.p);
    expect(ps.reduce((a, b) => a + b)).toBeLessThanOrEqual(1 + 1e-6);
    expect([...ps].sort((a, b) => b - a)).toEqual(ps);
  });

  test("printed and handwritten ink of one digit count together, and say who wrote it", () => {
    // 4 printed 0.3 + 4 handwritten 0.35 beats 9 printed 0.35.
    const read = toCellRead(probs({ 4: 0.3, [classOf(4, true)]: 0.35, 9: 0.35 }), false);
    expect(read.digit).toBe(4);
    expect(read.confidence).toBeCloseTo(0.65);
    expect(read.handwritten).toBeCloseTo(0.35 / 0.65);
    expect(isHandwritten(read)).toBe(true);
    const printed = toCellRead(probs({ 4: 0.9, [classOf(4, true)]: 0.1 }), false);
    expect(printed.handwritten).toBeCloseTo(0.1);
    expect(isHandwritten(printed)).toBe(false);
  });

  test("an empty cell carries no handwriting", () => {
    const read = toCellRead(probs({ 0: 0.6, [classOf(2, true)]: 0.4 }), false);
    expect(read.digit).toBe(0);
    expect(read.handwritten).toBeUndefined();
  });

  test("faint ink the CNN reads as handwriting is an entry (pencil), not show-through", () => {
    const pencil = toCellRead(probs({ 0: 0.02, [classOf(7, true)]: 0.95, 7: 0.03 }), false, "faint");
    expect(pencil.digit).toBe(7);
    expect(isHandwritten(pencil)).toBe(true);
    // Less sure handwriting is an entry still, shown as doubtful.
    const unsure = toCellRead(probs({ 0: 0.3, [classOf(7, true)]: 0.7 }), false, "faint");
    expect(unsure.digit).toBe(7);
    expect(unsure.confidence).toBeLessThan(DOUBT_THRESHOLD);
    // A coin toss stays empty.
    expect(toCellRead(probs({ 0: 0.45, [classOf(7, true)]: 0.55 }), false, "faint").digit).toBe(0);
    // Ghostly ink read as handwriting is an entry too.
    expect(toCellRead(probs({ 0: 0.02, [classOf(7, true)]: 0.95 }), false, "ghost").digit).toBe(7);
  });
});
