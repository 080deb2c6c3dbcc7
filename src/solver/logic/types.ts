/** The contract of the human-style solver: what a step is and what the page and the CLI get from it. */

/** Techniques, simplest first (the order `findNextStep` tries them); a step is always the simplest one available. */
export type Technique =
  | "full house"
  | "naked single"
  | "hidden single"
  | "pointing"
  | "claiming"
  | "naked pair"
  | "hidden pair"
  | "naked triple"
  | "hidden triple"
  | "naked quad"
  | "hidden quad"
  | "x-wing"
  | "skyscraper"
  | "two-string kite"
  | "swordfish"
  | "xy-wing"
  | "xyz-wing"
  | "w-wing"
  | "simple colouring"
  | "unique rectangle type 1"
  | "jellyfish"
  | "x-chain"
  | "xy-chain"
  | "alternating inference chain"
  | "als-xz";

/** A row, column or box, each indexed 0–8 (boxes row-major). */
export interface Unit {
  kind: "row" | "column" | "box";
  index: number;
}

/** A digit in a cell; `cell` is 0–80 row-major. */
export interface CellDigit {
  cell: number;
  digit: number;
}

export interface LogicStep {
  technique: Technique;
  /** Digits this step places (singles place one). */
  placements: CellDigit[];
  /** Candidates this step removes. */
  eliminations: CellDigit[];
  /** Cells whose candidates prove the step, for highlighting (not the cells changed). */
  cells: number[];
  /** Units the reasoning is about, for highlighting. */
  units: Unit[];
  /** One plain-English sentence naming cells like `r3c4`. */
  text: string;
}

export type Difficulty = "Easy" | "Medium" | "Hard" | "Expert" | "Extreme" | "needs guessing";

/**
 * A board as a person holds it: placed digits (givens and entries, 0 = empty) and, for every empty
 * cell, the candidates still allowed, as a 9-bit mask (bit d-1 set = digit d possible).
 */
export interface CandidateBoard {
  values: Uint8Array;
  candidates: Uint16Array;
}

export interface Explanation {
  steps: LogicStep[];
  /** True when the steps reach the full solution without guessing. */
  solvedByLogic: boolean;
  difficulty: Difficulty;
}
