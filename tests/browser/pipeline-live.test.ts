import { afterAll, beforeAll, expect, test } from "vitest";
import image10 from "../fixtures/photos/image10.jpg?url";
import image1 from "../fixtures/photos/image1.jpg?url";
import labels from "../fixtures/photos/labels.json";
import { PipelineClient } from "../../src/workers/pipeline-client.ts";
import { assertRead } from "../fixtures/read-result.ts";

const bitmapOf = async (url: string) => createImageBitmap(await (await fetch(url)).blob());
/** A VideoFrame of the photo, as the live page sends (a camera frame). */
const videoFrameOf = async (url: string) => new VideoFrame(await bitmapOf(url), { timestamp: 0 });

const client = new PipelineClient();
beforeAll(() => client.warmUp(), 240_000);
afterAll(() => client.dispose());

test("detectGrid finds the grid in a camera frame, in the frame's own pixels, and closes the frame", async () => {
  const frame = await videoFrameOf(image10);
  const sighting = await client.detectGrid(frame);
  expect(sighting.kind).toBe("grid");
  if (sighting.kind !== "grid") return;
  // Hand-measured top-left and bottom-right corners of image10.jpg (640 × 480), within 2 %.
  expect(Math.hypot(sighting.corners[0].x - 91, sighting.corners[0].y - 58)).toBeLessThan(13);
  expect(Math.hypot(sighting.corners[2].x - 568, sighting.corners[2].y - 458)).toBeLessThan(13);
  expect(sighting.matchingClues).toBeUndefined();
  // Transferred: the page's handle is detached, and the worker closed its own.
  expect(frame.format).toBeNull();
});

test("detectGrid reports no grid in a frame without one", async () => {
  const canvas = new OffscreenCanvas(640, 480);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "rgb(96 88 78)";
  ctx.fillRect(0, 0, 640, 480);
  const blank = new VideoFrame(canvas, { timestamp: 0 });
  expect(await client.detectGrid(blank)).toEqual({ kind: "none" });
});

test("readFrames fuses three frames into the right digits; a clue check tells this puzzle from another", async () => {
  const frames = await Promise.all([videoFrameOf(image10), bitmapOf(image10), videoFrameOf(image10)]);
  const result = await client.readFrames(frames);
  assertRead(result);
  const digits = result.cells.map((c) => c.digit);
  expect(digits.join("")).toBe(labels["image10.jpg"]);
  const clues = digits.flatMap((digit, index) => (digit ? [{ index, digit }] : [])).slice(0, 5);
  const check = { rotation: result.rotation, clues };
  const same = await client.detectGrid(await videoFrameOf(image10), check);
  const other = await client.detectGrid(await videoFrameOf(image1), check);
  expect(same).toMatchObject({ kind: "grid", matchingClues: 5 });
  expect(other.kind).toBe("grid");
  if (other.kind === "grid") expect(other.matchingClues).toBeLessThan(4);
});
