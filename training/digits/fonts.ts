import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";

/** Families rendered for training: sans, serif, slab, condensed and monospace faces like newspapers print. */
export const FONT_FAMILIES = [
  "roboto",
  "open-sans",
  "lato",
  "noto-serif",
  "pt-serif",
  "libre-baskerville",
  "roboto-slab",
  "oswald",
  "source-sans-3",
  "ibm-plex-mono",
  "merriweather",
  "archivo-narrow",
  "arimo",
  "tinos",
  "cousine",
  "courier-prime",
  "montserrat",
  "playfair-display",
] as const;

/** Hairline weights print too faintly to be sudoku digits. */
const MIN_WEIGHT = 300;

export interface FontFace {
  /** Canvas font-family alias, e.g. "roboto-700". */
  alias: string;
  family: string;
  weight: number;
}

let registered: FontFace[] | undefined;

/** Registers every upright latin .woff2 weight of FONT_FAMILIES with the Node canvas, once. */
export function registerFonts(): FontFace[] {
  return (registered ??= registerFamilies(FONT_FAMILIES, MIN_WEIGHT));
}

/** Registers the upright latin .woff2 weights (from `minWeight`) of Fontsource families. */
export function registerFamilies(families: readonly string[], minWeight: number): FontFace[] {
  const require = createRequire(import.meta.url);
  const faces: FontFace[] = [];
  for (const family of families) {
    const dir = join(dirname(require.resolve(`@fontsource/${family}/package.json`)), "files");
    const pattern = new RegExp(`^${family}-latin-(\\d+)-normal\\.woff2$`);
    for (const file of readdirSync(dir).sort()) {
      const weight = Number(pattern.exec(file)?.[1] ?? NaN);
      if (!(weight >= minWeight)) continue;
      const alias = `${family}-${weight}`;
      if (!GlobalFonts.registerFromPath(join(dir, file), alias)) throw new Error(`Cannot register ${file}`);
      faces.push({ alias, family, weight });
    }
  }
  return faces;
}
