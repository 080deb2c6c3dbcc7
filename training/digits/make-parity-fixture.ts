/**
 * Writes tests/fixtures/digits-parity.json: a few synthetic cells and what `prepareCell` makes
 * of them in Node. The node and browser parity tests hold both runtimes to this output, so
 * the app's preprocessing (browser worker) is the training preprocessing (Node) bit for bit.
 * Regenerate only when preprocessing changes on purpose: `npx tsx training/digits/make-parity-fixture.ts`.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { registerFonts } from "./fonts.ts";
import { createCellRenderer } from "./render-cell.ts";
import { createRng } from "./rng.ts";

const render = createCellRenderer(registerFonts());
const rng = createRng(2024);
const cells = [7, 0, 3, 9, 1].map((label) => {
  const cell = render(rng, label);
  const prepared = prepareCell(cell);
  return {
    label,
    width: cell.width,
    height: cell.height,
    gray: Buffer.from(cell.data).toString("base64"),
    input: Buffer.from(prepared.input.buffer).toString("base64"),
    inkFraction: prepared.inkFraction,
    empty: prepared.empty,
  };
});
writeFileSync(
  resolve(import.meta.dirname, "../../tests/fixtures/digits-parity.json"),
  JSON.stringify({ cells }, null, 1) + "\n",
);
