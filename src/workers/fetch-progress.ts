import { fetchKept } from "./keep-downloads.ts";

/**
 * Fetches `url` whole (through `fetchKept`), reporting bytes as they stream in: the first visit downloads
 * megabytes, and a real progress bar beats a spinner. `total` is 0 when the server sends no length.
 */
export async function fetchWithProgress(
  url: string | URL,
  onBytes: (loaded: number, total: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetchKept(url);
  if (!response.ok || !response.body)
    throw new Error(`could not download ${String(url)}: HTTP ${response.status}`);
  // With Content-Encoding, Content-Length counts compressed bytes and the body decoded ones: unknown total.
  const declared = response.headers.has("content-encoding")
    ? 0
    : Number(response.headers.get("content-length") ?? 0);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onBytes(loaded, Math.max(declared, loaded));
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  onBytes(loaded, loaded);
  return out;
}
