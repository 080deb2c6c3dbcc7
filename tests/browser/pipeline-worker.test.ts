import { afterAll, beforeAll, expect, test } from "vitest";
import image1 from "../fixtures/photos/image1.jpg?url";
import image1031 from "../fixtures/photos/image1031.jpg?url";
import labels from "../fixtures/photos/labels.json";
import { PipelineClient, type PipelineProgress } from "../../src/workers/pipeline-client.ts";
import { assertRead, digitString } from "../fixtures/read-result.ts";

const blobOf = async (url: string) => (await fetch(url)).blob();

// One worker for the file: the first use downloads and compiles OpenCV.js and TF.js, once.
const client = new PipelineClient();
const warmUpProgress: PipelineProgress[] = [];
beforeAll(() => client.warmUp((p) => warmUpProgress.push(p)), 240_000);
afterAll(() => client.dispose());

test("warming up reports OpenCV.js and model downloads in bytes", () => {
  for (const what of ["opencv", "model"] as const) {
    const last = warmUpProgress.filter((p) => p.kind === "download" && p.what === what).at(-1);
    expect(last).toMatchObject({ kind: "download", what });
    if (last?.kind !== "download") return;
    expect(last.loaded).toBe(last.total);
    expect(last.loaded).toBeGreaterThan(what === "opencv" ? 5_000_000 : 10_000);
  }
});

test("the worker reads a fixture photo in real Chromium, reporting each stage", async () => {
  const stages: PipelineProgress[] = [];
  const result = await client.read(await blobOf(image1), { onProgress: (p) => stages.push(p), debug: true });
  assertRead(result);
  expect(digitString(result.cells)).toBe(labels["image1.jpg"]);
  expect(result.debug?.warped).toBeInstanceOf(ImageData);
  expect(stages.map((p) => (p.kind === "stage" ? p.stage : p.kind))).toEqual([
    "load",
    "find-grid",
    "unskew",
    "cells",
    "classify",
  ]);
});

test("EXIF orientation is applied on decode and undone by the rotation check", async () => {
  const result = await client.read(await blobOf(image1031));
  assertRead(result);
  expect(result.rotation).toBe(3);
  expect(digitString(result.cells)).toBe(labels["image1031.jpg"]);
});

test("a new read cancels the previous one; an abort cancels; bad files get typed errors", async () => {
  const photo = await blobOf(image1);
  const first = client.read(photo);
  const second = client.read(photo);
  expect(await first).toEqual({ kind: "error", error: { code: "cancelled" } });
  expect((await second).kind).toBe("read");

  const aborted = new AbortController();
  const third = client.read(photo, { signal: aborted.signal });
  aborted.abort();
  expect(await third).toEqual({ kind: "error", error: { code: "cancelled" } });

  const text = new Blob(["not a photo"], { type: "image/jpeg" });
  expect(await client.read(text)).toMatchObject({ kind: "error", error: { code: "not-an-image" } });
  expect((await client.read(photo.slice(0, 2000))).kind).toBe("error");
  expect((await client.read(photo)).kind).toBe("read");
});

test("quiet settles only once the read in flight has", async () => {
  let readDone = false;
  const reading = client.read(await blobOf(image1)).then(() => (readDone = true));
  await client.quiet();
  expect(readDone).toBe(true);
  await reading;
});

test("a file that is not a photo is refused before the reader has even loaded", async () => {
  const fresh = new PipelineClient();
  try {
    let loaded = false;
    void fresh.loaded().then(() => (loaded = true));
    const text = new Blob(["not a photo"], { type: "image/jpeg" });
    expect(await fresh.read(text)).toMatchObject({ kind: "error", error: { code: "not-an-image" } });
    expect(loaded).toBe(false);
  } finally {
    fresh.dispose();
  }
});
