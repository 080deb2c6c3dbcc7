import { expect, test } from "vitest";
import { DOUBT_THRESHOLD, isHandwritten } from "../../src/shared/reading.ts";
import { readGeneratedPhoto, useShippedClassifier } from "../fixtures/node-reader.ts";

const classifier = useShippedClassifier();

/**
 * Generated half-filled photos (see tests/fixtures/README.md) whose handwritten digit in `cell` takes one
 * rule of the reader to be read as the user's entry.
 */
const cases = [
  {
    // r5c7 holds a handwritten 5 about 0.35 of the cell tall and 0.55 wide: short of the print, centred where
    // a pencilled 5 would sit, but wider than one.
    title: "a 5 written short and wide in the middle of its cell",
    folder: "wide-five",
    file: "s9002-0072.jpg",
    cell: 4 * 9 + 6,
    digit: 5,
  },
  {
    // A 320×240 photo: r3c5's first read, a printed 1, leaves the givens without a solution, and only the
    // sharper read sees the handwritten 8.
    title: "a blurred pen 8 first read as a doubtful printed 1, once sharpened,",
    folder: "sharper-entry",
    file: "s9002-0220.jpg",
    cell: 2 * 9 + 4,
    digit: 8,
  },
  {
    // A 320×240 photo: at the first look's ink bar r6c6's strokes merge into a blob the CNN reads as empty;
    // a tighter look reads the 3 the givens' solution has there.
    title: "a bold red pen 3",
    folder: "bold-entry",
    file: "s9003-0028.jpg",
    cell: 5 * 9 + 5,
    digit: 3,
  },
  {
    // A 640×480 photo: the dark side of a shadow's edge joins r2c9's 7 into one blob of ink; a step-free look
    // reads the 7 the givens' solution has there.
    title: "a bold 7 crossed by a shadow's edge",
    folder: "bold-entry",
    file: "s9003-0276.jpg",
    cell: 1 * 9 + 8,
    digit: 7,
  },
];

test.each(cases)("$title is read as the user's entry, doubtful", async ({ folder, file, cell, digit }) => {
  const { cells, givens, labelledGivens, labelledEntries } = await readGeneratedPhoto(
    folder,
    file,
    classifier(),
  );
  expect(labelledEntries[cell]).toBe(String(digit));
  expect(cells[cell]!.digit).toBe(digit);
  expect(isHandwritten(cells[cell]!)).toBe(true);
  expect(cells[cell]!.confidence).toBeLessThan(DOUBT_THRESHOLD);
  expect(givens).toBe(labelledGivens);
});
