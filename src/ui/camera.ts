export interface CameraElements {
  section: HTMLElement;
  video: HTMLVideoElement;
  open: HTMLButtonElement;
  capture: HTMLButtonElement;
  close: HTMLButtonElement;
}

/** One sentence for each way getUserMedia fails, saying what to do instead. */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "Camera permission was denied. Allow the camera in the browser's site settings, or choose a photo instead.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "No camera was found on this device. Choose a photo instead.";
    case "NotReadableError":
      return "The camera is in use by another app. Close it and try again, or choose a photo instead.";
    default:
      return `The camera could not start (${name || String(error)}). Choose a photo instead.`;
  }
}

/** What runs on the preview while the camera is open (live scanning). */
export interface PreviewWatcher {
  /** The camera was asked for: a chance to get ready while it starts. */
  prepare(): void;
  start(): void;
  stop(): void;
}

/**
 * Camera mode: a live preview from the rear camera (when there is one), scanned live by `watcher`, and
 * a button that takes a still. A hidden page stops the camera: no filming, no battery, in the background.
 */
export class Camera {
  private stream: MediaStream | null = null;

  constructor(
    private readonly el: CameraElements,
    private readonly onPhoto: (photo: Blob) => void,
    private readonly onError: (message: string) => void,
    private readonly watcher?: PreviewWatcher,
  ) {
    el.open.addEventListener("click", () => void this.open());
    el.capture.addEventListener("click", () => void this.capture());
    el.close.addEventListener("click", () => this.close());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden" && this.stream) this.close();
    });
  }

  async open(): Promise<void> {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.onError(
        "This browser gives no camera access here (it needs a secure https page). Choose a photo instead.",
      );
      return;
    }
    this.watcher?.prepare();
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      });
    } catch (error) {
      this.onError(cameraErrorMessage(error));
      return;
    }
    this.el.video.srcObject = this.stream;
    this.el.section.hidden = false;
    await this.el.video.play();
    this.el.capture.focus();
    this.watcher?.start();
  }

  async capture(): Promise<void> {
    const { video } = this.el;
    if (!this.stream || video.videoWidth === 0) return;
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    canvas.getContext("2d")!.drawImage(video, 0, 0);
    const photo = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
    this.close();
    this.onPhoto(photo);
  }

  close(): void {
    this.watcher?.stop();
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.el.video.srcObject = null;
    this.el.section.hidden = true;
    this.el.open.focus();
  }
}
