import { describe, expect, it } from "vitest";
import { FEATURES } from "../../src/iris/contract.ts";
import { checkLogit, checkMeasurement, measurementsIfValid } from "../../src/iris/validate.ts";

const [sepalLength, , petalLength, petalWidth] = FEATURES;

describe("measurement validation", () => {
  it("accepts plausible centimetre values, with surrounding spaces", () => {
    expect(checkMeasurement(sepalLength, "5.1")).toEqual({ ok: true, value: 5.1 });
    expect(checkMeasurement(petalWidth, " .2 ")).toEqual({ ok: true, value: 0.2 });
    expect(checkMeasurement(petalLength, "30")).toEqual({ ok: true, value: 30 });
  });

  it.each([
    ["", "empty", "Enter the sepal length in centimetres."],
    ["   ", "empty", "Enter the sepal length in centimetres."],
    ["abc", "not-a-number", "Sepal length must be a number of centimetres, such as 5.1."],
    ["5,1", "not-a-number", "Sepal length must be a number of centimetres, such as 5.1."],
    ["0x10", "not-a-number", "Sepal length must be a number of centimetres, such as 5.1."],
    ["Infinity", "not-a-number", "Sepal length must be a number of centimetres, such as 5.1."],
    ["-1", "negative", "Sepal length cannot be negative."],
    ["0", "zero", "Sepal length must be more than 0 cm."],
    ["0.0", "zero", "Sepal length must be more than 0 cm."],
    ["30.5", "implausible", "Sepal length over 30 cm is implausible for an iris."],
    ["1e400", "implausible", "Sepal length over 30 cm is implausible for an iris."],
  ])("rejects %j as %s with a message naming the field", (text, problem, message) => {
    expect(checkMeasurement(sepalLength, text)).toEqual({ ok: false, problem, message });
  });

  it("trusts the browser's badInput flag: a number input reports '' for text like '1e'", () => {
    expect(checkMeasurement(petalWidth, "", true)).toMatchObject({ ok: false, problem: "not-a-number" });
    expect(checkMeasurement(petalWidth, "", false)).toMatchObject({ ok: false, problem: "empty" });
  });

  it("yields the four values only when every field is valid", () => {
    const checks = FEATURES.map((f, i) => checkMeasurement(f, ["5.1", "3.5", "1.4", "0.2"][i]!));
    expect(measurementsIfValid(checks)).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(measurementsIfValid([...checks.slice(0, 3), checkMeasurement(petalWidth, "0")])).toBeNull();
    expect(measurementsIfValid(checks.slice(0, 3))).toBeNull();
  });
});

describe("logit validation", () => {
  it("accepts any finite number, negative ones included", () => {
    expect(checkLogit("Dog", "-1.5")).toEqual({ ok: true, value: -1.5 });
    expect(checkLogit("Dog", "0")).toEqual({ ok: true, value: 0 });
  });

  it("names the class in its messages", () => {
    expect(checkLogit("Cat", "")).toEqual({ ok: false, message: "Enter a logit for Cat." });
    expect(checkLogit("Cat", "four")).toEqual({
      ok: false,
      message: "The logit for Cat must be a number, such as -1.5 or 8.",
    });
    expect(checkLogit("Cat", "", true)).toMatchObject({ ok: false });
    expect(checkLogit("Cat", "1e999")).toMatchObject({ ok: false });
  });
});
