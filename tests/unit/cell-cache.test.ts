import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MODEL_INPUT_PX } from "../../src/digits/geometry.ts";
import { cacheKey, cachedExamples } from "../../training/digits/cell-cache.ts";
import type { Example } from "../../training/digits/dataset.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cell-cache-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Examples whose inputs hold values a byte would round (thirds), so a lossy cache shows. */
function examples(count: number, seed: number): Example[] {
  return Array.from({ length: count }, (_, i) => ({
    label: (i + seed) % 19,
    input: Float32Array.from({ length: MODEL_INPUT_PX ** 2 }, (_, k) => ((i * 7 + k + seed) % 3) / 3),
  }));
}

test("cached examples come back bit for bit without being made again, until the key changes", async () => {
  const file = join(dir, "cells", "gen.bin");
  let made = 0;
  const make = (seed: number) => async () => (made++, examples(5, seed));
  const first = await cachedExamples(file, "key-a", make(1));
  const again = await cachedExamples(file, "key-a", make(2));
  expect(made).toBe(1);
  expect(again.map((e) => e.label)).toEqual(first.map((e) => e.label));
  again.forEach((e, i) => expect(Array.from(e.input)).toEqual(Array.from(first[i]!.input)));
  const changed = await cachedExamples(file, "key-b", make(2));
  expect(made).toBe(2);
  expect(changed.map((e) => e.label)).toEqual(examples(5, 2).map((e) => e.label));
  expect((await cachedExamples(file, "key-b", make(3))).map((e) => e.label)).toEqual(
    changed.map((e) => e.label),
  );
  expect(made).toBe(2);
});

test("the key follows every file's bytes under the given paths", async () => {
  const folder = join(dir, "photos");
  await mkdir(join(folder, "sub"), { recursive: true });
  await writeFile(join(folder, "labels.json"), "{}");
  await writeFile(join(folder, "sub", "a.jpg"), "jpeg bytes");
  const source = join(dir, "source.ts");
  await writeFile(source, "export const x = 1;");
  const key = await cacheKey([folder, source]);
  expect(await cacheKey([folder, source])).toBe(key);
  await writeFile(join(folder, "sub", "a.jpg"), "other bytes");
  const photoChanged = await cacheKey([folder, source]);
  expect(photoChanged).not.toBe(key);
  await writeFile(source, "export const x = 2;");
  expect(await cacheKey([folder, source])).not.toBe(photoChanged);
});
