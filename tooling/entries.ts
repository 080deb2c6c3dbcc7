import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The handwritten digits of a `gen:photos --filled` folder (`entries.json`: file → 81 digits, `0` where
 * nothing is written), or undefined for a folder without them. A malformed line is an error, not a guess.
 */
export async function readEntries(dir: string): Promise<Record<string, string> | undefined> {
  const path = join(dir, "entries.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  for (const [file, digits] of Object.entries(parsed)) {
    if (typeof digits !== "string" || !/^[0-9]{81}$/.test(digits))
      throw new Error(`${path}: ${file} is not 81 digits`);
  }
  return parsed as Record<string, string>;
}
