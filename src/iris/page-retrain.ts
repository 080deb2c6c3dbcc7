import { parseIrisCsv } from "./dataset.ts";
import { formatNumber, formatPercent } from "./format.ts";
import { IRIS_TRAINING, classifyAll, trainIrisRecipe } from "./mlp.ts";
import { el, setText } from "./page-dom.ts";
import { createLossChart } from "./page-loss-chart.ts";
import { classifierFromModel, loadTf, type IrisClassifier } from "./predict.ts";

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
