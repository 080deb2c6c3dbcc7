import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type * as Tf from "@tensorflow/tfjs";
import type { TfModule } from "../../src/iris/predict.ts";

export const WEIGHTS_FILE = "weights.bin";

/** model.json + the weights as one binary, captured in memory through `tf.io.withSaveHandler`. */
export interface SerialisedModel {
  readonly modelJson: Tf.io.ModelJSON;
  readonly weights: Uint8Array;
}

export async function serialiseModel(tf: TfModule, model: Tf.LayersModel): Promise<SerialisedModel> {
  let captured: SerialisedModel | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { modelTopology, weightSpecs, weightData } = artifacts;
      if (!modelTopology || !weightSpecs || !weightData) throw new Error("Model artifacts are incomplete.");
      const weights = new Uint8Array(tf.io.concatenateArrayBuffers(weightData));
      captured = {
        modelJson: {
          modelTopology,
          format: "layers-model",
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
          convertedBy: null,
          weightsManifest: [{ paths: [WEIGHTS_FILE], weights: weightSpecs }],
        },
        weights,
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!captured) throw new Error("The save handler was not called.");
  return captured;
}

export function writeModelFiles(dir: string, model: SerialisedModel): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "model.json"), `${JSON.stringify(model.modelJson)}\n`);
  writeFileSync(join(dir, WEIGHTS_FILE), model.weights);
}

/** An IOHandler over a serialised model: how Node loads what the browser fetches over HTTP. */
export function modelFromMemory(tf: TfModule, model: SerialisedModel): Tf.io.IOHandler {
  const { modelTopology, weightsManifest } = model.modelJson;
  const weightSpecs = weightsManifest.flatMap((group) => group.weights);
  const weightData = model.weights.slice().buffer;
  return tf.io.fromMemory({ modelTopology, weightSpecs, weightData });
}

export function readModelFiles(dir: string): SerialisedModel {
  const modelJson = JSON.parse(readFileSync(join(dir, "model.json"), "utf8")) as Tf.io.ModelJSON;
  return { modelJson, weights: new Uint8Array(readFileSync(join(dir, WEIGHTS_FILE))) };
}
