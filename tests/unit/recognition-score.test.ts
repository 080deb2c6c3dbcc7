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
    medianMs: 150,
  });
});
