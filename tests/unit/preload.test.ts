import { expect, test } from "vitest";
import { mayPreload } from "../../src/ui/preload.ts";

test("the reader preloads unless the browser asks to save data or the connection is 2G", () => {
  expect(mayPreload(undefined)).toBe(true);
  expect(mayPreload({ effectiveType: "4g", saveData: false })).toBe(true);
  expect(mayPreload({ effectiveType: "3g" })).toBe(true);
  expect(mayPreload({ effectiveType: "4g", saveData: true })).toBe(false);
  expect(mayPreload({ effectiveType: "2g" })).toBe(false);
  expect(mayPreload({ effectiveType: "slow-2g" })).toBe(false);
});
