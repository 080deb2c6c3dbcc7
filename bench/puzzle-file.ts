import { readFileSync } from "node:fs";

/** Lines of a puzzle file (`-` = stdin), without the empty piece after a final line break. */
export function readPuzzleLines(file: string): string[] {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const lines = text.split("\n");
  if (lines.at(-1)?.trim() === "") lines.pop();
  return lines;
}
