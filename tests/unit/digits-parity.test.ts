import { beforeAll, describe, expect, test } from "vitest";
import { inputsToTensor } from "../../src/digits/classifier.ts";
import { CELL_PX, WARP_PX } from "../../src/digits/geometry.ts";
import { prepareCell } from "../../src/digits/preprocess.ts";
import { sliceCells } from "../../src/vision/cells.ts";
import type { GrayImage } from "../../src/shared/image.ts";
import { syntheticExamples, toTensors } from "../../training/digits/dataset.ts";
import { registerFonts } from "../../training/digits/fonts.ts";
import { useNodeWasmBackend } from "../../training/digits/node-backend.ts";
import { createCellRenderer } from "../../training/digits/render-cell.ts";
import { createRng } from "../../training/digits/rng.ts";
import { parityCells } from "../fixtures/digits-parity.ts";

beforeAll(async () => {
  await useNodeWasmBackend();
});

describe("preprocessing parity", () => {
  test("a cell gives the same tensor through the training path and through the app's grid slicing", () => {
    const render = createCellRenderer(registerFonts());
    const rendered: GrayImage[] = [];
    const recording = (rng: Parameters<typeof render>[0], label: number): GrayImage => {
      const cell = render(rng, label);
      rendered.push(cell);
      return cell;
    };
    const examples = syntheticExamples(recording, createRng(99), 9);
    // App path: the cells sit in a warped grid (away from its outer ring, none beside another), the
    // vision stage cuts them out, then prepareCell.
    const warped = new Uint8ClampedArray(WARP_PX * WARP_PX).fill(255);
    const spots = [10, 13, 16, 28, 31, 34, 46, 49, 52];
    rendered.forEach((cell, k) => {
      const row = Math.floor(spots[k]! / 9);
      const col = spots[k]! % 9;
      for (let y = 0; y < CELL_PX; y++) {
        warped.set(
          cell.data.subarray(y * CELL_PX, (y + 1) * CELL_PX),
          (row * CELL_PX + y) * WARP_PX + col * CELL_PX,
        );
      }
    });
    // Grid lines where the warp puts them (k × CELL_PX, so the cut stays there), each drawn on whichever
    // side of the cut leaves the rendered cells untouched.
    const isSpot = (row: number, col: number) => spots.includes(row * 9 + col);
    for (let band = 0; band < 9; band++) {
      for (let k = 1; k < 9; k++) {
        const x = isSpot(band, k - 1) ? k * CELL_PX : k * CELL_PX - 1;
        const y = isSpot(k - 1, band) ? k * CELL_PX : k * CELL_PX - 1;
        for (let t = band * CELL_PX; t < (band + 1) * CELL_PX; t++) {
          warped[t * WARP_PX + x] = 0;
          warped[y * WARP_PX + t] = 0;
        }
      }
    }
    const cut = sliceCells({ width: WARP_PX, height: WARP_PX, data: warped });
    const appTensor = inputsToTensor(spots.map((s) => prepareCell(cut[s]!).input));
    const { xs, ys } = toTensors(examples);
    try {
      expect(xs.shape).toEqual(appTensor.shape);
      expect(Array.from(xs.dataSync())).toEqual(Array.from(appTensor.dataSync()));
      expect(Math.max(...xs.dataSync())).toBeGreaterThan(0.9);
    } finally {
      for (const t of [xs, ys, appTensor]) t.dispose();
    }
  });

  test.each(parityCells())("Node reproduces the committed parity fixture (label $label)", (fixture) => {
    const prepared = prepareCell(fixture.cell);
    expect(prepared.empty).toBe(fixture.empty);
    expect(prepared.inkFraction).toBe(fixture.inkFraction);
    expect(Array.from(prepared.input)).toEqual(Array.from(fixture.input));
  });
});
