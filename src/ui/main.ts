import { parseGrid } from "../solver/parse.ts";
import { describeParseError } from "../solver/format.ts";
import { PipelineClient } from "../workers/pipeline-client.ts";
import { SolverClient } from "../workers/solver-client.ts";
import { Camera } from "./camera.ts";
import { setUpInstallButton } from "./install-button.ts";
import { PhotoPanel } from "./photo-panel.ts";
import { listenForDrop, listenForFiles, listenForPaste } from "./photo-sources.ts";
import { ProgressView } from "./progress-view.ts";
import { RepairView } from "./repair-view.ts";
import { SudokuPanel } from "./sudoku-panel.ts";

function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`index.html lacks #${id}`);
  return el;
}

const solver = new SolverClient();
const sudoku = new SudokuPanel(
  {
    gridHost: byId("grid-host", HTMLElement),
    pad: document.querySelector<HTMLElement>(".pad")!,
    solve: byId("solve", HTMLButtonElement),
    clear: byId("clear", HTMLButtonElement),
    status: byId("status", HTMLElement),
  },
  solver,
);

new RepairView(
  {
    box: byId("repair", HTMLElement),
    text: byId("repair-text", HTMLElement),
    apply: byId("repair-apply", HTMLButtonElement),
    dismiss: byId("repair-dismiss", HTMLButtonElement),
  },
  sudoku,
  solver,
);

const progress = new ProgressView(
  byId("progress-bar", HTMLProgressElement),
  byId("progress-text", HTMLElement),
);
const photos = new PhotoPanel(
  {
    alert: byId("photo-alert", HTMLElement),
    figure: byId("photo-figure", HTMLElement),
    img: byId("photo-img", HTMLImageElement),
    overlay: byId("photo-overlay", HTMLCanvasElement),
    download: byId("download", HTMLButtonElement),
    debug: {
      toggle: byId("debug-toggle", HTMLInputElement),
      section: byId("debug", HTMLElement),
      body: byId("debug-body", HTMLElement),
    },
    turn: {
      box: byId("turn-prompt", HTMLElement),
      text: byId("turn-text", HTMLElement),
      turn: byId("turn-apply", HTMLButtonElement),
    },
  },
  sudoku,
  progress,
  () => new PipelineClient(),
);

const readPhoto = (photo: Blob) => void photos.read(photo);

// Intent to give a photo: start loading the reader while the user is still choosing.
const photoSection = document.querySelector<HTMLElement>(".photo-panel")!;
for (const type of ["pointerenter", "focusin", "touchstart", "dragenter"] as const) {
  const target = type === "dragenter" ? document : photoSection;
  target.addEventListener(type, () => photos.warmUp(), { once: true, passive: true });
}

listenForFiles(byId("photo-file", HTMLInputElement), readPhoto);
listenForFiles(byId("photo-capture", HTMLInputElement), readPhoto);
listenForDrop(readPhoto);
listenForPaste(readPhoto, (text) => {
  const parsed = parseGrid(text);
  if (parsed.ok) sudoku.setGrid(parsed.grid);
  else sudoku.setStatus(`The pasted text is not a sudoku: ${describeParseError(parsed.error)}.`);
});

new Camera(
  {
    section: byId("camera", HTMLElement),
    video: byId("camera-video", HTMLVideoElement),
    open: byId("camera-open", HTMLButtonElement),
    capture: byId("camera-capture", HTMLButtonElement),
    close: byId("camera-close", HTMLButtonElement),
  },
  readPhoto,
  (message) => photos.alert(message),
);

byId("sample", HTMLButtonElement).addEventListener("click", () => {
  void fetch("./samples/sample.jpg")
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.blob();
    })
    .then(readPhoto, (error: unknown) =>
      photos.alert(`The sample photo could not be loaded (${String(error)}).`),
    );
});

setUpInstallButton(byId("install", HTMLButtonElement));
// bench/app.ts reads this mark as "interactive": from here on every control is wired.
performance.mark("sudoku-lens:interactive");
