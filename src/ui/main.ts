import { parseGrid } from "../solver/parse.ts";
import { describeParseError } from "../solver/format.ts";
import { PipelineClient } from "../workers/pipeline-client.ts";
import { SolverClient } from "../workers/solver-client.ts";
import { Camera } from "./camera.ts";
import { LiveScan } from "./live-scan.ts";
import { DifficultyView } from "./difficulty-view.ts";
import { browserStorage, GameStore } from "./game-store.ts";
import { HintPanel } from "./hint-panel.ts";
import { setUpInstallButton } from "./install-button.ts";
import { PhotoPanel } from "./photo-panel.ts";
import { preloadWhenIdle } from "./preload.ts";
import { registerServiceWorker } from "./service-worker-registration.ts";
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
    kind: byId("cell-kind", HTMLButtonElement),
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

// One pipeline worker for photos and the live camera: OpenCV.js and the model load once.
let pipelineClient: PipelineClient | undefined;
const pipeline = () => (pipelineClient ??= new PipelineClient());

const store = new GameStore(browserStorage());
const savedSettings = store.loadSettings();
const hints = new HintPanel(
  {
    hideSolution: byId("hide-solution", HTMLInputElement),
    showCandidates: byId("show-candidates", HTMLInputElement),
    hint: byId("hint", HTMLButtonElement),
    check: byId("check", HTMLButtonElement),
    status: byId("hint-status", HTMLElement),
  },
  sudoku,
  solver,
  savedSettings.settings,
);
new DifficultyView(byId("difficulty", HTMLElement), sudoku, solver);
restoreSavedGame(store, savedSettings.note);

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
    corners: {
      layer: byId("corner-layer", HTMLElement),
      hint: byId("corner-hint", HTMLElement),
      read: byId("corners-read", HTMLButtonElement),
      adjust: byId("corners-adjust", HTMLButtonElement),
    },
    turn: {
      box: byId("turn-prompt", HTMLElement),
      text: byId("turn-text", HTMLElement),
      turn: byId("turn-apply", HTMLButtonElement),
    },
  },
  sudoku,
  progress,
  pipeline,
);

// No wait for the service worker: a reader started before it controls the page caches its own downloads.
const readPhoto = (photo: Blob) => {
  solver.warmUp();
  void photos.read(photo);
};
const warmUp = () => {
  solver.warmUp();
  photos.warmUp();
};

// Start loading the reader once the page is idle after its first paint (unless the browser asks to save
// data), and at the latest on intent to give a photo, while the user is still choosing.
preloadWhenIdle(warmUp);
const photoSection = document.querySelector<HTMLElement>(".photo-panel")!;
for (const type of ["pointerenter", "focusin", "touchstart", "dragenter"] as const) {
  const target = type === "dragenter" ? document : photoSection;
  target.addEventListener(type, warmUp, { once: true, passive: true });
}
// After the idle preload (same queue, later): the service worker's install waits for the reader's downloads
// and for a photo being read.
registerServiceWorker(() => pipelineClient?.quiet());

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
  new LiveScan(
    {
      video: byId("camera-video", HTMLVideoElement),
      overlay: byId("camera-overlay", HTMLCanvasElement),
      hint: byId("camera-hint", HTMLElement),
    },
    pipeline,
    sudoku,
  ),
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

/** Brings back the last puzzle, then saves every change from here on (an empty grid forgets it). */
function restoreSavedGame(store: GameStore, settingsNote: string | null): void {
  const saved = store.loadPuzzle();
  if (saved.puzzle) {
    sudoku.restore(saved.puzzle);
    hints.restoreEliminations(saved.puzzle.eliminated);
  }
  if (saved.note) sudoku.setStatus(saved.note);
  if (settingsNote) byId("hint-status", HTMLElement).textContent = settingsNote;
  const savePuzzle = () => {
    const snapshot = sudoku.snapshot();
    const empty = snapshot.clues.every((d) => d === 0) && snapshot.entries.every((d) => d === 0);
    store.savePuzzle(empty ? null : { ...snapshot, eliminated: hints.eliminations });
  };
  sudoku.onChange(savePuzzle);
  hints.onChange(() => {
    store.saveSettings(hints.currentSettings);
    savePuzzle();
  });
}
// bench/app.ts reads this mark as "interactive": from here on every control is wired.
performance.mark("sudoku-lens:interactive");
