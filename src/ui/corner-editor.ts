import type { Corners, Point } from "../shared/image.ts";
import { arrowMove, CORNER_NAMES, defaultCorners, moveCorner, type PhotoSize } from "./corner-geometry.ts";

export interface CornerEditorElements {
  /** Laid exactly over the photo (same box as the image); the outline and the handles go in it. */
  layer: HTMLElement;
  /** Says how to place the handles; shown while editing. */
  hint: HTMLElement;
  read: HTMLButtonElement;
  adjust: HTMLButtonElement;
}

const SVG = "http://www.w3.org/2000/svg";
/** Arrow keys move a handle by this many screen pixels; with Shift ten times as far. */
const KEY_STEP_PX = 1;
const FAST_FACTOR = 10;

/**
 * Four draggable corner handles over the photo (pointer: mouse, touch, pen; keyboard: arrows on the
 * focused handle) and a "Read these corners" button. Corners are kept in photo pixels (EXIF
 * orientation applied, as the image shows it) and laid out in percent, so any display size fits.
 */
export class CornerEditor {
  private corners: Corners | null = null;
  private size: PhotoSize | null = null;
  private readonly handles: HTMLButtonElement[];
  private readonly svg: SVGSVGElement;
  private readonly outline: SVGPolygonElement;

  constructor(
    private readonly el: CornerEditorElements,
    onRead: (corners: Corners) => void,
  ) {
    this.svg = document.createElementNS(SVG, "svg");
    this.svg.setAttribute("aria-hidden", "true");
    this.svg.setAttribute("preserveAspectRatio", "none");
    this.outline = document.createElementNS(SVG, "polygon");
    this.svg.append(this.outline);
    this.handles = CORNER_NAMES.map((name, i) => {
      const handle = document.createElement("button");
      handle.type = "button";
      handle.className = "corner-handle";
      handle.setAttribute("aria-label", name);
      if (el.hint.id) handle.setAttribute("aria-describedby", el.hint.id);
      this.listen(handle, i);
      return handle;
    });
    el.layer.replaceChildren(this.svg, ...this.handles);
    el.read.addEventListener("click", () => {
      if (this.corners) onRead(this.corners);
    });
    el.adjust.addEventListener("click", () => {
      if (this.size && this.corners) this.open(this.size, this.corners);
    });
    this.hide();
  }

  /** Offers "Adjust corners" for a photo that was read from `corners`. */
  offer(size: PhotoSize, corners: Corners): void {
    this.hide();
    this.size = size;
    this.corners = corners;
    this.el.adjust.hidden = false;
  }

  /** Shows the handles at `corners` (by default a rectangle inset from the photo's edges). */
  open(size: PhotoSize, corners: Corners = defaultCorners(size)): void {
    this.size = size;
    this.corners = corners;
    this.svg.setAttribute("viewBox", `0 0 ${size.width} ${size.height}`);
    this.el.layer.hidden = false;
    this.el.hint.hidden = false;
    this.el.read.hidden = false;
    this.el.adjust.hidden = true;
    this.layOut();
  }

  hide(): void {
    this.el.layer.hidden = true;
    this.el.hint.hidden = true;
    this.el.read.hidden = true;
    this.el.adjust.hidden = true;
  }

  private listen(handle: HTMLButtonElement, index: number): void {
    let grab: Point | null = null;
    handle.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || !this.corners) return;
      e.preventDefault();
      handle.focus();
      handle.setPointerCapture(e.pointerId);
      // Keep the handle where it was grabbed relative to the pointer, so it does not jump.
      const at = this.photoPoint(e);
      const corner = this.corners[index]!;
      grab = { x: corner.x - at.x, y: corner.y - at.y };
    });
    handle.addEventListener("pointermove", (e) => {
      if (!grab || !handle.hasPointerCapture(e.pointerId)) return;
      const at = this.photoPoint(e);
      this.move(index, { x: at.x + grab.x, y: at.y + grab.y });
    });
    const release = () => (grab = null);
    handle.addEventListener("pointerup", release);
    handle.addEventListener("pointercancel", release);
    handle.addEventListener("keydown", (e) => {
      const size = this.size;
      if (!size || !this.corners) return;
      const photoPerScreenPx = size.width / Math.max(1, this.el.layer.clientWidth);
      const step = KEY_STEP_PX * (e.shiftKey ? FAST_FACTOR : 1) * photoPerScreenPx;
      const delta = arrowMove(e.key, step);
      if (!delta) return;
      e.preventDefault();
      const corner = this.corners[index]!;
      this.move(index, { x: corner.x + delta.x, y: corner.y + delta.y });
    });
  }

  private photoPoint(e: PointerEvent): Point {
    const box = this.el.layer.getBoundingClientRect();
    const size = this.size ?? { width: box.width, height: box.height };
    return {
      x: ((e.clientX - box.left) * size.width) / Math.max(1, box.width),
      y: ((e.clientY - box.top) * size.height) / Math.max(1, box.height),
    };
  }

  private move(index: number, to: Point): void {
    if (!this.corners || !this.size) return;
    this.corners = moveCorner(this.corners, index, to, this.size);
    this.layOut();
  }

  private layOut(): void {
    const { corners, size } = this;
    if (!corners || !size) return;
    corners.forEach((p, i) => {
      const handle = this.handles[i]!;
      handle.style.left = `${(100 * p.x) / size.width}%`;
      handle.style.top = `${(100 * p.y) / size.height}%`;
    });
    this.outline.setAttribute("points", corners.map((p) => `${p.x},${p.y}`).join(" "));
  }
}
