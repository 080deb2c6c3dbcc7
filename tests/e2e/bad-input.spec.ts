import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { expect, test, type Page } from "@playwright/test";

// The cases app-photo.spec.ts leaves out (text, empty, HEIC, SVG, header-only huge PNG, tiny, no grid and
// blank grid are there): a cut-short JPEG, a real 20,000 × 20,000 PNG, an upside-down photo, two grids, and a
// good photo arriving while a slow one is read. After each: a clear alert, edits kept, good photos work.

const SAMPLE = fileURLToPath(new URL("../../public/samples/sample.jpg", import.meta.url));
const SAMPLE_SOLUTION = "637928541248513769519764328391457286462831957875296413756149832923685174184372695";

test.setTimeout(180_000);
test.use({ serviceWorkers: "block" });

const photoInput = (page: Page) => page.getByLabel("Choose a photo");
const status = (page: Page) => page.locator("#status");

function gridText(page: Page): Promise<string> {
  return page
    .getByRole("grid", { name: "Sudoku" })
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid white 1-bit PNG: 400 megapixels that deflate to a few dozen kilobytes. */
function hugeWhitePng(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter, no interlace
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(raw, y * row.length);
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function typeSeven(page: Page): Promise<void> {
  await page.getByRole("gridcell", { name: "Row 5, column 5, empty" }).click();
  await page.keyboard.press("7");
}

async function expectEditKept(page: Page): Promise<void> {
  await expect(page.getByRole("gridcell", { name: "Row 5, column 5, 7" })).toBeVisible();
}

test("a cut-short JPEG and a 20,000 × 20,000 PNG get clear alerts, edits stay, a good photo still works", async ({
  page,
}) => {
  const sample = readFileSync(SAMPLE);
  const huge = hugeWhitePng(20_000);
  expect(huge.length).toBeLessThan(1 << 20);
  const cases = [
    {
      file: { name: "cut.jpg", mimeType: "image/jpeg", buffer: sample.subarray(0, 600) },
      says: /not an image this browser can read|No sudoku grid found/,
    },
    {
      file: { name: "huge.png", mimeType: "image/png", buffer: huge },
      says: /too large \(20000 × 20000 pixels/,
    },
  ];
  await page.goto("./");
  await typeSeven(page);
  for (const { file, says } of cases) {
    await photoInput(page).setInputFiles(file);
    await expect(page.getByRole("alert"), file.name).toContainText(says, { timeout: 90_000 });
    await expectEditKept(page);
  }
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
});

test("an upside-down photo is read upright", async ({ page }) => {
  const image = await loadImage(SAMPLE);
  const turned = createCanvas(image.width, image.height);
  const ctx = turned.getContext("2d");
  ctx.translate(image.width, image.height);
  ctx.rotate(Math.PI);
  ctx.drawImage(image, 0, 0);
  await page.goto("./");
  await photoInput(page).setInputFiles({
    name: "upside-down.jpg",
    mimeType: "image/jpeg",
    buffer: turned.toBuffer("image/jpeg", 90),
  });
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
});

test("two grids in one photo: the larger is read, and the page says so", async ({ page }) => {
  const image = await loadImage(SAMPLE);
  const both = createCanvas(image.width * 2, image.height);
  const ctx = both.getContext("2d");
  ctx.fillStyle = "white";
  ctx.fillRect(0, 0, both.width, both.height);
  ctx.drawImage(image, 0, 0);
  ctx.drawImage(image, image.width + 60, 200, image.width * 0.6, image.height * 0.6);
  await page.goto("./");
  await photoInput(page).setInputFiles({
    name: "two.jpg",
    mimeType: "image/jpeg",
    buffer: both.toBuffer("image/jpeg", 90),
  });
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
  await expect(page.getByRole("alert")).toContainText(
    "More than one grid was in the photo; the largest one was read.",
  );
});

test("a slow photo replaced by a good one: the good one's answer stays", async ({ page }) => {
  // A 12-megapixel noise photo keeps the reader busy for a while and would end in "no grid".
  const noise = createCanvas(3000, 4000);
  const ctx = noise.getContext("2d");
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${(i * 47) % 360} 60% ${30 + (i % 5) * 10}%)`;
    ctx.fillRect((i * 173) % 3000, (i * 311) % 4000, 200, 150);
  }
  await page.goto("./");
  await photoInput(page).setInputFiles({
    name: "slow.jpg",
    mimeType: "image/jpeg",
    buffer: noise.toBuffer("image/jpeg", 95),
  });
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  // Give the replaced read every chance to land, then check it did not.
  await page.waitForTimeout(3_000);
  await expect(status(page)).toHaveText("Solved.");
  await expect(page.locator("#photo-alert")).toBeEmpty();
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
});
