import { formatNumber } from "./format.ts";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 600, height: 220, left: 48, right: 12, top: 12, bottom: 36 } as const;

/** An SVG line chart of the loss per epoch; its accessible name summarises the curve in words. */
export function createLossChart(epochs: number) {
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${CHART.width} ${CHART.height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("class", "loss-chart");
  const line = svgEl("polyline", { class: "loss-line", points: "" });
  const yMax = svgEl("text", { x: String(CHART.left - 6), y: String(CHART.top + 10), "text-anchor": "end" });
  svg.append(
    svgEl("line", { class: "axis", x1: CHART.left, y1: CHART.top, x2: CHART.left, y2: CHART.top + plotH }),
    svgEl("line", {
      class: "axis",
      x1: CHART.left,
      y1: CHART.top + plotH,
      x2: CHART.left + plotW,
      y2: CHART.top + plotH,
    }),
    yMax,
    svgEl("text", { x: String(CHART.left - 6), y: String(CHART.top + plotH), "text-anchor": "end" }, "0"),
    svgEl("text", { x: String(CHART.left), y: String(CHART.height - 8) }, "epoch 1"),
    svgEl(
      "text",
      { x: String(CHART.left + plotW), y: String(CHART.height - 8), "text-anchor": "end" },
      `${epochs}`,
    ),
    svgEl(
      "text",
      { x: String(CHART.left + plotW / 2), y: String(CHART.height - 8), "text-anchor": "middle" },
      "training loss per epoch",
    ),
    line,
  );
  const reset = () => {
    line.setAttribute("points", "");
    yMax.textContent = "";
    svg.setAttribute("aria-label", "Training loss per epoch: not trained yet.");
  };
  reset();
  return {
    root: svg,
    reset,
    draw(losses: readonly number[]) {
      const top = Math.max(...losses);
      const x = (i: number) => CHART.left + (epochs > 1 ? (i / (epochs - 1)) * plotW : 0);
      const y = (loss: number) => CHART.top + plotH - (top > 0 ? (loss / top) * plotH : 0);
      line.setAttribute("points", losses.map((l, i) => `${x(i).toFixed(1)},${y(l).toFixed(1)}`).join(" "));
      yMax.textContent = top.toFixed(2);
      svg.setAttribute(
        "aria-label",
        `Training loss per epoch: ${losses.length} epochs, from ${formatNumber(losses[0] ?? NaN)} ` +
          `to ${formatNumber(losses.at(-1) ?? NaN)}.`,
      );
    },
  };
}

function svgEl(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}
