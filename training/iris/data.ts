import { readFileSync } from "node:fs";
import { parseIrisCsv, type IrisSample } from "../../src/iris/dataset.ts";

export const IRIS_CSV = new URL("./iris.csv", import.meta.url);

/** The shipped data set (training/iris/iris.csv), read in Node. */
export function readIrisCsv(path: URL | string = IRIS_CSV): IrisSample[] {
  return parseIrisCsv(readFileSync(path, "utf8"));
}
