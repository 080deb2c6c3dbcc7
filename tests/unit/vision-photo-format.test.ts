import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { checkPhotoBytes, headerSize, sniffFormat } from "../../src/vision/photo-format.ts";

const jpeg = new Uint8Array(readFileSync(new URL("../fixtures/photos/image1.jpg", import.meta.url)));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A PNG signature + IHDR chunk header claiming width × height (no pixel data needed to refuse it). */
function pngHeader(width: number, height: number): Uint8Array {
  const out = new Uint8Array(33);
  out.set(bytes("\x89PNG\r\n\x1a\n", [0, 0, 0, 13], "IHDR"));
  const view = new DataView(out.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return out;
}

describe("photo format checks before decoding", () => {
  test("a real JPEG passes and its size is read from the header, past its EXIF block", () => {
    expect(sniffFormat(jpeg)).toBe("jpeg");
    expect(headerSize(jpeg, "jpeg")).toEqual({ width: 640, height: 480 });
    expect(checkPhotoBytes(jpeg)).toBeUndefined();
  });

  test("an empty file and a text file named .jpg are not images", () => {
    expect(checkPhotoBytes(new Uint8Array())).toMatchObject({ code: "not-an-image" });
    expect(checkPhotoBytes(bytes("hello, I am a shopping list\n"))).toMatchObject({ code: "not-an-image" });
    expect(checkPhotoBytes(bytes("%PDF-1.7\n"))).toMatchObject({ code: "not-an-image" });
  });

  test("HEIC is recognised (decoding is tried, the browser may refuse); SVG and TIFF are refused by name", () => {
    expect(sniffFormat(bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0]))).toBe("heic");
    expect(sniffFormat(bytes([0, 0, 0, 24], "ftypavif"))).toBe("avif");
    expect(checkPhotoBytes(bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      code: "unsupported-format",
      format: "SVG",
    });
    expect(checkPhotoBytes(bytes("II*\0", [8, 0, 0, 0]))).toEqual({
      code: "unsupported-format",
      format: "TIFF",
    });
  });

  test("20,000 × 20,000 is refused as too large and 40 × 40 as too small, from the header alone", () => {
    expect(checkPhotoBytes(pngHeader(20_000, 20_000))).toEqual({
      code: "too-large",
      width: 20_000,
      height: 20_000,
    });
    expect(checkPhotoBytes(pngHeader(40, 40))).toEqual({ code: "too-small", width: 40, height: 40 });
    expect(checkPhotoBytes(pngHeader(4032, 3024))).toBeUndefined();
  });

  test("a truncated JPEG still sniffs as JPEG (the decoder then reports it)", () => {
    const truncated = jpeg.subarray(0, 300);
    expect(sniffFormat(truncated)).toBe("jpeg");
    expect(() => checkPhotoBytes(truncated)).not.toThrow();
  });
});
