import { describe, expect, it } from "vitest";
import { describeParseError, gridToString } from "../../src/solver/format.ts";
import { parseGrid } from "../../src/solver/parse.ts";

const NORVIG = "003020600900305001001806400008102900700000008006708200002609500800203009005010300";

describe("parseGrid", () => {
  it("reads digits, with '.' and '0' as blanks", () => {
    const parsed = parseGrid(NORVIG);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.grid).toHaveLength(81);
    expect(parsed.grid[2]).toBe(3);
    expect(parsed.grid[0]).toBe(0);
    expect(gridToString(parsed.grid)).toBe(NORVIG.replaceAll("0", "."));
    expect(gridToString(parsed.grid, "0")).toBe(NORVIG);
  });

  it("ignores whitespace and line breaks", () => {
    const rows = NORVIG.replaceAll("0", ".").match(/.{9}/g)!;
    const parsed = parseGrid(`  ${rows.join("\r\n")}\n\t`);
    expect(parsed.ok && gridToString(parsed.grid)).toBe(NORVIG.replaceAll("0", "."));
  });

  it("names the position, row, column and character of a bad character", () => {
    const text = `${NORVIG.slice(0, 9)}\n${NORVIG.slice(9, 12)}x${NORVIG.slice(13)}`;
    expect(parseGrid(text)).toEqual({
      ok: false,
      error: { kind: "bad-character", position: 14, row: 2, col: 4, char: "x" },
    });
  });

  it("counts a character outside the basic plane as one character", () => {
    const parsed = parseGrid(`🙂${NORVIG.slice(1)}`);
    expect(parsed).toEqual({
      ok: false,
      error: { kind: "bad-character", position: 1, row: 1, col: 1, char: "🙂" },
    });
    expect(parsed.ok || describeParseError(parsed.error)).toBe(
      `character "🙂" at position 1 (row 1, column 1) is not 1-9, '.' or '0'`,
    );
  });

  it("reports the cell count of a grid of the wrong length", () => {
    expect(parseGrid(NORVIG.slice(1))).toEqual({ ok: false, error: { kind: "wrong-length", count: 80 } });
    expect(parseGrid(`${NORVIG}12`)).toEqual({ ok: false, error: { kind: "wrong-length", count: 83 } });
    // Characters past the 81st cell count towards the length instead of being judged one by one.
    expect(parseGrid(`${NORVIG}x`)).toEqual({ ok: false, error: { kind: "wrong-length", count: 82 } });
    const empty = parseGrid("  \n");
    expect(empty.ok || describeParseError(empty.error)).toBe("expected 81 cells, found 0");
  });
});
