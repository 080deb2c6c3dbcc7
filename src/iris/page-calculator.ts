import { formatMagnitude, formatNumber, formatProbability } from "./format.ts";
import { debounce, el, setText } from "./page-dom.ts";
import { createNumberField } from "./page-field.ts";
import { checkLogit } from "./validate.ts";
import { explainLoss, WORKED_EXAMPLE } from "./worked-example.ts";

/** The slide's worked example as a calculator: edit the logits or the true class, see softmax and the loss. */
export function createLossCalculator() {
  const { classes } = WORKED_EXAMPLE;
  const fields = classes.map((name, i) =>
    createNumberField({
      id: `logit-${name.toLowerCase()}`,
      label: name,
      value: String(WORKED_EXAMPLE.logits[i]),
      step: "any",
    }),
  );
  const select = el(
    "select",
    { id: "true-class" },
    ...classes.map((name) => el("option", { value: name }, name)),
  );
  select.value = WORKED_EXAMPLE.trueClass;

  const rows = classes.map((name) => {
    const cells = { logit: numCell(), exp: numCell(), p: numCell() };
    const label = el("span", { class: "true-tag" }, " (true class)");
    const row = el("tr", {}, el("th", { scope: "row" }, name, label), cells.logit, cells.exp, cells.p);
    return { row, label, ...cells };
  });
  const sum = numCell();
  const table = el(
    "table",
    { class: "softmax-table" },
    el("caption", {}, "Softmax of the logits"),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, "Class"),
        el("th", { scope: "col", class: "num" }, "Logit z"),
        el("th", { scope: "col", class: "num" }, "eᶻ"),
        el("th", { scope: "col", class: "num" }, "p = eᶻ / Σ eᶻ"),
      ),
    ),
    el("tbody", {}, ...rows.map((r) => r.row)),
    el("tfoot", {}, el("tr", {}, el("th", { scope: "row", colspan: "2" }, "Σ eᶻ"), sum, numCell())),
  );
  const overflowNote = el(
    "p",
    { class: "muted" },
    "eᶻ overflows double precision here, yet p is still exact: it is computed as e^(z − max z) / Σ e^(z − max z), " +
      "the log-sum-exp trick.",
  );
  const result = el("output", {
    class: "loss-result",
    for: [...fields.map((f) => f.input.id), select.id].join(" "),
  });

  const update = () => {
    const checks = fields.map((f, i) => {
      const check = checkLogit(classes[i]!, f.input.value, f.input.validity.badInput);
      f.showError(check.ok ? null : check.message);
      return check;
    });
    const logits = checks.flatMap((c) => (c.ok ? [c.value] : []));
    const trueIndex = classes.findIndex((name) => name === select.value);
    rows.forEach((r, i) => (r.label.hidden = i !== trueIndex));
    if (logits.length !== classes.length) {
      for (const r of rows) for (const cell of [r.logit, r.exp, r.p]) setText(cell, "—");
      setText(sum, "—");
      overflowNote.hidden = true;
      setText(result, "Fix the highlighted logit to see the loss.");
      return;
    }
    const { probabilities, loss } = explainLoss(logits, trueIndex);
    const exps = logits.map(Math.exp);
    rows.forEach((r, i) => {
      setText(r.logit, formatNumber(logits[i]!));
      setText(r.exp, formatMagnitude(exps[i]!));
      setText(r.p, formatProbability(probabilities[i]!));
    });
    setText(sum, formatMagnitude(exps.reduce((a, b) => a + b, 0)));
    overflowNote.hidden = exps.every(Number.isFinite);
    const name = classes[trueIndex]!;
    setText(
      result,
      `Loss = −ln p(${name}) = −ln ${formatProbability(probabilities[trueIndex]!)} = ${formatNumber(loss)}`,
    );
  };
  const typed = debounce(update, 150);
  for (const f of fields) f.input.addEventListener("input", typed);
  select.addEventListener("change", typed.flush);
  update();

  return el(
    "div",
    { class: "calculator" },
    el(
      "div",
      { class: "calculator-inputs" },
      el(
        "fieldset",
        {},
        el("legend", {}, "Logits (raw scores) for four classes"),
        el("div", { class: "field-grid" }, ...fields.map((f) => f.root)),
      ),
      el("div", { class: "field" }, el("label", { for: select.id }, "True class"), select),
    ),
    el("div", { class: "table-scroll" }, table),
    overflowNote,
    result,
  );
}

function numCell(): HTMLTableCellElement {
  return el("td", { class: "num" });
}
