import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { toFloat16 } from "./float16.ts";

export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

/**
 * Saves `model` as `dir/model.json` + one `dir/weights.bin`, the layout `tf.loadLayersModel(url)` reads.
 * @param precision "float16" halves the download (models that ship); training keeps float32 between stages
 * @returns the size of the weights file in bytes
 */
export async function saveModelFiles(
  model: tf.LayersModel,
  dir: string,
  precision: "float32" | "float16" = "float32",
): Promise<number> {
  let bytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error("model has no weights");
      const { specs, weights } =
        precision === "float16"
          ? halfWeights(artifacts.weightSpecs, artifacts.weightData)
          : { specs: artifacts.weightSpecs, weights: tf.io.CompositeArrayBuffer.join(artifacts.weightData) };
      bytes = weights.byteLength;
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: specs }],
      };
      await writeFile(join(dir, MODEL_JSON), JSON.stringify(json));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return bytes;
}

/** The weights as IEEE halves, each spec marked so that TF.js widens them again when it loads them. */
function halfWeights(
  specs: tf.io.WeightsManifestEntry[],
  data: tf.io.WeightData,
): { specs: tf.io.WeightsManifestEntry[]; weights: ArrayBuffer } {
  if (specs.some((s) => s.dtype !== "float32" || s.quantization)) {
    throw new Error("only unquantised float32 weights can be stored as float16");
  }
  const values = new Float32Array(tf.io.CompositeArrayBuffer.join(data));
  return {
    specs: specs.map((s) => ({ ...s, quantization: { dtype: "float16", original_dtype: "float32" } })),
    weights: toFloat16(values).buffer,
  };
}

/** An IOHandler reading `dir/model.json` and its weights from disk: the Node twin of a model URL. */
export function modelFilesHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(await readFile(join(dir, MODEL_JSON), "utf8")) as tf.io.ModelJSON;
      const manifest = json.weightsManifest;
      const buffers = await Promise.all(manifest.flatMap((g) => g.paths.map((p) => readFile(join(dir, p)))));
      const weightData = tf.io.CompositeArrayBuffer.join(
        buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)),
      );
      return {
        modelTopology: json.modelTopology,
        weightSpecs: manifest.flatMap((g) => g.weights),
        weightData,
        format: json.format,
        generatedBy: json.generatedBy,
      };
    },
  };
}
