import type { CheckAnswer, HintAnswer, PuzzleProblem, Rating, Stopped } from "../solver/hint.ts";
import type { CellDigit, LogicStep, Technique } from "../solver/logic/types.ts";
import { cellLabel } from "./board.ts";

type Named = [article: "a" | "an", name: string];

/** Technique names as people write them, with the article a sentence needs (others are used as they are). */
const NAMES: Partial<Record<Technique, Named>> = {
  "full house": ["a", "full house"],
  "naked single": ["a", "naked single"],
  "hidden single": ["a", "hidden single"],
  pointing: ["a", "pointing pair or triple"],
  claiming: ["a", "claiming pair or triple"],
  "naked pair": ["a", "naked pair"],
  "naked triple": ["a", "naked triple"],
  "naked quad": ["a", "naked quad"],
  "hidden pair": ["a", "hidden pair"],
  "hidden triple": ["a", "hidden triple"],
  "hidden quad": ["a", "hidden quad"],
  "x-wing": ["an", "X-wing"],
  swordfish: ["a", "swordfish"],
  jellyfish: ["a", "jellyfish"],
  skyscraper: ["a", "skyscraper"],
  "two-string kite": ["a", "two-string kite"],
  "xy-wing": ["an", "XY-wing"],
  "xyz-wing": ["an", "XYZ-wing"],
  "w-wing": ["a", "W-wing"],
  "simple colouring": ["a", "simple colouring"],
  "unique rectangle type 1": ["a", "unique rectangle (type 1)"],
  "x-chain": ["an", "X-chain"],
  "xy-chain": ["an", "XY-chain"],
  "alternating inference chain": ["an", "alternating inference chain"],
  "als-xz": ["an", "ALS-XZ"],
};

function named(technique: Technique): Named {
  return NAMES[technique] ?? [/^[aeio]/.test(technique) ? "an" : "a", technique];
}

export const techniqueName = (technique: Technique): string => named(technique)[1];

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cellList(cells: readonly number[]): string {
  return cells.map(cellLabel).join(", ");
}

/** "Difficulty: Hard (needs an X-wing)", or "" when the grid has no single solution to rate. */
export function difficultyMessage(rating: Rating | Stopped): string {
  if (rating.kind !== "rated") return "";
  if (rating.difficulty === "needs guessing")
    return "Difficulty: needs guessing (beyond the techniques built in)";
  if (rating.hardest === null || rating.difficulty === "Easy")
    return `Difficulty: ${rating.difficulty} (singles only)`;
  const [article, name] = named(rating.hardest);
  return `Difficulty: ${rating.difficulty} (needs ${article} ${name})`;
}

/** Why no hint or check can be given for this grid. */
export function problemMessage(problem: PuzzleProblem | Stopped): string {
  switch (problem.kind) {
    case "empty":
      return "There is no puzzle yet: type or paste one, or give a photo.";
    case "conflict":
      return `The grid has a conflict (${cellList(problem.cells)}): fix it first.`;
    case "unsolvable":
      return "The clues have no solution: check them against the printed puzzle first.";
    case "several":
      return "The clues have more than one solution, so there is no single next step: add or correct clues.";
    case "timed-out":
      return "This puzzle took too long to solve: check the clues.";
    case "cancelled":
      return "";
  }
}

function stepAction(step: LogicStep): string {
  const places = step.placements.map((p) => `place ${p.digit} in ${cellLabel(p.cell)}`);
  if (places.length > 0) return places.join(" and ");
  const n = step.eliminations.length;
  return `remove ${n === 1 ? "this candidate" : `these ${n} candidates`}`;
}

/** The first press: what the hint is, why, and what a second press does. */
export function hintMessage(answer: HintAnswer | Stopped): string {
  switch (answer.kind) {
    case "step":
      return `${capitalised(techniqueName(answer.step.technique))}: ${answer.step.text} Press Hint again to ${stepAction(answer.step)}.`;
    case "wrong-entries": {
      const one = answer.cells.length === 1;
      return `${cellList(answer.cells)} ${one ? "does" : "do"} not match the solution (highlighted). Press Hint again to erase ${one ? "it" : "them"}.`;
    }
    case "stuck":
      return `No technique built in here finds the next step: it needs trial and error. Press Hint again to place the solution's digit in ${cellLabel(answer.reveal.cell)}.`;
    case "solved":
      return "The grid is complete and right. Well done!";
    default:
      return problemMessage(answer);
  }
}

function placedList(placements: readonly CellDigit[]): string {
  return placements.map((p) => `${p.digit} in ${cellLabel(p.cell)}`).join(", ");
}

/** The second press: what was changed. */
export function appliedMessage(answer: HintAnswer): string {
  switch (answer.kind) {
    case "step": {
      const { placements, eliminations } = answer.step;
      if (placements.length > 0) return `Placed ${placedList(placements)}.`;
      const removed = eliminations.map((e) => `${e.digit} from ${cellLabel(e.cell)}`).join(", ");
      return `Removed ${removed}.`;
    }
    case "wrong-entries":
      return `Erased ${cellList(answer.cells)}.`;
    case "stuck":
      return `Placed ${placedList([answer.reveal])} (from the solution).`;
    default:
      return "";
  }
}

/** "Check my grid": which entries contradict the solution, and nothing else about it. */
export function checkMessage(answer: CheckAnswer | Stopped): string {
  if (answer.kind !== "checked") return problemMessage(answer);
  const { wrong, entries } = answer;
  if (entries === 0) return "You have no entries to check yet.";
  if (wrong.length === 0) return `No mistakes: all ${entries} of your entries fit the solution.`;
  const one = wrong.length === 1;
  return `${one ? "One entry contradicts" : `${wrong.length} entries contradict`} the solution: ${cellList(wrong)} (marked ✗).`;
}
