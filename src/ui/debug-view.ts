import type { CellRead, DebugImages, StageTiming } from "../shared/reading.ts";
import { cellLabel } from "./board.ts";
import { stageLabel } from "./messages.ts";

function imageCanvas(image: ImageData, label: string): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext("2d")!.putImageData(image, 0, 0);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  return canvas;
}

function figure(content: HTMLElement, caption: string): HTMLElement {
  const fig = document.createElement("figure");
  const cap = document.createElement("figcaption");
  cap.textContent = caption;
  fig.append(content, cap);
  return fig;
}

function tiles(images: readonly ImageData[], cells: readonly CellRead[]): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "debug-tiles";
  images.forEach((image, i) => {
    const read = cells[i];
    const digit = read ? (read.digit === 0 ? "empty" : String(read.digit)) : "?";
    const pct = read ? `${Math.round(read.confidence * 100)}%` : "";
    grid.append(
      figure(
        imageCanvas(image, `Cell ${cellLabel(i)}: ${digit} ${pct}`),
        `${digit === "empty" ? "·" : digit} ${pct}`,
      ),
    );
  });
  return grid;
}

function timingTable(timings: readonly StageTiming[]): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "timings";
  const caption = table.createCaption();
  caption.textContent = "Time per step";
  const head = table.createTHead().insertRow();
  for (const name of ["Step", "ms"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  let total = 0;
  for (const t of timings) {
    const row = body.insertRow();
    row.insertCell().textContent = stageLabel(t.stage);
    row.insertCell().textContent = t.ms.toFixed(1);
    total += t.ms;
  }
  const row = body.insertRow();
  row.insertCell().textContent = "Total";
  row.insertCell().textContent = total.toFixed(1);
  return table;
}

/** The debug view: each stage's image, the 81 tiles with what the classifier said, and per-stage timings. */
export function renderDebug(
  host: HTMLElement,
  debug: DebugImages | undefined,
  cells: readonly CellRead[],
  timings: readonly StageTiming[],
): void {
  const stages = document.createElement("div");
  stages.className = "debug-stages";
  const named: [ImageData | undefined, string][] = [
    [debug?.threshold, "Threshold"],
    [debug?.contour, "Grid contour and corners"],
    [debug?.warped, "Straightened grid, cut into cells along the blue lines"],
  ];
  for (const [image, label] of named) if (image) stages.append(figure(imageCanvas(image, label), label));
  const parts: HTMLElement[] = [stages];
  if (debug?.cells?.length) {
    const heading = document.createElement("h3");
    heading.textContent = "Cells: digit read and its probability";
    parts.push(heading, tiles(debug.cells, cells));
  }
  parts.push(timingTable(timings));
  host.replaceChildren(...parts);
}

export interface DebugElements {
  toggle: HTMLInputElement;
  section: HTMLElement;
  body: HTMLElement;
}

/** What the debug view shows for the photo on screen. */
export interface DebugReading {
  debug?: DebugImages;
  cells: readonly CellRead[];
  timings: readonly StageTiming[];
}

/**
 * The "Show each step" toggle and its section. Stage images are only produced when asked for, so turning
 * the view on after a read offers to read the photo again.
 */
export class DebugPanel {
  private reading: DebugReading | null = null;

  constructor(
    private readonly el: DebugElements,
    private readonly readAgain: () => void,
  ) {
    el.toggle.addEventListener("change", () => this.render());
  }

  /** Whether the next read should return its stage images. */
  get wanted(): boolean {
    return this.el.toggle.checked;
  }

  show(reading: DebugReading | null): void {
    this.reading = reading;
    this.render();
  }

  private render(): void {
    const reading = this.reading;
    this.el.section.hidden = !(this.wanted && reading);
    if (!this.wanted || !reading) return;
    if (!reading.debug) {
      const note = document.createElement("p");
      note.textContent = "This photo was read with the debug view off.";
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = "Read the photo again with the steps";
      again.addEventListener("click", this.readAgain);
      this.el.body.replaceChildren(note, again);
      return;
    }
    renderDebug(this.el.body, reading.debug, reading.cells, reading.timings);
  }
}
