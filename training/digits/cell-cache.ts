import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { MODEL_INPUT_PX } from "../../src/digits/geometry.ts";
import type { Example } from "./dataset.ts";

const INPUT_LENGTH = MODEL_INPUT_PX * MODEL_INPUT_PX;

/**
 * A folder's training examples as they were made last time, when `key` (see `cacheKey`) is the same;
 * otherwise `make`s them and keeps them in `file`. Cutting the cells of 2,000 generated photos takes
 * about 40 minutes of one core, and each training process (one per core) needs all of them.
 * The inputs are kept as float32, bit for bit: a cached run trains exactly as an uncached one.
 */
export async function cachedExamples(
  file: string,
  key: string,
  make: () => Promise<Example[]>,
): Promise<Example[]> {
  if (existsSync(file)) {
    const bytes = await readFile(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.toString("utf8", 4, 4 + headerLength)) as { key: string; count: number };
    if (header.key === key) return decode(bytes.subarray(4 + headerLength), header.count);
  }
  const examples = await make();
  const header = Buffer.from(JSON.stringify({ key, count: examples.length }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed: a run killed mid-write leaves no truncated cache, and two training
  // processes cutting the same folder at once each write whole files.
  const part = `${file}.${process.pid}.part`;
  await writeFile(part, Buffer.concat([length, header, encode(examples)]));
  await rename(part, file);
  return examples;
}

/** Labels (one byte each), then the inputs (float32, little-endian as on every machine we train on). */
function encode(examples: readonly Example[]): Buffer {
  const labels = Buffer.from(examples.map((e) => e.label));
  const inputs = new Float32Array(examples.length * INPUT_LENGTH);
  examples.forEach((e, i) => inputs.set(e.input, i * INPUT_LENGTH));
  return Buffer.concat([labels, Buffer.from(inputs.buffer)]);
}

function decode(body: Buffer, count: number): Example[] {
  // Copied to a fresh, aligned buffer: a Float32Array view needs a 4-byte-aligned offset.
  const inputs = new Float32Array(count * INPUT_LENGTH);
  new Uint8Array(inputs.buffer).set(body.subarray(count, count + inputs.byteLength));
  return Array.from({ length: count }, (_, i) => ({
    label: body[i]!,
    input: inputs.subarray(i * INPUT_LENGTH, (i + 1) * INPUT_LENGTH),
  }));
}

/**
 * A key for everything cut examples depend on: the bytes of every file in `paths` (folders are
 * walked), so editing the app's vision or preprocessing code, regenerating a photo folder or
 * retraining the model that turns the cells upright cuts the cells again.
 */
export async function cacheKey(paths: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const path of paths) {
    for (const file of await filesUnder(path)) {
      hash.update(relative(path, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [path];
  const nested = await Promise.all(
    entries.sort((a, b) => (a.name < b.name ? -1 : 1)).map((entry) => filesUnder(join(path, entry.name))),
  );
  return nested.flat();
}
