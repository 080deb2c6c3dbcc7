import { wrap, type Remote } from "comlink";

/** How a call ended without an answer from the worker. */
export type LaneStop = "cancelled" | "timed-out";

export interface LaneCall {
  signal?: AbortSignal;
  /** Give up (and terminate the worker) when no answer came after this many ms. */
  capMs: number;
}

/**
 * One worker that runs one call at a time. A new call, an abort or the cap stops the running call by
 * terminating the worker: a busy worker cannot be interrupted any other way, and recreating it costs
 * milliseconds. The worker is created lazily and reused while calls end normally.
 */
export class WorkerLane<Api> {
  private worker: Worker | null = null;
  private remote: Remote<Api> | null = null;
  private stopRunning: ((why: LaneStop) => void) | null = null;

  constructor(private readonly create: () => Worker) {}

  /** Runs `call` on the worker; resolves `stopped(why)` when it is cancelled or capped. */
  run<T>(
    call: (api: Remote<Api>) => Promise<T>,
    options: LaneCall,
    stopped: (why: LaneStop) => T,
  ): Promise<T> {
    this.stopRunning?.("cancelled");
    if (options.signal?.aborted) return Promise.resolve(stopped("cancelled"));
    const api = this.api();
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => stop("cancelled");
      const timer = setTimeout(() => stop("timed-out"), options.capMs);
      const finish = (): boolean => {
        if (this.stopRunning !== stop) return false;
        this.stopRunning = null;
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        return true;
      };
      const stop = (why: LaneStop): void => {
        if (!finish()) return;
        this.terminate();
        resolve(stopped(why));
      };
      this.stopRunning = stop;
      options.signal?.addEventListener("abort", onAbort, { once: true });
      call(api).then(
        (value) => finish() && resolve(value),
        (error: unknown) => finish() && reject(error instanceof Error ? error : new Error(String(error))),
      );
    });
  }

  /** Creates the worker now, so its script is loaded before the first call needs it. */
  start(): void {
    this.api();
  }

  dispose(): void {
    this.stopRunning?.("cancelled");
    this.terminate();
  }

  private api(): Remote<Api> {
    if (!this.remote) {
      this.worker = this.create();
      this.remote = wrap<Api>(this.worker);
    }
    return this.remote;
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }
}
