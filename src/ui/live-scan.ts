import { mapCorners } from "../shared/image.ts";
import type { CameraFrame, ClueCheck, GridSighting } from "../shared/live.ts";
import type { CellRead, ReadResult } from "../shared/reading.ts";
import type { SolveResult } from "../solver/types.ts";
import type { Board } from "./board.ts";
import { LiveScanController, type LiveHint } from "./live-scan-state.ts";
import { drawOutline, drawSolution } from "./overlay.ts";

/** The part of the pipeline client live scanning uses. */
export interface LiveReader {
  detectGrid(frame: CameraFrame, check?: ClueCheck): Promise<GridSighting>;
  readFrames(frames: CameraFrame[]): Promise<ReadResult>;
  rehearseRead(): Promise<void>;
}

/** The part of the grid panel live scanning uses. */
export interface LiveBoard {
  readonly current: Board;
  readonly generation: number;
  setReads(cells: readonly CellRead[]): void;
  onChange(listener: (board: Board, result: SolveResult | null) => void): void;
}

export interface LiveScanElements {
  video: HTMLVideoElement;
  overlay: HTMLCanvasElement;
  hint: HTMLElement;
}

const HINTS: Record<Exclude<LiveHint, "read">, string> = {
  searching: "Point the camera at a sudoku.",
  "move-closer": "Move closer: fill the picture with the grid.",
  "hold-still": "Hold still.",
  "grid-found": "Grid found — hold still.",
  reading: "Grid found — reading the digits…",
  "read-failed": "The digits could not be read — hold the page flat and well lit.",
  lost: "Looking for the grid again…",
};

/**
 * Live scanning over the camera preview: frames go to the pipeline worker one at a time (a frame that
 * comes while one is in flight is skipped, never queued), the grid is outlined on a canvas over the
 * video, read by itself once it holds still, and the answer is drawn on the paper as it moves.
 * The counters on the overlay (`data-detections`, `data-overlay-frames`) are read by `bench:live`.
 */
export class LiveScan {
  private session: { stop: () => void } | null = null;
  /** The solver's verdict on the board now (null while it works). */
  private verdict: SolveResult["kind"] | null = null;

  constructor(
    private readonly el: LiveScanElements,
    private readonly reader: () => LiveReader,
    private readonly board: LiveBoard,
  ) {
    board.onChange((_, result) => (this.verdict = result?.kind ?? null));
  }

  /** The camera is starting (that takes a second): get the read's code compiled meanwhile. */
  prepare(): void {
    // Only a speed-up: a failure here shows up, with its message, in the real read.
    this.reader()
      .rehearseRead()
      .catch(() => undefined);
  }

  /** Starts on the playing video; a running scan restarts. */
  start(): void {
    this.stop();
    this.session = runScan(this.el, this.reader(), this.board, () => this.verdict);
  }

  stop(): void {
    this.session?.stop();
    this.session = null;
  }
}

function runScan(
  el: LiveScanElements,
  reader: LiveReader,
  board: LiveBoard,
  verdict: () => SolveResult["kind"] | null,
): { stop: () => void } {
  const { video, overlay, hint } = el;
  const live = new LiveScanController<CameraFrame>((frame) => frame.close(), performance.now());
  const ctx = overlay.getContext("2d")!;
  let running = true;
  let inFlight = false;
  let reading = false;
  let nextAt = 0;
  /** Width of the frames the grid was found in (corners are in their pixels). */
  let frameWidth = 1;
  /** The board generation our read produced: the answer is drawn only while the grid shows it. */
  let ourGeneration = -1;
  let detections = 0;
  let overlayFrames = 0;
  let frameRequest = 0;
  /** Quarter turns of the read grid, for drawing the answer upright. */
  let rotation = 0;

  const say = (text: string) => {
    if (hint.textContent !== text) hint.textContent = text;
  };
  const hintText = (): string => {
    const code = live.hint;
    if (code !== "read") return HINTS[code];
    if (board.generation !== ourGeneration) return "Read — the grid was changed since.";
    const kind = verdict();
    if (kind === null) return "Read — solving…";
    return kind === "solved"
      ? "Solved — the answer is on the page."
      : "Read, but it does not solve: check the marked cells in the grid.";
  };

  const draw = () => {
    const ratio = devicePixelRatio || 1;
    const width = Math.round(video.clientWidth * ratio);
    const height = Math.round(video.clientHeight * ratio);
    // Resizing clears and reallocates the canvas: only when the layout changed.
    if (overlay.width !== width || overlay.height !== height) {
      overlay.width = width;
      overlay.height = height;
    }
    ctx.clearRect(0, 0, width, height);
    const seen = live.outline;
    if (!seen || video.videoWidth === 0) return;
    // The picture is letterboxed inside the element (object-fit: contain): find where it lies.
    const fit = Math.min(video.clientWidth / video.videoWidth, video.clientHeight / video.videoHeight);
    const scale = (fit * ratio * video.videoWidth) / frameWidth;
    const left = (width - video.videoWidth * fit * ratio) / 2 / scale;
    const top = (height - video.videoHeight * fit * ratio) / 2 / scale;
    const corners = mapCorners(seen, (p) => ({ x: p.x + left, y: p.y + top }));
    drawOutline(ctx, corners, scale, 3 * ratio);
    const answer = live.showsAnswer && board.generation === ourGeneration;
    const digits = answer ? drawSolution(ctx, board.current, { corners, rotation }, scale) : 0;
    overlayFrames += 1;
    overlay.dataset["overlayFrames"] = String(overlayFrames);
    overlay.dataset["answerDigits"] = String(digits);
  };

  const detect = async () => {
    inFlight = true;
    try {
      const size = { width: video.videoWidth, height: video.videoHeight };
      const frame = await grabFrame(video);
      // A copy of the same instant, kept in case it joins the read.
      const full = live.wantsFullFrame ? await copyFrame(frame) : null;
      if (!running) {
        frame.close();
        full?.close();
        return;
      }
      let sighting: GridSighting;
      try {
        sighting = await reader.detectGrid(frame, live.clueCheck);
      } catch (error) {
        full?.close();
        throw error;
      }
      if (!running) {
        full?.close();
        return;
      }
      detections += 1;
      overlay.dataset["detections"] = String(detections);
      frameWidth = size.width;
      const toRead = live.onSighting(sighting, size, full, performance.now());
      if (toRead) void read(toRead);
      nextAt = performance.now() + live.interval(performance.now());
      say(hintText());
    } finally {
      inFlight = false;
    }
  };

  const read = async (frames: CameraFrame[]) => {
    reading = true;
    say(hintText());
    let result: ReadResult | null;
    try {
      result = await reader.readFrames(frames);
    } catch {
      // The worker failed on these frames (out of memory, a wasm trap): the next steady frames try again.
      result = null;
    } finally {
      reading = false;
    }
    if (!running) return;
    if (result) live.onRead(result);
    else live.onReadFailed();
    if (result?.kind === "read") {
      rotation = result.rotation;
      board.setReads(result.cells);
      ourGeneration = board.generation;
    }
    say(hintText());
  };

  const onFrame = () => {
    if (!running) return;
    draw();
    // One frame in flight at most; the worker never queues frames, so the rate follows the device.
    if (!inFlight && !reading && performance.now() >= nextAt && video.videoWidth > 0) {
      void detect().catch(() => {
        // A frame that could not be grabbed (the camera stopping) is simply skipped.
      });
    }
    if (!reading && live.hint === "read") say(hintText());
    frameRequest = video.requestVideoFrameCallback(onFrame);
  };

  say(HINTS.searching);
  frameRequest = video.requestVideoFrameCallback(onFrame);
  return {
    stop: () => {
      running = false;
      video.cancelVideoFrameCallback(frameRequest);
      live.stop();
      ctx.clearRect(0, 0, overlay.width, overlay.height);
      say("");
    },
  };
}

/**
 * The video's current frame. A VideoFrame only references the camera's buffer; `createImageBitmap(video)`
 * copies it on the main thread, measured at 25 ms a frame in headless Chromium (a long task every frame).
 */
async function grabFrame(video: HTMLVideoElement): Promise<CameraFrame> {
  return typeof VideoFrame === "function" ? new VideoFrame(video) : createImageBitmap(video);
}

function copyFrame(frame: CameraFrame): Promise<CameraFrame> | CameraFrame {
  return "clone" in frame ? frame.clone() : createImageBitmap(frame);
}
