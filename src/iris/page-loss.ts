import { SPECIES, speciesDisplayName } from "./contract.ts";
import { formatNumber, formatProbability } from "./format.ts";
import { el, setText } from "./page-dom.ts";
import type { IrisPrediction } from "./predict.ts";
import { crossEntropyFromLogits } from "./softmax.ts";

/** One row per species: the loss this prediction would incur if that species were the true one. */
export function createLossView() {
  const rows = SPECIES.map((species) => {
    const probability = el("span", { class: "num" });
    const loss = el("strong", { class: "num" });
    const item = el(
      "li",
      {},
      "If the true species were ",
      el("em", {}, speciesDisplayName(species)),
      `, the loss would be −ln p(${species}) = −ln `,
      probability,
      " = ",
      loss,
    );
    return { item, probability, loss };
  });
  const list = el("ul", { class: "loss-rows" }, ...rows.map((r) => r.item));
  const note = el("p", { class: "muted" });

  return {
    root: el("div", {}, list, note),
    show(prediction: IrisPrediction) {
      list.hidden = false;
      note.hidden = true;
      for (const [i, r] of rows.entries()) {
        setText(r.probability, formatProbability(prediction.probabilities[i] ?? 0));
        // From the logits (log-sum-exp), exact even when p prints as 0.
        setText(r.loss, formatNumber(crossEntropyFromLogits(prediction.logits, i)));
      }
    },
    showMessage(message: string) {
      list.hidden = true;
      note.hidden = false;
      setText(note, message);
    },
  };
}
