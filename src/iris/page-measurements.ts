import { FEATURES, speciesDisplayName, type Measurements } from "./contract.ts";
import { IRIS_EXAMPLES } from "./examples.ts";
import { debounce, el } from "./page-dom.ts";
import { createNumberField } from "./page-field.ts";
import { checkMeasurement, MAX_PLAUSIBLE_CM, measurementsIfValid } from "./validate.ts";

/** Valid measurements, or the first problem to tell the user (the fields show all of them). */
export type MeasurementState = { kind: "valid"; x: Measurements } | { kind: "invalid"; message: string };

/** The four measurement inputs and the example buttons; reports every change (debounced while typing). */
export function createMeasurementForm(initial: Measurements, onChange: (state: MeasurementState) => void) {
  const fields = FEATURES.map((feature, j) => ({
    feature,
    field: createNumberField({
      id: feature.key,
      label: feature.label,
      unit: feature.unit,
      value: String(initial[j]),
      min: "0.1",
      max: String(MAX_PLAUSIBLE_CM),
      step: "0.1",
    }),
  }));

  const update = debounce(() => {
    const checks = fields.map(({ feature, field }) => {
      const check = checkMeasurement(feature, field.input.value, field.input.validity.badInput);
      field.showError(check.ok ? null : check.message);
      return check;
    });
    const x = measurementsIfValid(checks);
    const firstProblem = checks.find((c) => !c.ok);
    onChange(x ? { kind: "valid", x } : { kind: "invalid", message: firstProblem?.message ?? "" });
  }, 150);

  const examples = IRIS_EXAMPLES.map((example) => {
    const button = el(
      "button",
      { type: "button", class: "example" },
      speciesDisplayName(example.species),
      el("span", { class: "example-values" }, example.x.map((v) => v.toFixed(1)).join(" · ")),
    );
    button.addEventListener("click", () => {
      fields.forEach(({ field }, j) => (field.input.value = String(example.x[j])));
      update.flush();
    });
    return button;
  });

  const form = el(
    "form",
    { class: "measurements", novalidate: "" },
    el(
      "fieldset",
      {},
      el("legend", {}, "Four measurements of one flower, in centimetres"),
      el("div", { class: "field-grid" }, ...fields.map(({ field }) => field.root)),
    ),
    el(
      "div",
      { class: "examples", role: "group", "aria-labelledby": "examples-label" },
      el("p", { id: "examples-label", class: "examples-label" }, "Or fill in a flower from the data:"),
      ...examples,
    ),
  );
  form.addEventListener("input", update);
  // Enter in a field would submit and reload the page; predict at once instead.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update.flush();
  });
  return { root: form };
}
