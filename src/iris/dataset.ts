import { isSpecies, SPECIES, type Measurements, type Species } from "./contract.ts";
import { shuffled } from "../shared/random.ts";

export interface IrisSample {
  /** 1-based row number in iris.csv (header excluded), as in the UCI numbering. */
  readonly row: number;
  readonly x: Measurements;
  readonly species: Species;
}

/** Parses `sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species` rows. */
export function parseIrisCsv(text: string): IrisSample[] {
  const [, ...lines] = text.trim().split(/\r?\n/);
  return lines.map((line, i) => {
    const cells = line.split(",");
    const [a, b, c, d] = cells.slice(0, 4).map(Number);
    const species = cells[4] ?? "";
    if (cells.length !== 5 || ![a, b, c, d].every((v) => Number.isFinite(v)) || !isSpecies(species)) {
      throw new Error(`iris.csv line ${i + 2} is malformed: "${line}".`);
    }
    return { row: i + 1, x: [a!, b!, c!, d!], species };
  });
}

/**
 * Shuffles each species separately and holds out the same fraction of each, so train and test keep
 * the 1:1:1 class balance of the full data.
 */
export function stratifiedSplit(
  samples: readonly IrisSample[],
  testFraction: number,
  random: () => number,
): { train: IrisSample[]; test: IrisSample[] } {
  const train: IrisSample[] = [];
  const test: IrisSample[] = [];
  for (const species of SPECIES) {
    const ofSpecies = shuffled(
      samples.filter((s) => s.species === species),
      random,
    );
    const testCount = Math.round(ofSpecies.length * testFraction);
    test.push(...ofSpecies.slice(0, testCount));
    train.push(...ofSpecies.slice(testCount));
  }
  return { train, test };
}

/** k folds with each species dealt round-robin after a seeded shuffle, so every fold keeps the class balance. */
export function stratifiedFolds(
  samples: readonly IrisSample[],
  k: number,
  random: () => number,
): IrisSample[][] {
  const folds: IrisSample[][] = Array.from({ length: k }, () => []);
  for (const species of SPECIES) {
    const ofSpecies = shuffled(
      samples.filter((s) => s.species === species),
      random,
    );
    ofSpecies.forEach((s, i) => folds[i % k]!.push(s));
  }
  return folds;
}
