import { expect, test } from "vitest";
import type { CellRead, ReadResult } from "../../src/shared/reading.ts";
import { turnDescription, turnedReading } from "../../src/ui/turn-prompt.ts";

const cells = (digit: number): CellRead[] =>
  Array.from({ length: 81 }, () => ({ digit, confidence: 1, candidates: [{ digit, p: 1 }] }));

const read: Extract<ReadResult, { kind: "read" }> = {
  kind: "read",
  corners: [
    { x: 0, y: 0 },
    { x: 9, y: 0 },
    { x: 9, y: 9 },
    { x: 0, y: 9 },
  ],
  rotation: 0,
  cells: cells(6),
  otherTurn: { rotation: 2, cells: cells(9) },
  otherGridsSeen: false,
  timings: [],
};

test("turning takes the runner-up turn's reading, and a second turn goes back", () => {
  const turned = turnedReading(read)!;
  expect(turned.rotation).toBe(2);
  expect(turned.cells[0]!.digit).toBe(9);
  expect(turned.otherTurn).toEqual({ rotation: 0, cells: read.cells });
  expect(turnedReading(turned)).toEqual(read);
});

test("a certain orientation offers no turn", () => {
  expect(turnedReading({ ...read, otherTurn: undefined })).toBeNull();
});

test("the other turn is described relative to the shown one", () => {
  expect(turnDescription(0, 2)).toBe("upside down");
  expect(turnDescription(3, 1)).toBe("upside down");
  expect(turnDescription(0, 1)).toBe("turned 90° clockwise");
  expect(turnDescription(1, 0)).toBe("turned 90° counter-clockwise");
});
