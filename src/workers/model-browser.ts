import type * as tf from "@tensorflow/tfjs-core";
import { fetchWithProgress } from "./fetch-progress.ts";
import { fetchKept } from "./keep-downloads.ts";

/**
 * An IOHandler for the digit model that reports the weights' download in bytes (TF.js's own
 * loader only reports fractions). `modelUrl` points at `model.json`; weights sit beside it. The
 * download starts at once, beside OpenCV.js and TF.js's wasm, not when TF.js first asks for the model
 * (after its backend is up).
 */
export function modelWithProgress(
  modelUrl: URL,
  onBytes: (loaded: number, total: number) => void,
): tf.io.IOHandler {
  const artifacts = downloadModel(modelUrl, onBytes);
  // A failure surfaces when TF.js asks for the model, not as an unhandled rejection before that.
  artifacts.catch(() => undefined);
  return { load: () => artifacts };
}

async function downloadModel(
  modelUrl: URL,
  onBytes: (loaded: number, total: number) => void,
): Promise<tf.io.ModelArtifacts> {
  const response = await fetchKept(modelUrl);
  if (!response.ok) throw new Error(`could not download ${modelUrl.href}: HTTP ${response.status}`);
  const json = (await response.json()) as tf.io.ModelJSON;
  const paths = json.weightsManifest.flatMap((group) => group.paths);
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const total = specs.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let before = 0;
  for (const path of paths) {
    const part = await fetchWithProgress(new URL(path, modelUrl), (loaded) =>
      onBytes(before + loaded, Math.max(total, before + loaded)),
    );
    before += part.length;
    parts.push(part);
  }
  onBytes(before, before);
  return {
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: parts.map((p) => p.buffer),
    format: json.format,
    generatedBy: json.generatedBy,
  };
}
