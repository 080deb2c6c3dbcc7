import { el } from "./page-dom.ts";

/** A labelled number input with its own inline error message. */
export interface NumberField {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows `message` next to the input and marks it invalid; null clears both. */
  showError(message: string | null): void;
}

export interface NumberFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly unit?: string;
  readonly value: string;
  readonly min?: string;
  readonly max?: string;
  readonly step: string;
}

export function createNumberField(o: NumberFieldOptions): NumberField {
  const errorId = `${o.id}-error`;
  const input = el("input", {
    id: o.id,
    name: o.id,
    type: "number",
    inputmode: "decimal",
    autocomplete: "off",
    step: o.step,
    ...(o.min === undefined ? {} : { min: o.min }),
    ...(o.max === undefined ? {} : { max: o.max }),
  });
  input.value = o.value;
  const label = el("label", { for: o.id }, o.label);
  if (o.unit) label.append(" ", el("span", { class: "unit" }, `(${o.unit})`));
  const error = el("p", { id: errorId, class: "field-error" });
  error.hidden = true;
  return {
    root: el("div", { class: "field" }, label, input, error),
    input,
    showError(message) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      if (message === null) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      } else {
        input.setAttribute("aria-invalid", "true");
        // Only while invalid: a hidden description would still be read out by some screen readers.
        input.setAttribute("aria-describedby", errorId);
      }
    },
  };
}
