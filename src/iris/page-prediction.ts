import { SPECIES, speciesDisplayName } from "./contract.ts";
import { formatNumber, formatPercent } from "./format.ts";
import { el, setText } from "./page-dom.ts";
import type { IrisPrediction } from "./predict.ts";

/**
 * The verdict (a polite live region naming the species in words) and a table of per-class logits and
 * probabilities, each probability as a labelled meter plus its percentage.
 */
export function createPredictionView() {
  const verdict = el("p", { class: "verdict", "aria-live": "polite", id: "verdict" });
  const caution = el("div", { class: "caution", "aria-live": "polite" });
  const rows = SPECIES.map((species) => {
    const headerId = `probability-${species}`;
    const fill = el("span", { class: "bar-fill" });
    const meter = el(
      "span",
      {
        class: "bar",
        role: "meter",
        "aria-valuemin": "0",
        "aria-valuemax": "100",
        "aria-labelledby": headerId,
      },
      fill,
    );
    const percent = el("span", { class: "percent" });
    const logit = el("td", { class: "num" });
    const row = el(
      "tr",
      {},
      el("th", { scope: "row", id: headerId }, speciesDisplayName(species)),
      logit,
      el("td", {}, el("span", { class: "bar-cell" }, meter, percent)),
    );
    return { species, row, meter, fill, percent, logit };
  });
  const table = el(
    "table",
    { class: "probabilities" },
    el("caption", {}, "Model output per species"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Species"),
        el("th", { scope: "col", class: "num" }, "Logit z"),
        el("th", { scope: "col" }, "Probability p = softmax(z)"),
      ),
    ),
    el("tbody", {}, ...rows.map((r) => r.row)),
  );

  return {
    root: el("div", { class: "prediction" }, verdict, caution, el("div", { class: "table-scroll" }, table)),
    /** `notes`: cautions to show under the verdict, e.g. inputs outside the training data. */
    show(prediction: IrisPrediction, notes: readonly string[]) {
      if (caution.textContent !== notes.join(""))
        caution.replaceChildren(...notes.map((n) => el("p", {}, n)));
      const p = prediction.probabilities[SPECIES.indexOf(prediction.species)] ?? 0;
      setText(verdict, `${speciesDisplayName(prediction.species)} (${formatPercent(p)} probability)`);
      verdict.classList.remove("is-message");
      table.hidden = false;
      for (const [i, r] of rows.entries()) {
        const pi = prediction.probabilities[i] ?? 0;
        r.fill.style.width = `${(100 * pi).toFixed(2)}%`;
        r.meter.setAttribute("aria-valuenow", (100 * pi).toFixed(1));
        r.meter.setAttribute("aria-valuetext", formatPercent(pi));
        setText(r.percent, formatPercent(pi));
        setText(r.logit, formatNumber(prediction.logits[i] ?? NaN));
        r.row.classList.toggle("is-top", r.species === prediction.species);
      }
    },
    /** No prediction to show (loading, invalid input, load failure): say why, hide the stale numbers. */
    showMessage(message: string) {
      setText(verdict, message);
      caution.replaceChildren();
      verdict.classList.add("is-message");
      table.hidden = true;
    },
  };
}
