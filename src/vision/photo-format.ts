import { MAX_PIXELS, type PhotoError } from "../shared/reading.ts";

/** What the first bytes say a file is (extensions and MIME types lie: a renamed PDF is not a JPEG). */
export type PhotoFormat = "jpeg" | "png" | "gif" | "webp" | "bmp" | "avif" | "heic" | "tiff" | "svg";

/** Below this short side a 9×9 grid has under ~10 px per cell: nothing to read. */
export const MIN_SIDE = 100;
/**
 * The pipeline works on at most this long side: the warp shrinks the grid to 1.5 × WARP_PX anyway,
 * so more pixels only cost time as long as the grid spans ≥ 42 % of the photo's long side.
 * Browsers decode big photos already shrunk to it.
 */
export const DECODE_MAX_SIDE = 2048;

/** Display names of formats a browser may fail to decode; reported in `unsupported-format`. */
export const FORMAT_NAMES: Record<PhotoFormat, string> = {
  jpeg: "JPEG",
  png: "PNG",
  gif: "GIF",
  webp: "WebP",
  bmp: "BMP",
  avif: "AVIF",
  heic: "HEIC/HEIF",
  tiff: "TIFF",
  svg: "SVG",
};

/**
 * Never decoded: browsers don't decode TIFF, and SVG is markup that could reference other files;
 * a photo is never SVG. (HEIC is tried: Safari decodes it, Chromium does not.)
 */
const REFUSED: readonly PhotoFormat[] = ["tiff", "svg"];

export function sniffFormat(head: Uint8Array): PhotoFormat | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 2) === "BM") return "bmp";
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return "tiff";
  if (ascii(4, 8) === "ftyp") {
    const brand = ascii(8, 12);
    if (brand === "avif" || brand === "avis") return "avif";
    if (["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(brand)) return "heic";
  }
  const text = ascii(0, Math.min(head.length, 256)).trimStart().toLowerCase();
  if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.includes("<svg"))) return "svg";
  return undefined;
}

/** Width × height from the file header, without decoding; undefined when the header is unreadable. */
export function headerSize(
  bytes: Uint8Array,
  format: PhotoFormat,
): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ok = (end: number) => end <= bytes.length;
  switch (format) {
    case "png":
      return ok(24) ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined;
    case "gif":
      return ok(10) ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : undefined;
    case "bmp":
      return ok(26)
        ? { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) }
        : undefined;
    case "webp":
      return webpSize(bytes, view);
    case "jpeg":
      return jpegSize(bytes, view);
    default:
      return undefined;
  }
}

/** Walks the JPEG segments to the first start-of-frame marker (EXIF blocks come first, can be large). */
function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  if (bytes.length < 30) return undefined;
  const chunk = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunk === "VP8 ")
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    const u24 = (o: number) => bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return undefined;
}

/** The typed refusal for a file before decoding, or undefined when it is worth decoding. */
export function checkPhotoBytes(bytes: Uint8Array): PhotoError | undefined {
  if (bytes.length === 0) return { code: "not-an-image", detail: "the file is empty" };
  const format = sniffFormat(bytes.subarray(0, 512));
  if (!format) return { code: "not-an-image", detail: "the file is not a picture format we know" };
  if (REFUSED.includes(format)) return { code: "unsupported-format", format: FORMAT_NAMES[format] };
  const size = headerSize(bytes, format);
  return size ? checkPhotoSize(size.width, size.height) : undefined;
}

export function checkPhotoSize(width: number, height: number): PhotoError | undefined {
  if (width * height > MAX_PIXELS) return { code: "too-large", width, height };
  if (Math.min(width, height) < MIN_SIDE) return { code: "too-small", width, height };
  return undefined;
}
