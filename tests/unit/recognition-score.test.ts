import { expect, test } from "vitest";
import { summarise } from "../../bench/recognition-score.ts";

const label = "1".repeat(27) + "0".repeat(54);

test("summarise: unread grids count as all wrong; digits and empties are scored apart", () => {
  const oneDigitWrong = "2" + label.slice(1);
  const oneEmptyWrong = label.slice(0, 80) + "5";
  const summary = summarise([
    { label, read: label, ms: 100 },
    { label, read: oneDigitWrong, ms: 300 },
    { label, read: oneEmptyWrong, ms: 200 },
    { label, read: undefined, ms: 50 },
  ]);
  expect(summary).toEqual({
    images: 4,
    gridsFound: 0.75,
    cellAccuracy: Math.round(((81 * 3 - 2) / (81 * 4)) * 10000) / 10000,
    digitAccuracy: Math.round(((27 * 3 - 1) / (27 * 4)) * 10000) / 10000,
    emptyAccuracy: Math.round(((54 * 3 - 1) / (54 * 4)) * 10000) / 10000,
    gridAccuracy: 0.25,
    misreadsFlagged: 0,
    rightFlagged: 0,
    gridAccuracyAfterRepair: 0.25,
    medianMs: 150,
  });
});

test("summarise: doubtful misreads count as flagged; an accepted repair that restores the label counts", () => {
  const twoWrong = "2" + label.slice(1, 80) + "5";
  const doubtful = Array.from({ length: 81 }, (_, i) => i === 0);
  const summary = summarise([
    { label, read: twoWrong, ms: 1, doubtful, repaired: label },
    { label, read: twoWrong, ms: 1, doubtful, repaired: twoWrong },
    { label, read: label, ms: 1, doubtful },
  ]);
  expect(summary.misreadsFlagged).toBe(0.5);
  // Cell 0 is flagged in all three reads but right only in the last: 1 of 79 + 79 + 81 right cells.
  expect(summary.rightFlagged).toBe(Math.round((1 / (79 + 79 + 81)) * 10000) / 10000);
  expect(summary.gridAccuracy).toBe(Math.round((1 / 3) * 10000) / 10000);
  expect(summary.gridAccuracyAfterRepair).toBe(Math.round((2 / 3) * 10000) / 10000);
});
