import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";

export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

/** Saves `model` as `dir/model.json` + one `dir/weights.bin`, the layout `tf.loadLayersModel(url)` reads. */
export async function saveModelFiles(model: tf.LayersModel, dir: string): Promise<number> {
  let bytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error("model has no weights");
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      bytes = weights.byteLength;
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      const json = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs }],
      };
      await writeFile(join(dir, MODEL_JSON), JSON.stringify(json));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return bytes;
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
