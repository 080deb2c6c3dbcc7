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
    gridAccuracyInKind: 0.25,
    misreadsFlagged: 0,
    rightFlagged: 0,
    gridAccuracyAfterRepair: 0.25,
    medianMs: 150,
    printedAsEntries: 0,
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

const r = (x: number) => Math.round(x * 10000) / 10000;
const at = (cells: readonly number[]) => Array.from({ length: 81 }, (_, i) => cells.includes(i));
/** Printed 1s in the first three rows; handwritten 2s in r4c1 and r4c2, the rest blank. */
const written = "0".repeat(27) + "22" + "0".repeat(52);
const both = label.slice(0, 27) + "22" + label.slice(29);

test("summarise without entries.json: no entry figures; printed digits read as entries are counted", () => {
  const summary = summarise([{ label, read: label, ms: 1, handwritten: at([0, 1, 40]) }]);
  expect(summary.printedAsEntries).toBe(2);
  // Every digit is right, but two printed ones show as the player's entries.
  expect(summary.gridAccuracy).toBe(1);
  expect(summary.gridAccuracyInKind).toBe(0);
  expect(summary).not.toHaveProperty("givenGridAccuracy");
  expect(summary).not.toHaveProperty("entryRecall");
  expect(summary).not.toHaveProperty("phantomGivens");
  expect(summary).not.toHaveProperty("phantomEntries");
});

test("summarise with entries: digits are scored against givens and entries, the kind of ink apart", () => {
  const summary = summarise([
    // Everything right.
    { label, entries: written, read: both, ms: 1, handwritten: at([27, 28]) },
    // Both entries read as givens: the digits are right, the givens are not.
    { label, entries: written, read: both, ms: 1, handwritten: at([]) },
    // One entry found but read as a 7, the other missed (read empty), a printed 1 taken for an entry.
    {
      label,
      entries: written,
      read: label.slice(0, 27) + "70" + label.slice(29),
      ms: 1,
      handwritten: at([0, 27]),
    },
    // No grid.
    { label, entries: written, read: undefined, ms: 1 },
  ]);
  expect(summary.gridAccuracy).toBe(0.5);
  // The second photo's entries read as givens: right digits of the wrong kind.
  expect(summary.gridAccuracyInKind).toBe(0.25);
  expect(summary.cellAccuracy).toBe(r((81 + 81 + 79) / (81 * 4)));
  expect(summary.digitAccuracy).toBe(r((29 + 29 + 27) / (29 * 4)));
  expect(summary.givenGridAccuracy).toBe(0.25);
  expect(summary.entryRecall).toBe(r(3 / 8));
  expect(summary.entryDigitAccuracy).toBe(r(2 / 3));
  expect(summary.phantomGivens).toBe(2);
  expect(summary.phantomEntries).toBe(0);
  expect(summary.printedAsEntries).toBe(1);
});

test("summarise with entries: a digit read in a blank or pencilled cell is a phantom given, or a phantom entry", () => {
  const phantom = both.slice(0, 80) + "4";
  const summary = summarise([{ label, entries: written, read: phantom, ms: 1, handwritten: at([27, 28]) }]);
  expect(summary.phantomGivens).toBe(1);
  expect(summary.givenGridAccuracy).toBe(0);
  expect(summary.entryRecall).toBe(1);
  // Read as an entry, the same stray digit is no given (but still a wrong digit).
  const asEntry = summarise([
    { label, entries: written, read: phantom, ms: 1, handwritten: at([27, 28, 80]) },
  ]);
  expect(asEntry.phantomGivens).toBe(0);
  expect(asEntry.phantomEntries).toBe(1);
  expect(asEntry.givenGridAccuracy).toBe(1);
  expect(asEntry.gridAccuracy).toBe(0);
  expect(summary.phantomEntries).toBe(0);
});

test("summarise by photo size: each class of short side gets its own figures, only the classes present", () => {
  const oneWrong = "2" + label.slice(1);
  const summary = summarise([
    { label, read: oneWrong, ms: 1, shortSide: 240 },
    { label, read: undefined, ms: 1, shortSide: 399 },
    { label, read: label, ms: 1, shortSide: 400 },
    { label, read: label, ms: 1, shortSide: 2448 },
  ]);
  expect(summary.byShortSide).toEqual({
    "< 400 px": { images: 2, gridsFound: 0.5, gridAccuracy: 0 },
    "400-799 px": { images: 1, gridsFound: 1, gridAccuracy: 1 },
    ">= 1500 px": { images: 1, gridsFound: 1, gridAccuracy: 1 },
  });
  expect(summary.gridAccuracy).toBe(0.5);
});

test("summarise by photo size with entries: a class's givens are scored apart from its entries", () => {
  const entryAsGiven = { label, read: both, ms: 1, entries: written, handwritten: at([]), shortSide: 300 };
  const entryAsEntry = {
    label,
    read: both,
    ms: 1,
    entries: written,
    handwritten: at([27, 28]),
    shortSide: 900,
  };
  const summary = summarise([entryAsGiven, entryAsEntry]);
  expect(summary.byShortSide).toEqual({
    "< 400 px": { images: 1, gridsFound: 1, gridAccuracy: 1, givenGridAccuracy: 0 },
    "800-1499 px": { images: 1, gridsFound: 1, gridAccuracy: 1, givenGridAccuracy: 1 },
  });
});

test("summarise without photo sizes: no size classes", () => {
  expect(summarise([{ label, read: label, ms: 1 }])).not.toHaveProperty("byShortSide");
});

test("summarise with entry sources: real people's digits (MNIST) and fonts get their entry figures apart", () => {
  // r4c1 written by a person, r4c2 in a font.
  const entrySources = ".".repeat(27) + "mf" + ".".repeat(52);
  const summary = summarise([
    // The person's 2 read as a 7, the font's 2 right.
    {
      label,
      entries: written,
      read: both.slice(0, 27) + "72" + both.slice(29),
      ms: 1,
      handwritten: at([27, 28]),
      entrySources,
    },
    // The person's 2 missed, the font's 2 right.
    {
      label,
      entries: written,
      read: both.slice(0, 27) + "02" + both.slice(29),
      ms: 1,
      handwritten: at([28]),
      entrySources,
    },
  ]);
  expect(summary.entriesBySource).toEqual({
    mnist: { entries: 2, entryRecall: 0.5, entryDigitAccuracy: 0 },
    font: { entries: 2, entryRecall: 1, entryDigitAccuracy: 1 },
  });
  expect(summary.entryRecall).toBe(0.75);
  expect(summarise([{ label, entries: written, read: both, ms: 1 }])).not.toHaveProperty("entriesBySource");
});
