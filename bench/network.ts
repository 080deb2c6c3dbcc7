import { connect, createServer, type Socket } from "node:net";
import type { BrowserContext, CDPSession, Page } from "playwright-core";

/** A connection to emulate: download and upload rate, and the round trip before each response. */
export interface NetworkProfile {
  mbitPerS: number;
  rttMs: number;
}

/** Parses `--network MBIT:RTT`, e.g. `10:40` (10 Mbit/s, 40 ms round trip). */
export function parseNetwork(spec: string): NetworkProfile {
  const match = /^(\d+(?:\.\d+)?):(\d+)$/.exec(spec);
  if (!match) throw new Error(`--network expects MBIT_PER_S:RTT_MS (e.g. 10:40), got "${spec}"`);
  const profile = { mbitPerS: Number(match[1]), rttMs: Number(match[2]) };
  if (profile.mbitPerS <= 0) throw new Error(`--network: the rate must be above 0, got "${spec}"`);
  return profile;
}

/** One response that crossed the wire: who asked for it, when (`Date.now()`), its encoded size. */
export interface WireResponse {
  url: string;
  /** The DevTools target that asked: "page", "worker", "service_worker". */
  by: string;
  startAt: number;
  endAt: number;
  bytes: number;
}

/** What crossed the wire so far: every http(s) response's encoded size, headers included. */
export interface WireTally {
  bytes: number;
  requests: number;
  /** `Date.now()` when the latest counted response finished. */
  lastAt: number;
  /** Every counted response, in the order they finished: where the first photo's time goes. */
  responses: WireResponse[];
  /** When each URL's first request finished (`Date.now()`), counted or not (served from a cache). */
  firstEnds: Map<string, number>;
}

/** The few CDP messages read from a worker session (they arrive as JSON strings, untyped). */
interface ChildMessage {
  method?: string;
  params?: {
    requestId?: string;
    encodedDataLength?: number;
    request?: { url: string };
    response?: { fromServiceWorker?: boolean; fromDiskCache?: boolean; fromPrefetchCache?: boolean };
  };
}

const NETWORK_EVENTS = [
  "Network.requestWillBeSent",
  "Network.responseReceived",
  "Network.dataReceived",
  "Network.loadingFinished",
  "Network.loadingFailed",
] as const;

/**
 * Throttles `page` and every worker it starts (dedicated and service workers, auto-attached through
 * the DevTools protocol) to `profile`, or only counts when `profile` is undefined, and tallies the
 * bytes of every response they receive (`Network.loadingFinished` encodedDataLength). Responses
 * served by a service worker or a cache did not cross the wire: the service worker's own fetch is
 * what counts, once.
 */
export async function throttleAndCount(
  context: BrowserContext,
  page: Page,
  profile: NetworkProfile | undefined,
): Promise<WireTally> {
  const tally: WireTally = { bytes: 0, requests: 0, lastAt: 0, responses: [], firstEnds: new Map() };
  const conditions = profile && {
    offline: false,
    latency: profile.rttMs,
    downloadThroughput: (profile.mbitPerS * 1e6) / 8,
    uploadThroughput: (profile.mbitPerS * 1e6) / 8,
  };
  // One map for all targets: a dedicated worker's script is requested in the page's target and
  // finishes in the worker's; request ids are unique across targets.
  const pending = new Map<
    string,
    { url: string; by: string; startAt: number; received: number; ownScript: boolean }
  >();
  const local = new Set<string>();
  const arrived = (url: string) =>
    tally.firstEnds.set(url, Math.min(Date.now(), tally.firstEnds.get(url) ?? Infinity));
  const counter = (by: string, ownUrl: string) => (message: ChildMessage) => {
    const { method, params } = message;
    const id = params?.requestId;
    if (!id) return;
    const url = params.request?.url ?? "";
    if (method === "Network.requestWillBeSent" && /^https?:/.test(url))
      pending.set(id, { url, by, startAt: Date.now(), received: 0, ownScript: url === ownUrl });
    const request = pending.get(id);
    const r = params.response;
    if (
      method === "Network.responseReceived" &&
      (r?.fromServiceWorker || r?.fromDiskCache || r?.fromPrefetchCache)
    )
      local.add(id);
    if (!request) return;
    const finished = method === "Network.loadingFinished" || method === "Network.loadingFailed";
    // A worker fetching its own script again (to keep it for offline use) is not its arrival.
    if (finished && !request.ownScript) arrived(request.url);
    if (local.has(id)) return;
    if (method === "Network.dataReceived") request.received += params.encodedDataLength ?? 0;
    // WebAssembly.compileStreaming cancels its fetch once the module is compiled, all bytes in:
    // DevTools reports that as failed (net::ERR_ABORTED), so a failure counts what had arrived.
    if (finished) {
      pending.delete(id);
      const bytes = Math.max(params.encodedDataLength ?? 0, request.received);
      // Nothing received, not even headers: a worker's script served by the service worker.
      if (bytes === 0) return;
      tally.bytes += bytes;
      tally.requests++;
      tally.lastAt = Date.now();
      tally.responses.push({
        url: request.url,
        by: request.by,
        startAt: request.startAt,
        endAt: tally.lastAt,
        bytes,
      });
    }
  };

  const cdp = await context.newCDPSession(page);
  const onPage = counter("page", "");
  for (const method of NETWORK_EVENTS) cdp.on(method, (params) => onPage({ method, params } as ChildMessage));
  await cdp.send("Network.enable");
  if (conditions) await cdp.send("Network.emulateNetworkConditions", conditions);
  await attachWorkers(cdp, conditions, counter);
  return tally;
}

/**
 * Worker targets through the page's session in non-flattened mode: Playwright's CDPSession drops
 * events of flattened child sessions it did not create, while `receivedMessageFromTarget` reaches
 * us. Each worker waits for the debugger until it is throttled and counted.
 */
async function attachWorkers(
  cdp: CDPSession,
  conditions: object | undefined,
  counter: (by: string, ownUrl: string) => (message: ChildMessage) => void,
): Promise<void> {
  const children = new Map<string, (message: ChildMessage) => void>();
  let nextId = 1;
  cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
    children.set(sessionId, counter(targetInfo.type, targetInfo.url));
    const send = (method: string, params: object = {}) =>
      void cdp
        .send("Target.sendMessageToTarget", {
          sessionId,
          message: JSON.stringify({ id: nextId++, method, params }),
        })
        .catch(() => undefined); // the worker may be gone already
    send("Network.enable");
    if (conditions) send("Network.emulateNetworkConditions", conditions);
    send("Runtime.runIfWaitingForDebugger");
  });
  cdp.on("Target.receivedMessageFromTarget", ({ sessionId, message }) =>
    children.get(sessionId)?.(JSON.parse(message) as ChildMessage),
  );
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
}

/**
 * A loopback TCP proxy in front of the server that counts the bytes the server sends: what crossed
 * the wire, whichever target (page, worker, service worker) asked for it and however it was cached.
 */
export function countingProxy(
  serverPort: number,
): Promise<{ port: number; bytes: () => number; close: () => void }> {
  let sent = 0;
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const server = connect(serverPort, "127.0.0.1");
    sockets.add(client).add(server);
    server.on("data", (chunk: Buffer) => {
      sent += chunk.length;
    });
    client.pipe(server).pipe(client);
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", close);
    server.on("error", close);
    client.on("close", close);
    server.on("close", close);
  });
  return new Promise((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(0, "127.0.0.1", () => {
      const address = proxy.address();
      if (typeof address !== "object" || !address) return reject(new Error("proxy: no port"));
      const close = () => {
        proxy.close();
        for (const socket of sockets) socket.destroy();
      };
      resolve({ port: address.port, bytes: () => sent, close });
    });
  });
}

/** A response on a timeline: its file name (hash kept), who fetched it, start and end in ms from `t0`. */
export interface TimedDownload {
  file: string;
  by: string;
  startMs: number;
  endMs: number;
  bytes: number;
}

/** The responses that finished by `until`, timed from `t0` (all `Date.now()`). */
export function downloadsUntil(tally: WireTally, t0: number, until: number): TimedDownload[] {
  return tally.responses
    .filter((r) => r.endAt <= until)
    .map((r) => ({
      file: new URL(r.url).pathname.split("/").pop() || "/",
      by: r.by,
      startMs: r.startAt - t0,
      endMs: r.endAt - t0,
      bytes: r.bytes,
    }));
}

/**
 * When the last URL matching `files` had first arrived (`Date.now()`, 0 if none did): a later request of a
 * URL (a worker keeping its own script for offline use) doesn't count.
 */
export function firstDownloadsEnd(tally: WireTally, files: RegExp): number {
  let end = 0;
  for (const [url, at] of tally.firstEnds) if (files.test(new URL(url).pathname)) end = Math.max(end, at);
  return end;
}
