import { expect, test, type Page } from "@playwright/test";

const FIELDS = ["Sepal length", "Sepal width", "Petal length", "Petal width"] as const;

/** Opens the Iris page, waits for the model, and collects anything the page logs as an error. */
async function openIris(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./iris.html");
  await expect(page.locator("#verdict")).toContainText("probability", { timeout: 30_000 });
  return errors;
}

const verdict = (page: Page) => page.locator("#verdict");
const field = (page: Page, name: string) => page.getByLabel(name, { exact: false });

test("classifies the classic flowers typed into the form", async ({ page }) => {
  const errors = await openIris(page);
  await expect(verdict(page)).toHaveAttribute("aria-live", "polite");
  const cases = [
    [["5.1", "3.5", "1.4", "0.2"], "setosa"],
    [["6.7", "3.0", "5.2", "2.3"], "virginica"],
    [["5.9", "2.8", "4.3", "1.3"], "versicolor"],
  ] as const;
  for (const [values, species] of cases) {
    for (const [i, value] of values.entries()) await field(page, FIELDS[i]!).fill(value);
    await expect(verdict(page)).toContainText(`Iris ${species}`);
    const meter = page.getByRole("meter", { name: `Iris ${species}` });
    await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow"))).toBeGreaterThan(50);
    // The loss rows follow the same prediction: the predicted species has the smallest loss.
    const losses = await page.locator(".loss-rows strong").allTextContents();
    const smallest = losses.map(Number).indexOf(Math.min(...losses.map(Number)));
    expect(["setosa", "versicolor", "virginica"][smallest]).toBe(species);
  }
  expect(errors).toEqual([]);
});

test("predicts, with a caution, for plausible measurements outside the training data", async ({ page }) => {
  const errors = await openIris(page);
  await field(page, "Petal length").fill("12");
  await expect(verdict(page)).toContainText("probability");
  await expect(page.locator(".caution")).toContainText(
    "Petal length 12 cm is outside the flowers the model learned from",
  );
  await field(page, "Petal length").fill("1.4");
  await expect(page.locator(".caution")).toBeEmpty();
  expect(errors).toEqual([]);
});

test("the example buttons fill in a flower of each species from the data", async ({ page }) => {
  const errors = await openIris(page);
  await page.getByRole("button", { name: /Iris versicolor/ }).click();
  await expect(field(page, "Sepal length")).toHaveValue("7");
  await expect(verdict(page)).toContainText("Iris versicolor");
  await page.getByRole("button", { name: /Iris virginica/ }).click();
  await expect(verdict(page)).toContainText("Iris virginica");
  expect(errors).toEqual([]);
});

test("invalid measurements show their message next to the field and no prediction", async ({ page }) => {
  const errors = await openIris(page);
  const petalWidth = field(page, "Petal width");
  const cases = [
    ["", "Enter the petal width in centimetres."],
    ["-1", "Petal width cannot be negative."],
    ["0", "Petal width must be more than 0 cm."],
    ["45", "Petal width over 30 cm is implausible for an iris."],
  ] as const;
  for (const [value, message] of cases) {
    await petalWidth.fill(value);
    await expect(petalWidth).toHaveAttribute("aria-invalid", "true");
    await expect(petalWidth).toHaveAccessibleDescription(message);
    await expect(page.getByText(message, { exact: true })).toBeVisible();
    await expect(verdict(page)).toHaveText(`No prediction: ${message}`);
    await expect(page.getByRole("table", { name: "Model output per species" })).toBeHidden();
  }

  // Text a number input cannot parse: its value reads "" but the browser flags badInput.
  await petalWidth.fill("");
  await petalWidth.pressSequentially("1e");
  await expect(petalWidth).toHaveAccessibleDescription(
    "Petal width must be a number of centimetres, such as 5.1.",
  );

  await petalWidth.fill("0.2");
  await expect(petalWidth).not.toHaveAttribute("aria-invalid");
  await expect(verdict(page)).toContainText("Iris setosa");
  expect(errors).toEqual([]);
});

test("the worked example shows p(Rabbit) 0.9788 and loss 0.0215, and follows edits", async ({ page }) => {
  const errors = await openIris(page);
  const result = page.locator("output.loss-result");
  await expect(result).toHaveText("Loss = −ln p(Rabbit) = −ln 0.9788 = 0.0215");
  const rabbitRow = page.getByRole("row", { name: /^Rabbit/ });
  await expect(rabbitRow).toContainText("0.9788");

  // Rabbit 8 → 4: p = e⁴ / (e¹ + e⁴ + e⁴ + e²) = 0.45764, loss = −ln 0.45764 = 0.78165.
  await page.getByLabel("Rabbit", { exact: true }).fill("4");
  await expect(result).toHaveText("Loss = −ln p(Rabbit) = −ln 0.4576 = 0.7817");
  await page.getByLabel("True class").selectOption("Dog");
  // p(Dog) = e¹ / 119.3027 = 0.02278, loss = 3.7817.
  await expect(result).toHaveText("Loss = −ln p(Dog) = −ln 0.0228 = 3.7817");

  const cat = page.getByLabel("Cat", { exact: true });
  await cat.fill("");
  await expect(cat).toHaveAttribute("aria-invalid", "true");
  await expect(cat).toHaveAccessibleDescription("Enter a logit for Cat.");
  await expect(result).toHaveText("Fix the highlighted logit to see the loss.");
  expect(errors).toEqual([]);
});

test("works with the keyboard alone", async ({ page }) => {
  const errors = await openIris(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Sudoku solver" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Sudoku solver" })).toHaveAttribute("href", "./index.html");
  for (const [i, value] of ["6.7", "3.0", "5.2", "2.3"].entries()) {
    await page.keyboard.press("Tab");
    await expect(field(page, FIELDS[i]!)).toBeFocused();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(value);
  }
  await expect(verdict(page)).toContainText("Iris virginica");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /Iris setosa/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(verdict(page)).toContainText("Iris setosa");
  expect(errors).toEqual([]);
});

test("retrains the same recipe in the page, draws the loss curve and predicts with the new model", async ({
  page,
}) => {
  const errors = await openIris(page);
  await page.getByRole("button", { name: "Train in the browser" }).click();
  const status = page.locator(".retrain-status");
  await expect(status).toContainText("Done", { timeout: 60_000 });

  const chart = page.getByRole("img", { name: /Training loss per epoch: 60 epochs/ });
  const label = (await chart.getAttribute("aria-label")) ?? "";
  const [first, last] = [...label.matchAll(/\d+\.\d{4}/g)].map((m) => Number(m[0]));
  expect(last!).toBeLessThan(first! / 10);
  // Same data, split, seeds and cpu backend as `npm run train:iris`: the same test accuracy as shipped.
  const shipped = (await page.locator("footer").textContent())?.match(/([\d.]+)\s%\saccuracy/)?.[1];
  expect(shipped).toBeDefined();
  await expect(status).toContainText(`test accuracy ${shipped}`);

  for (const [i, value] of ["6.7", "3.0", "5.2", "2.3"].entries()) await field(page, FIELDS[i]!).fill(value);
  await expect(verdict(page)).toContainText("Iris virginica");
  expect(errors).toEqual([]);
});
