import { createCanvas, type Canvas } from "@napi-rs/canvas";
import { mapCorners, type Corners, type Point } from "../../src/shared/image.ts";
import { invertHomography, squareToQuad } from "../../src/shared/homography.ts";
import type { Rng } from "../digits/rng.ts";
import { pixelNoise } from "./fast-noise.ts";
import type { CameraStyle, PageStyle, Rgb } from "./design.ts";
import type { RenderedPage } from "./print-page.ts";

/** The JPEG a camera (or a screenshot) makes of a rendered page, and where the grid's corners are in it. */
export function shoot(
  rng: Rng,
  rendered: RenderedPage,
  camera: CameraStyle,
  page: PageStyle,
): { jpeg: Buffer; corners: Corners } {
  if (camera.kind === "screenshot") {
    return { jpeg: rendered.canvas.encodeSync("jpeg", camera.jpegQuality), corners: rendered.grid };
  }
  const photo = createCanvas(camera.width, camera.height);
  const ctx = photo.getContext("2d");
  const img = ctx.createImageData(camera.width, camera.height);
  const quad = placeGrid(rng, camera);
  projectPage(rng, rendered, quad, camera, page.surround, page.crumple, img.data);
  light(rng, camera, img.data);
  ctx.putImageData(img, 0, 0);
  const soft = camera.blur > 0.25 ? blurred(photo, camera.blur) : photo;
  const sctx = soft.getContext("2d");
  const out = sctx.getImageData(0, 0, camera.width, camera.height);
  addNoise(rng, out.data, camera.noise);
  sctx.putImageData(out, 0, 0);
  const final = turned(soft, camera.quarterTurns);
  const corners = mapCorners(quad, (p) => turnPoint(p, camera.quarterTurns, photo, final));
  return { jpeg: final.encodeSync("jpeg", camera.jpegQuality), corners };
}

/** Where the grid's corners land in the photo: a rotated square of the chosen size, pushed about by perspective. */
function placeGrid(rng: Rng, camera: CameraStyle): Corners {
  const { width: w, height: h } = camera;
  for (let side = camera.fill * Math.min(w, h); ; side *= 0.92) {
    const cos = Math.cos(camera.angle);
    const sin = Math.sin(camera.angle);
    const reach = (side / 2) * (Math.abs(cos) + Math.abs(sin)) * (1 + 2 * camera.perspective);
    const cx = w / 2 + rng.uniform(-1, 1) * Math.max(0, w / 2 - reach);
    const cy = h / 2 + rng.uniform(-1, 1) * Math.max(0, h / 2 - reach);
    // A tilt towards one edge narrows that edge (keystone) on top of independent corner jitter.
    const keystone = rng.uniform(-1, 1) * camera.perspective;
    const vertical = rng.chance(0.5);
    const corners = [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ].map(([u, v]): Point => {
      const k = 1 + keystone * (vertical ? v! : u!);
      const x = (u! * (vertical ? k : 1) * side) / 2 + rng.uniform(-1, 1) * camera.perspective * side;
      const y = (v! * (vertical ? 1 : k) * side) / 2 + rng.uniform(-1, 1) * camera.perspective * side;
      return { x: cx + x * cos - y * sin, y: cy + x * sin + y * cos };
    });
    const inside = corners.every((p) => p.x >= 2 && p.y >= 2 && p.x <= w - 3 && p.y <= h - 3);
    if (inside || side < 40) return [corners[0]!, corners[1]!, corners[2]!, corners[3]!];
  }
}

/**
 * Fills `out` (RGBA, camera size) by sampling the page through the inverse perspective map, with
 * the page's curl and bumps as a smooth displacement; outside the page lies the surround.
 */
function projectPage(
  rng: Rng,
  rendered: RenderedPage,
  quad: Corners,
  camera: CameraStyle,
  surround: Rgb,
  crumple: number,
  out: Uint8ClampedArray,
): void {
  const pw = rendered.canvas.width;
  const ph = rendered.canvas.height;
  const src = rendered.canvas.getContext("2d").getImageData(0, 0, pw, ph).data;
  const src32 = new Uint32Array(src.buffer, src.byteOffset, pw * ph);
  const out32 = new Uint32Array(out.buffer, out.byteOffset, out.length / 4);
  const background = (0xff000000 | (surround[2] << 16) | (surround[1] << 8) | surround[0]) >>> 0;
  const inverse = invertHomography(squareToQuad(quad));
  const [g0, g1, , g3] = rendered.grid;
  const gx = g0.x;
  const gy = g0.y;
  const gw = g1.x - g0.x;
  const gh = g3.y - g0.y;
  const waves = Array.from({ length: 3 }, (_, i) => ({
    amp: (i === 2 ? crumple * 0.006 : camera.curl) * rng.uniform(0.3, 1),
    fu: rng.uniform(0.2, 1.2) * (i === 2 ? 4 : 1),
    fv: rng.uniform(0.2, 1.2) * (i === 2 ? 4 : 1),
    phase: rng.uniform(0, 2 * Math.PI),
    axis: i % 2,
  }));
  const active = waves.filter((wave) => wave.amp > 0);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = inverse;
  const { width: w, height: h } = camera;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const z = m6 * px + m7 * py + m8;
      let u = (m0 * px + m1 * py + m2) / z;
      let v = (m3 * px + m4 * py + m5) / z;
      for (const wave of active) {
        const d = wave.amp * Math.sin(2 * Math.PI * (wave.fu * u + wave.fv * v) + wave.phase);
        if (wave.axis === 0) u += d;
        else v += d;
      }
      const sx = gx + u * gw - 0.5;
      const sy = gy + v * gh - 0.5;
      const o = y * w + x;
      if (sx < 0 || sy < 0 || sx > pw - 1 || sy > ph - 1) {
        out32[o] = background;
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * pw + x0;
      const dx = x0 + 1 < pw ? 1 : 0;
      const dy = y0 + 1 < ph ? pw : 0;
      out32[o] = bilinear(src32[i]!, src32[i + dx]!, src32[i + dy]!, src32[i + dy + dx]!, fx, fy);
    }
  }
}

/** Bilinear mix of four little-endian RGBA pixels (one 32-bit read each, not four byte reads). */
function bilinear(a: number, b: number, c: number, d: number, fx: number, fy: number): number {
  const wa = (1 - fx) * (1 - fy);
  const wb = fx * (1 - fy);
  const wc = (1 - fx) * fy;
  const wd = fx * fy;
  const r = (a & 255) * wa + (b & 255) * wb + (c & 255) * wc + (d & 255) * wd;
  const g = ((a >>> 8) & 255) * wa + ((b >>> 8) & 255) * wb + ((c >>> 8) & 255) * wc + ((d >>> 8) & 255) * wd;
  const bl =
    ((a >>> 16) & 255) * wa + ((b >>> 16) & 255) * wb + ((c >>> 16) & 255) * wc + ((d >>> 16) & 255) * wd;
  return (0xff000000 | (Math.round(bl) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
}

/** Uneven light: a brightness ramp, a shadow edge or diagonal bands (blinds), glare, white balance. */
function light(rng: Rng, camera: CameraStyle, data: Uint8ClampedArray): void {
  const { width: w, height: h, shadow, tint } = camera;
  const diag = Math.hypot(w, h);
  const ramp = rng.uniform(0, 2 * Math.PI);
  const [rx, ry] = [Math.cos(ramp) / diag, Math.sin(ramp) / diag];
  const edgeAngle = rng.uniform(0, 2 * Math.PI);
  const [ex, ey] = [Math.cos(edgeAngle), Math.sin(edgeAngle)];
  const edgeAt = rng.uniform(-0.25, 0.25) * diag;
  const softness = diag * rng.uniform(0.005, 0.05);
  const period = diag * rng.uniform(0.08, 0.25);
  const glare = {
    x: rng.uniform(0.2, 0.8) * w,
    y: rng.uniform(0.2, 0.8) * h,
    r: diag * rng.uniform(0.06, 0.2),
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let gain = 1 - camera.gradient * (0.5 + (x - w / 2) * rx + (y - h / 2) * ry);
      const along = (x - w / 2) * ex + (y - h / 2) * ey;
      if (shadow.kind === "edge") gain *= 1 - shadow.depth * smoothstep((along - edgeAt) / softness);
      if (shadow.kind === "bands") {
        gain *=
          1 - shadow.depth * smoothstep(Math.sin((2 * Math.PI * along) / period) * (period / softness / 6));
      }
      const g2 = ((x - glare.x) ** 2 + (y - glare.y) ** 2) / glare.r ** 2;
      const white = camera.glare * Math.exp(-g2);
      const o = (y * w + x) * 4;
      for (let c = 0; c < 3; c++) {
        const v = data[o + c]! * gain * tint[c]!;
        data[o + c] = v + (255 - v) * white;
      }
    }
  }
}

/** 0 below −1, 1 above 1, smooth in between. */
function smoothstep(t: number): number {
  const s = Math.min(1, Math.max(0, (t + 1) / 2));
  return s * s * (3 - 2 * s);
}

function blurred(photo: Canvas, sigma: number): Canvas {
  const out = createCanvas(photo.width, photo.height);
  const ctx = out.getContext("2d");
  ctx.filter = `blur(${sigma.toFixed(2)}px)`;
  ctx.drawImage(photo, 0, 0);
  return out;
}

function addNoise(rng: Rng, data: Uint8ClampedArray, sigma: number): void {
  if (sigma <= 0) return;
  const { normal } = pixelNoise(rng.int(1, 2 ** 31));
  for (let i = 0; i < data.length; i += 4) {
    // Mostly luminance noise with a little colour, as phone sensors after denoising leave it.
    const l = sigma * normal();
    for (let c = 0; c < 3; c++) data[i + c] = data[i + c]! + l + sigma * 0.3 * normal();
  }
}

function turned(photo: Canvas, quarterTurns: number): Canvas {
  if (quarterTurns % 4 === 0) return photo;
  const swap = quarterTurns % 2 === 1;
  const out = createCanvas(swap ? photo.height : photo.width, swap ? photo.width : photo.height);
  const ctx = out.getContext("2d");
  ctx.translate(out.width / 2, out.height / 2);
  ctx.rotate((quarterTurns * Math.PI) / 2);
  ctx.drawImage(photo, -photo.width / 2, -photo.height / 2);
  return out;
}

/** Where `p` of `from` lands after `turned` made `to` (clockwise quarter turns about the centre). */
function turnPoint(p: Point, quarterTurns: number, from: Canvas, to: Canvas): Point {
  const x = p.x - from.width / 2;
  const y = p.y - from.height / 2;
  const [cos, sin] = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ][quarterTurns % 4]!;
  return { x: x * cos! - y * sin! + to.width / 2, y: x * sin! + y * cos! + to.height / 2 };
}
