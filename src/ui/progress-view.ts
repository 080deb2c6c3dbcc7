import type { PipelineProgress } from "../workers/pipeline-client.ts";
import { formatBytes, stageLabel } from "./messages.ts";

const DOWNLOAD_LABELS = { opencv: "OpenCV.js", model: "the digit model" } as const;

/**
 * The progress region: a byte-accurate bar while OpenCV.js and the model download (first use only),
 * then one line per pipeline stage. Text changes are throttled to whole 10 % steps so the live region
 * announces progress without chattering.
 */
export class ProgressView {
  private readonly downloads = new Map<keyof typeof DOWNLOAD_LABELS, { loaded: number; total: number }>();
  private lastStep = -1;

  constructor(
    private readonly bar: HTMLProgressElement,
    private readonly text: HTMLElement,
  ) {}

  start(): void {
    this.downloads.clear();
    this.lastStep = -1;
    this.bar.hidden = true;
    this.text.textContent = "Reading the photo…";
  }

  update(p: PipelineProgress): void {
    if (p.kind === "stage") {
      this.bar.hidden = true;
      this.text.textContent = `${stageLabel(p.stage)}…`;
      return;
    }
    this.downloads.set(p.what, { loaded: p.loaded, total: p.total });
    let loaded = 0;
    let total = 0;
    for (const d of this.downloads.values()) {
      loaded += d.loaded;
      total += Math.max(d.total, d.loaded);
    }
    this.bar.hidden = false;
    this.bar.max = Math.max(total, 1);
    this.bar.value = loaded;
    const step = total > 0 ? Math.floor((10 * loaded) / total) : 0;
    if (step !== this.lastStep) {
      this.lastStep = step;
      const of = total > 0 ? ` of ${formatBytes(total)}` : "";
      const what = [...this.downloads.keys()].map((k) => DOWNLOAD_LABELS[k]).join(" and ");
      this.text.textContent = `Downloading ${what} (first use only): ${formatBytes(loaded)}${of}`;
    }
  }

  done(text: string): void {
    this.bar.hidden = true;
    this.text.textContent = text;
  }
}
