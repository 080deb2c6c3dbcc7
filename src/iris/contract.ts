/**
 * The contract shared by training (Node) and the page: class order and feature order.
 * The model's output index i is SPECIES[i]; its input column j is FEATURES[j].
 */
export const SPECIES = ["setosa", "versicolor", "virginica"] as const;
export type Species = (typeof SPECIES)[number];

export const FEATURES = [
  { key: "sepalLength", label: "Sepal length", unit: "cm" },
  { key: "sepalWidth", label: "Sepal width", unit: "cm" },
  { key: "petalLength", label: "Petal length", unit: "cm" },
  { key: "petalWidth", label: "Petal width", unit: "cm" },
] as const;
export type Feature = (typeof FEATURES)[number];
export type FeatureKey = Feature["key"];

/** Four measurements in FEATURES order, in centimetres. */
export type Measurements = readonly [number, number, number, number];

export function speciesDisplayName(species: Species): string {
  return `Iris ${species}`;
}

export function isSpecies(name: string): name is Species {
  return (SPECIES as readonly string[]).includes(name);
}

/** Name of the dense layer whose outputs are the logits (the softmax is a separate layer after it). */
export const LOGITS_LAYER = "logits";
