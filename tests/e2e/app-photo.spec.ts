import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCanvas, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import { expect, test, type Page } from "@playwright/test";

// public/samples/sample.jpg (attribution in public/samples/README.md): its printed digits and solution.
const SAMPLE = fileURLToPath(new URL("../../public/samples/sample.jpg", import.meta.url));
const SAMPLE_CLUES = "030000040000503000019060320300407006400801007800206003056040830000605000080000090";
const SAMPLE_SOLUTION = "637928541248513769519764328391457286462831957875296413756149832923685174184372695";

// Each test reads at least one photo; the first read in a fresh page loads OpenCV.js and the model.
test.setTimeout(120_000);
// The service worker's background precache only costs CPU here; app-offline.spec.ts covers it.
test.use({ serviceWorkers: "block" });

function gridText(page: Page): Promise<string> {
  return page
    .getByRole("grid", { name: "Sudoku" })
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => c.textContent || "0").join(""));
}

function givenText(page: Page): Promise<string> {
  return page
    .getByRole("grid", { name: "Sudoku" })
    .getByRole("gridcell")
    .evaluateAll((cells) => cells.map((c) => (c.classList.contains("given") ? c.textContent : "0")).join(""));
}

const status = (page: Page) => page.locator("#status");
const photoInput = (page: Page) => page.getByLabel("Choose a photo");

test("upload a photo: the grid shows the right solution, drawn over the photo", async ({
  page,
}, testInfo) => {
  const origins = new Set<string>();
  page.on("request", (request) => origins.add(new URL(request.url()).origin));
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await page.goto("./");
  // Every text the progress region shows, in order (the first photo downloads OpenCV.js and the model).
  await page.evaluate(() => {
    const region = document.getElementById("progress-text")!;
    const seen: string[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => seen.push(region.textContent ?? "")).observe(region, { childList: true });
  });
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  const seen = await page.evaluate(() => (window as Window & { progressSeen?: string[] }).progressSeen ?? []);
  expect(
    seen.some((t) =>
      /^Downloading OpenCV\.js( and the digit model)? \(first use only\): [\d.]+ [kM]B of [\d.]+ MB$/.test(t),
    ),
  ).toBe(true);
  expect(seen).toContain("Finding the grid…");
  expect(seen).toContain("Reading the digits…");
  expect(await givenText(page)).toBe(SAMPLE_CLUES);
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
  await expect(page.locator("#progress-text")).toContainText("Read 30 digits");
  await expect(page.locator("#progress-text")).not.toContainText("pixels across");

  // The overlay holds drawn digits: enough painted pixels, in the answer's blue.
  const overlay = page.getByRole("img", { name: "The solution drawn over the photo" });
  await expect(overlay).toBeVisible();
  const painted = await overlay.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let blue = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 3]! > 200 && data[i + 2]! > 150 && data[i]! < 100) blue++;
    return { blue, total: canvas.width * canvas.height };
  });
  expect(painted.blue).toBeGreaterThan(painted.total * 0.002);

  await expect(page.getByRole("button", { name: "Download as PNG" })).toBeEnabled();
  // Pointing at the photo controls after a read leaves its summary in place.
  await page.getByRole("button", { name: "Use the camera" }).hover();
  await page.waitForTimeout(300);
  await expect(page.locator("#progress-text")).toContainText("Read 30 digits");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as PNG" }).click();
  expect((await download).suggestedFilename()).toBe("sudoku-solution.png");
  const exported = await loadImage(await (await download).path());
  expect([exported.width, exported.height]).toEqual([720, 960]);

  await testInfo.attach("desktop", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await page.screenshot({
    path: join(testInfo.project.outputDir, "screenshots/desktop.png"),
    fullPage: true,
  });

  // The debug view needs the stage images, so turning it on after a read offers to read again.
  await page.getByLabel("Show each step (debug)").check();
  await page.getByRole("button", { name: "Read the photo again with the steps" }).click();
  const steps = page.getByRole("region", { name: "Steps" });
  await expect(steps.getByRole("table", { name: "Time per step" })).toBeVisible({ timeout: 60_000 });
  await expect(steps.getByRole("img", { name: "Straightened grid" })).toBeVisible();
  await expect(steps.getByRole("img", { name: /^Cell r\dc\d: / })).toHaveCount(81);
  await expect(steps.getByRole("img", { name: /^Cell r1c2: 3 \d+%$/ })).toBeVisible();
  await page.screenshot({
    path: join(testInfo.project.outputDir, "screenshots/desktop-debug.png"),
    fullPage: true,
  });

  // Photo, download and debug view done: every request stayed on the page's origin, and the CSP held.
  expect([...origins]).toEqual([new URL(page.url()).origin]);
  expect(cspViolations).toEqual([]);
});

test("a misread cell is flagged with its runner-up, and the repair proposal fixes it", async ({ page }) => {
  // TEST HOOK (src/ui/test-hooks.ts): r1c2 (index 1, printed 3) comes out as 4 at p = 0.6, 3 runner-up.
  // The 4 clashes with the 4 printed at r1c8, so the read grid has a conflict.
  await page.goto("./?test-misread=1,4");
  await photoInput(page).setInputFiles(SAMPLE);
  const misread = page.getByRole("gridcell", { name: "Row 1, column 2, 4" });
  await expect(misread).toHaveClass(/doubt/, { timeout: 90_000 });
  await expect(misread).toHaveAccessibleDescription(/doubtful: read as 4 \(60 %\), maybe 3/);
  await expect(misread).toHaveAttribute("data-alt", "3");
  await expect(status(page)).toContainText("Conflict");

  const repair = page.locator("#repair");
  await expect(repair).toContainText("Cell r1c2 read as 4, probably 3 — apply?");
  // Never applied silently.
  expect((await gridText(page))[1]).toBe("4");
  await repair.getByRole("button", { name: "Apply" }).click();
  await expect(status(page)).toHaveText("Solved.");
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
  await expect(page.getByRole("gridcell", { name: "Row 1, column 2, 3" })).not.toHaveClass(/doubt/);
});

test("a grid small in the photo is read, with the advice to take it closer", async ({ page }) => {
  // A generated 240×320 photo whose grid is about 182 px across (attribution in tests/fixtures/README.md).
  const photo = fileURLToPath(new URL("../fixtures/photos/blurred-small/s9004-0249.jpg", import.meta.url));
  await page.goto("./");
  await photoInput(page).setInputFiles(photo);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  await expect(page.locator("#progress-text")).toContainText(
    /The grid is only about 1[789]\d pixels across in this photo: a closer photo reads more reliably\./,
  );
});

test("a read whose printed digits clash beyond one misread is doubted as a whole", async ({ page }) => {
  // A generated blurred 320×240 book page (attribution in tests/fixtures/README.md): several of its printed
  // digits read as a digit their row, column or box already holds.
  const photo = fileURLToPath(new URL("../fixtures/photos/clashing/s9012-0144.jpg", import.meta.url));
  await page.goto("./");
  await photoInput(page).setInputFiles(photo);
  await expect(page.getByRole("alert")).toContainText(
    "Several printed digits read here clash with one another: this may not be the puzzle's grid",
    { timeout: 90_000 },
  );
  await expect(page.getByRole("button", { name: "Adjust corners" })).toBeVisible();
});

test("editing a read grid re-solves; Clear drops the photo", async ({ page }) => {
  await page.goto("./");
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  // Erase a clue: the puzzle gets a second solution, and the overlay keeps up.
  await page.getByRole("gridcell", { name: "Row 1, column 2, 3" }).click();
  await page.keyboard.press("Delete");
  await expect(status(page)).toContainText(/Solved\.|More than one solution/);
  await page.keyboard.press("3");
  await expect(status(page)).toHaveText("Solved.");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page.locator("#photo-figure")).toBeHidden();
  expect(await gridText(page)).toBe("0".repeat(81));
});

function png(width: number, height: number, draw: (ctx: SKRSContext2D) => void): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = ctx.strokeStyle = "#222";
  draw(ctx);
  return canvas.toBuffer("image/png");
}

/** A PNG header claiming 20,000 × 20,000 pixels: refused from the header, never decoded. */
function hugePngHeader(): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from("\x89PNG\r\n\x1a\n", "latin1").copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write("IHDR", 12, "latin1");
  header.writeUInt32BE(20_000, 16);
  header.writeUInt32BE(20_000, 20);
  header.set([8, 6, 0, 0, 0], 24);
  return header;
}

const BAD_INPUTS = [
  { name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("just some text"), says: /not an image/ },
  { name: "empty.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(0), says: /not an image.*empty/ },
  {
    name: "photo.heic",
    mimeType: "image/heic",
    buffer: Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
      Buffer.alloc(64),
    ]),
    says: /cannot decode HEIC.*JPEG/,
  },
  {
    name: "drawing.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500"><script>parent.pwned=1</script></svg>',
    ),
    says: /SVG files are not read here/,
  },
  { name: "huge.png", mimeType: "image/png", buffer: hugePngHeader(), says: /too large \(20000 × 20000/ },
  { name: "tiny.png", mimeType: "image/png", buffer: png(40, 40, () => {}), says: /too small \(40 × 40/ },
  {
    name: "note.png",
    mimeType: "image/png",
    buffer: png(640, 480, (ctx) => {
      ctx.font = "32px sans-serif";
      ctx.fillText("Not a sudoku, just a note.", 60, 240);
    }),
    says: /No sudoku grid found/,
  },
  {
    name: "blank-grid.png",
    mimeType: "image/png",
    buffer: png(640, 640, (ctx) => {
      for (let i = 0; i <= 9; i++) {
        ctx.lineWidth = i % 3 === 0 ? 6 : 2;
        ctx.beginPath();
        ctx.moveTo(50 + i * 60, 50);
        ctx.lineTo(50 + i * 60, 590);
        ctx.moveTo(50, 50 + i * 60);
        ctx.lineTo(590, 50 + i * 60);
        ctx.stroke();
      }
    }),
    says: /no digits were read/,
  },
] as const;

test("bad photos get a clear alert and keep the user's edits; a good photo still works", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("gridcell", { name: "Row 5, column 5, empty" }).click();
  await page.keyboard.press("7");
  const alert = page.getByRole("alert");
  for (const { says, ...file } of BAD_INPUTS) {
    await photoInput(page).setInputFiles(file);
    await expect(alert, file.name).toContainText(says, { timeout: 90_000 });
    await expect(page.getByRole("gridcell", { name: "Row 5, column 5, 7" })).toBeVisible();
    // No grid found: the photo stays up with corner handles to mark the grid by hand (app-corners.spec.ts).
    if (file.name === "note.png")
      await expect(page.getByRole("button", { name: "Top-left corner" })).toBeVisible();
    else await expect(page.locator("#photo-figure")).toBeHidden();
  }
  expect(await page.evaluate(() => "pwned" in window)).toBe(false);
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  await expect(page.locator("#photo-alert")).toBeEmpty();
});

test("a photo turned a quarter: read upright, answer drawn along the grid", async ({ page }, testInfo) => {
  const sample = await loadImage(SAMPLE);
  const turned = createCanvas(sample.height, sample.width);
  const ctx = turned.getContext("2d");
  ctx.translate(sample.height, 0);
  ctx.rotate(Math.PI / 2);
  ctx.drawImage(sample, 0, 0);
  await page.goto("./");
  await photoInput(page).setInputFiles({
    name: "turned.jpg",
    mimeType: "image/jpeg",
    buffer: turned.toBuffer("image/jpeg", 90),
  });
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  expect(await gridText(page)).toBe(SAMPLE_SOLUTION);
  const photo = await page.locator("#photo-figure .photo-stack").screenshot();
  await testInfo.attach("turned-overlay", { body: photo, contentType: "image/png" });
  await page
    .locator("#photo-figure .photo-stack")
    .screenshot({ path: join(testInfo.project.outputDir, "screenshots/turned-overlay.png") });
});

test("a new photo while one is being read cancels the old one", async ({ page }) => {
  await page.goto("./");
  await photoInput(page).setInputFiles(SAMPLE);
  await photoInput(page).setInputFiles({
    name: "empty.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.alloc(0),
  });
  await expect(page.getByRole("alert")).not.toBeEmpty({ timeout: 90_000 });
  // Give the cancelled read every chance to land, then check it did not.
  await page.waitForTimeout(2_000);
  expect(await gridText(page)).toBe("0".repeat(81));
  await expect(page.locator("#photo-figure")).toBeHidden();
});

test("375 px mobile layout", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("./");
  await photoInput(page).setInputFiles(SAMPLE);
  await expect(status(page)).toHaveText("Solved.", { timeout: 90_000 });
  // Nothing overflows sideways at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await testInfo.attach("mobile-375", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await page.screenshot({
    path: join(testInfo.project.outputDir, "screenshots/mobile-375.png"),
    fullPage: true,
  });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({
    path: join(testInfo.project.outputDir, "screenshots/mobile-375-dark.png"),
    fullPage: true,
  });
});
