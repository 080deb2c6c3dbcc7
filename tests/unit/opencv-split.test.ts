import { expect, test } from "vitest";
import { splitOpenCV } from "../../tooling/opencv-split.ts";

const WASM = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const base64 = Buffer.from(WASM).toString("base64");
/** The shape of the single-file OpenCV.js build, reduced to the parts the split touches. */
const build = (payload: string) =>
  `var dataURIPrefix="data:application/octet-stream;base64,";var wasmBinaryFile="data:application/octet-stream;base64,${payload}";` +
  `if (typeof Module === 'undefined') var Module = {};\nreturn cv(Module);`;

test("the inlined wasm becomes its own file and the module takes its arguments from the loader", () => {
  const { js, wasm } = splitOpenCV(build(base64));
  expect(wasm).toEqual(WASM);
  expect(js).not.toContain(base64);
  expect(js).toContain('var wasmBinaryFile=""');
  expect(js).toContain('var dataURIPrefix="data:application/octet-stream;base64,"');
  expect(js).toContain("return cv(Object.assign(Module, openCvModuleArgs));");
});

test("a build of another shape is refused instead of split wrongly", () => {
  expect(() => splitOpenCV(build(base64).replace("return cv(Module);", ""))).toThrow(/exactly once/);
  expect(() => splitOpenCV(build(base64) + build(base64))).toThrow(/expected 1 inlined wasm, found 2/);
  expect(() => splitOpenCV(build(Buffer.from("not wasm").toString("base64")))).toThrow(/not wasm/);
});
