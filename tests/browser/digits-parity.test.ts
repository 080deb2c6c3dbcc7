import { describe, expect, test } from "vitest";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { parityCells } from "../fixtures/digits-parity.ts";

// The worker runs prepareCell in the browser; the model was trained on its output in Node.
describe("prepareCell in Chromium", () => {
  test.each(parityCells())("gives Node's exact output for a synthetic $label", (fixture) => {
    expect(typeof window).toBe("object");
    const prepared = prepareCell(fixture.cell);
    expect(prepared.empty).toBe(fixture.empty);
    expect(prepared.inkFraction).toBe(fixture.inkFraction);
    expect(Array.from(prepared.input)).toEqual(Array.from(fixture.input));
  });
});
