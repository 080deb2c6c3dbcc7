import type * as tf from "@tensorflow/tfjs-core";
import { fetchWithProgress } from "./fetch-progress.ts";

/**
 * An IOHandler for the digit model that reports the weights' download in bytes (TF.js's own
 * loader only reports fractions). `modelUrl` points at `model.json`; weights sit beside it.
 */
export function modelWithProgress(
  modelUrl: URL,
  onBytes: (loaded: number, total: number) => void,
): tf.io.IOHandler {
  return {
    async load() {
      const json = (await (await fetch(modelUrl)).json()) as tf.io.ModelJSON;
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
    },
  };
}
