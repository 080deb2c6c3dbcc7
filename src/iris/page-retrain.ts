import { parseIrisCsv } from "./dataset.ts";
import { formatNumber, formatPercent } from "./format.ts";
import { IRIS_TRAINING, classifyAll, trainIrisRecipe } from "./mlp.ts";
import { el, setText } from "./page-dom.ts";
import { classifierFromModel, loadTf, type IrisClassifier } from "./predict.ts";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 600, height: 220, left: 48, right: 12, top: 12, bottom: 36 } as const;

/**
 * "Train it yourself": reruns the shipped recipe in the page on the cpu backend, drawing the loss per epoch,
 * then hands the new model to `onTrained` so that the predictions above use it.
 */
export function createRetrainPanel(onTrained: (classifier: IrisClassifier) => void) {
  const { epochs } = IRIS_TRAINING;
  const button = el("button", { type: "button", class: "primary" }, "Train in the browser");
  const progress = el("progress", { max: String(epochs), value: "0", "aria-label": "Training progress" });
  const epochText = el("span", { class: "muted" }, `0 of ${epochs} epochs`);
  // Announces start and end only: a per-epoch announcement would talk over everything else.
  const status = el("p", { "aria-live": "polite", class: "retrain-status" });
  const chart = createLossChart(epochs);

  button.addEventListener("click", () => {
    button.disabled = true;
    setText(status, "Training…");
    void retrain()
      .then(({ classifier, testAccuracy, finalLoss }) => {
        onTrained(classifier);
        setText(
          status,
          `Done: final training loss ${formatNumber(finalLoss)}, test accuracy ${formatPercent(testAccuracy)}. ` +
            "The predictions above now come from the model you just trained.",
        );
      })
      .catch((error: unknown) => setText(status, `Training failed: ${String(error)}`))
      .finally(() => (button.disabled = false));
  });

  async function retrain() {
    const [tf, csv] = await Promise.all([loadTf(), import("../../training/iris/iris.csv?raw")]);
    const losses: number[] = [];
    chart.reset();
    const trained = await trainIrisRecipe(tf, parseIrisCsv(csv.default), async (epoch, loss) => {
      losses.push(loss);
      progress.value = epoch;
      setText(epochText, `${epoch} of ${epochs} epochs, loss ${formatNumber(loss)}`);
      chart.draw(losses);
      // Let the browser paint the curve between epochs (training itself is synchronous on cpu).
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    const predicted = classifyAll(tf, trained.model, trained.test, trained.standardisation);
    const correct = predicted.filter((species, i) => species === trained.test[i]?.species).length;
    return {
      classifier: classifierFromModel(tf, trained.model, trained.standardisation),
      testAccuracy: correct / trained.test.length,
      finalLoss: losses.at(-1) ?? NaN,
    };
  }

  return el(
    "div",
    { class: "retrain" },
    el(
      "p",
      {},
      `Same data, same stratified split, same seeds: ${epochs} epochs of Adam, run here on the TF.js cpu ` +
        "backend in a few seconds. Watch the loss fall as the network learns.",
    ),
    el("div", { class: "retrain-controls" }, button, el("span", { class: "progress" }, progress, epochText)),
    chart.root,
    status,
  );
}

/** An SVG line chart of the loss per epoch; its accessible name summarises the curve in words. */
function createLossChart(epochs: number) {
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
