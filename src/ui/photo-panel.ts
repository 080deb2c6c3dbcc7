import type { PipelineProgress } from "../workers/pipeline-client.ts";
import { meanSide } from "../shared/corners.ts";
import type { Corners } from "../shared/image.ts";
import { isHandwritten, type ReadResult } from "../shared/reading.ts";
import { readDoubtfulAsWhole } from "../solver/conflicts.ts";
import { CornerEditor, type CornerEditorElements } from "./corner-editor.ts";
import { DebugPanel, type DebugElements } from "./debug-view.ts";
import { CLASHING_READ_MESSAGE, photoErrorMessage, readMessage, smallGridTip } from "./messages.ts";
import { drawSolution, type GridPlacement } from "./overlay.ts";
import { saveAs, solutionPng } from "./png-export.ts";
import type { ProgressView } from "./progress-view.ts";
import type { SudokuPanel } from "./sudoku-panel.ts";
import { applyTestMisread } from "./test-hooks.ts";
import { TurnPrompt, type TurnPromptElements } from "./turn-prompt.ts";

/** The part of the pipeline client the page uses. */
export interface PhotoReader {
  read(
    photo: Blob,
    options?: {
      signal?: AbortSignal;
      debug?: boolean;
      onProgress?: (p: PipelineProgress) => void;
      corners?: Corners;
    },
  ): Promise<ReadResult>;
  warmUp(onProgress?: (p: PipelineProgress) => void): Promise<void>;
}

export interface PhotoPanelElements {
  alert: HTMLElement;
  figure: HTMLElement;
  img: HTMLImageElement;
  overlay: HTMLCanvasElement;
  download: HTMLButtonElement;
  debug: DebugElements;
  corners: CornerEditorElements;
  turn: TurnPromptElements;
}

interface ShownPhoto {
  blob: Blob;
  url: string;
  /** Where the grid was read; null when no grid was found and the user is to place the corners. */
  placement: GridPlacement | null;
  /** The SudokuPanel generation this photo's reading produced; later replacements detach the photo. */
  generation: number;
  read: Extract<ReadResult, { kind: "read" }> | null;
  /** Corners the user placed for this reading, if any. */
  manual?: Corners;
}

/**
 * Reads photos into the grid: one read at a time (a new photo cancels the old), errors as alerts that
 * leave the grid alone, and the solution drawn over the photo in its own perspective.
 */
export class PhotoPanel {
  private running: AbortController | null = null;
  /** The most recent read, finished or not. */
  private newest: AbortController | null = null;
  private shown: ShownPhoto | null = null;
  private reader: PhotoReader | null = null;
  private warming: Promise<void> | null = null;
  private readonly debug: DebugPanel;
  private readonly corners: CornerEditor;
  private readonly turnPrompt: TurnPrompt;

  constructor(
    private readonly el: PhotoPanelElements,
    private readonly sudoku: SudokuPanel,
    private readonly progress: ProgressView,
    /** Created on first use: the pipeline worker pulls in megabytes we don't want on page load. */
    private readonly createReader: () => PhotoReader,
  ) {
    sudoku.onChange(() => {
      // A grid typed, pasted or cleared over a photo's reading no longer belongs to the photo.
      if (this.shown && this.shown.generation !== sudoku.generation) this.hidePhoto();
      else this.drawOverlay();
    });
    new ResizeObserver(() => this.drawOverlay()).observe(el.img);
    el.download.addEventListener("click", () => void this.download());
    this.debug = new DebugPanel(el.debug, () => {
      if (this.shown) void this.read(this.shown.blob, this.shown.manual);
    });
    this.corners = new CornerEditor(el.corners, (corners) => {
      if (this.shown) void this.read(this.shown.blob, corners);
    });
    this.turnPrompt = new TurnPrompt(el.turn, (read) => this.applyTurn(read));
  }

  /** Show an error (or, with `note`, a warning) as an alert. */
  alert(message: string, note = false): void {
    this.el.alert.textContent = message;
    this.el.alert.classList.toggle("note", note);
  }

  /**
   * Starts loading OpenCV.js, TF.js and the model ahead of the first photo: when the page is idle after
   * loading, or when the user shows intent (pointer or focus on the photo controls), so the first photo
   * doesn't wait for all of it. With Save-Data or on 2G only intent starts it (see `preloadWhenIdle`).
   */
  warmUp(): void {
    // Only before the first photo: afterwards the reader is warm and the region shows that photo's result.
    if (this.warming || this.reader) return;
    this.reader = this.createReader();
    const idle = () => this.running === null;
    this.warming = this.reader
      .warmUp((p) => {
        if (idle() && p.kind === "download") this.progress.update(p);
      })
      .then(
        () => {
          if (idle()) this.progress.done("Ready for a photo.");
        },
        () => {
          // A failed warm-up is retried by the read itself, which reports its own errors.
          if (idle()) this.progress.done("");
        },
      );
  }

  /** Reads `photo`; with `corners` (photo pixels) the grid is read from there instead of searched for. */
  async read(photo: Blob, corners?: Corners): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.newest = controller;
    // Every await below may let a newer photo start; only the newest run may touch the page.
    const current = () => this.running === controller;
    this.alert("");
    this.progress.start();
    let result: ReadResult;
    try {
      this.reader ??= this.createReader();
      result = await this.reader.read(photo, {
        signal: controller.signal,
        debug: this.debug.wanted,
        onProgress: (p) => {
          if (current()) this.progress.update(p);
        },
        ...(corners ? { corners } : {}),
      });
    } catch (error) {
      if (!current()) return;
      this.running = null;
      this.fail(`Reading the photo failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!current()) return;
    this.running = null;
    if (result.kind === "error") {
      if (result.error.code === "cancelled") return;
      this.fail(photoErrorMessage(result.error));
      // A failed read from hand-placed corners keeps the handles where they are, to be adjusted.
      if (corners) return;
      if (this.shown && !this.shown.read) this.hidePhoto();
      if (result.error.code === "no-grid") await this.showForCorners(photo, controller);
      return;
    }
    // The grid first: solving starts now, not after the preview decodes (a 12-MP JPEG takes a while).
    const cells = applyTestMisread(result.cells, location.search);
    this.sudoku.setReads(cells);
    const generation = this.sudoku.generation;
    this.reportRead({ ...result, cells });
    const url = URL.createObjectURL(photo);
    // Decode off-screen so the photo appears whole; it is dropped if the grid moved on meanwhile.
    const preview = new Image();
    preview.src = url;
    try {
      await preview.decode();
    } catch {
      // The worker decoded it, so this is rare; it only loses the preview, never the reading.
    }
    if (this.sudoku.generation !== generation) {
      URL.revokeObjectURL(url);
      return;
    }
    this.show(photo, url, { ...result, cells }, generation, corners);
    if (preview.naturalWidth > 0) this.corners.offer(naturalSize(preview), result.corners);
  }

  /** No grid found: the photo with corner handles, so the user can mark the grid by hand. */
  private async showForCorners(photo: Blob, controller: AbortController): Promise<void> {
    const url = URL.createObjectURL(photo);
    const preview = new Image();
    preview.src = url;
    const generation = this.sudoku.generation;
    try {
      await preview.decode();
    } catch {
      URL.revokeObjectURL(url);
      return;
    }
    if (this.newest !== controller || this.sudoku.generation !== generation) {
      URL.revokeObjectURL(url);
      return;
    }
    this.hidePhoto();
    this.el.img.src = url;
    this.shown = { blob: photo, url, placement: null, generation, read: null };
    this.el.figure.hidden = false;
    this.corners.open(naturalSize(preview));
  }

  private hidePhoto(): void {
    if (this.shown) URL.revokeObjectURL(this.shown.url);
    this.shown = null;
    this.el.figure.hidden = true;
    this.el.download.disabled = true;
    this.debug.show(null);
    this.corners.hide();
    this.turnPrompt.show(null);
  }

  /** The same photo read under another quarter turn replaces the reading, not the photo. */
  private applyTurn(read: Extract<ReadResult, { kind: "read" }>): void {
    const shown = this.shown;
    if (!shown) return;
    this.shown = null; // keeps the photo's URL alive through the grid change
    this.sudoku.setReads(read.cells);
    this.reportRead(read);
    this.show(shown.blob, shown.url, read, this.sudoku.generation, shown.manual);
    if (this.el.img.naturalWidth > 0) this.corners.offer(naturalSize(this.el.img), read.corners);
  }

  private fail(message: string): void {
    this.progress.done("");
    this.alert(message);
  }

  private reportRead({ cells, corners, otherGridsSeen }: Extract<ReadResult, { kind: "read" }>): void {
    const entries = cells.filter(isHandwritten).length;
    const clues = cells.filter((c) => c.digit !== 0).length - entries;
    const doubtful = this.sudoku.current.filter((c) => c.doubt).length;
    const doubtText = doubtful ? ` ${doubtful} doubtful — check the cells marked “?”.` : "";
    const tip = smallGridTip(meanSide(corners));
    this.progress.done(`${readMessage(clues, entries)}${doubtText}${tip ? ` ${tip}` : ""}`);
    if (readDoubtfulAsWhole(cells)) this.alert(CLASHING_READ_MESSAGE, true);
    else if (otherGridsSeen)
      this.alert("More than one grid was in the photo; the largest one was read.", true);
  }

  private show(
    photo: Blob,
    url: string,
    read: Extract<ReadResult, { kind: "read" }>,
    generation: number,
    manual: Corners | undefined,
  ): void {
    this.hidePhoto();
    this.el.img.src = url;
    this.shown = {
      blob: photo,
      url,
      placement: { corners: read.corners, rotation: read.rotation },
      generation,
      read,
      ...(manual ? { manual } : {}),
    };
    this.el.figure.hidden = false;
    this.el.download.disabled = false;
    this.debug.show(read);
    this.turnPrompt.show(read);
    this.drawOverlay();
  }

  private drawOverlay(): void {
    const { overlay, img } = this.el;
    const ctx = overlay.getContext("2d")!;
    const shown = this.shown;
    if (!shown?.placement || shown.generation !== this.sudoku.generation) {
      ctx.clearRect(0, 0, overlay.width, overlay.height);
      return;
    }
    const ratio = devicePixelRatio || 1;
    overlay.width = Math.round(img.clientWidth * ratio);
    overlay.height = Math.round(img.clientHeight * ratio);
    if (img.naturalWidth === 0) return;
    drawSolution(ctx, this.sudoku.current, shown.placement, overlay.width / img.naturalWidth);
  }

  private async download(): Promise<void> {
    const shown = this.shown;
    if (!shown?.placement) return;
    const size = { width: this.el.img.naturalWidth, height: this.el.img.naturalHeight };
    const png = await solutionPng(shown.blob, size, this.sudoku.current, shown.placement);
    if (png) saveAs(png, "sudoku-solution.png");
  }
}

function naturalSize(image: HTMLImageElement): { width: number; height: number } {
  return { width: image.naturalWidth, height: image.naturalHeight };
}
