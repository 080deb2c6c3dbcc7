import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "public/",
      "test-results/",
      "playwright-report/",
      ".vitest-attachments/",
      "tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build DOM nodes; never inject markup." },
        { property: "outerHTML", message: "Build DOM nodes; never inject markup." },
      ],
    },
  },
);
