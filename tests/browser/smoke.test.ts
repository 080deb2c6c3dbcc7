import { expect, test } from "vitest";
test("browser project runs in Chromium", () => expect(navigator.userAgent).toContain("Chrome"));
