import { expect, test } from "vitest";
import { TurnPrompt } from "../../src/ui/turn-prompt.ts";
import { uncertainReading as uncertain, type Reading } from "../fixtures/uncertain-reading.ts";

function elements() {
  const box = document.createElement("div");
  const text = document.createElement("p");
  const turn = document.createElement("button");
  box.append(text, turn);
  document.body.append(box);
  return { box, text, turn };
}

test("asks only when the orientation is uncertain, and one tap hands over the turned reading", () => {
  const el = elements();
  const taken: Reading[] = [];
  const prompt = new TurnPrompt(el, (read) => {
    taken.push(read);
    prompt.show(read);
  });
  prompt.show({ ...uncertain, otherTurn: undefined });
  expect(el.box.hidden).toBe(true);
  prompt.show(uncertain);
  expect(el.box.hidden).toBe(false);
  expect(el.text.textContent).toBe("Is the photo upright? Its digits read almost as well upside down.");
  el.turn.click();
  expect(taken.map((r) => [r.rotation, r.cells[0]!.digit])).toEqual([[2, 9]]);
  // Still asked, the other way round: a second tap turns it back.
  expect(el.box.hidden).toBe(false);
  el.turn.click();
  expect(taken.map((r) => r.rotation)).toEqual([2, 0]);
  prompt.show(null);
  expect(el.box.hidden).toBe(true);
});
