import { expect, test } from "vitest";
import { turnDescription, turnedReading } from "../../src/ui/turn-prompt.ts";
import { uncertainReading as read } from "../fixtures/uncertain-reading.ts";

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
