import type { Difficulty, LogicStep, Technique } from "./types.ts";

/** Levels 0-4 = Easy … Extreme. */
const LEVEL: Record<Technique, number> = {
  "full house": 0,
  "naked single": 0,
  "hidden single": 0,
  pointing: 1,
  claiming: 1,
  "naked pair": 1,
  "hidden pair": 1,
  "naked triple": 1,
  "hidden triple": 1,
  "naked quad": 2,
  "hidden quad": 2,
  "x-wing": 2,
  skyscraper: 2,
  "two-string kite": 2,
  swordfish: 2,
  "xy-wing": 2,
  "xyz-wing": 2,
  "w-wing": 3,
  "simple colouring": 3,
  "unique rectangle type 1": 3,
  jellyfish: 3,
  "x-chain": 3,
  "xy-chain": 4,
  "alternating inference chain": 4,
  "als-xz": 4,
};

const NAMES: readonly Difficulty[] = ["Easy", "Medium", "Hard", "Expert", "Extreme"];

/** Steps at the top level (Hard or above) that make a puzzle feel one level harder. */
const MANY = 3;

export const techniqueLevel = (technique: Technique): Difficulty => NAMES[LEVEL[technique]]!;

/**
 * The level of the hardest technique used, one level up (to at most Extreme) when that level is needed
 * `MANY` times or more from Hard upward; "needs guessing" when logic alone did not finish.
 */
export function rateDifficulty(steps: readonly LogicStep[], solvedByLogic: boolean): Difficulty {
  if (!solvedByLogic) return "needs guessing";
  let top = 0;
  let count = 0;
  for (const step of steps) {
    const level = LEVEL[step.technique];
    if (level > top) {
      top = level;
      count = 0;
    }
    if (level === top) count++;
  }
  const bump = top >= 2 && count >= MANY ? 1 : 0;
  return NAMES[Math.min(top + bump, NAMES.length - 1)]!;
}
