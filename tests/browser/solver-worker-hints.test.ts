import { afterEach, describe, expect, it } from "vitest";
import { parseGrid } from "../../src/solver/parse.ts";
import type { Grid } from "../../src/solver/types.ts";
import { SolverClient } from "../../src/workers/solver-client.ts";

function grid(text: string): Grid {
  const parsed = parseGrid(text);
  if (!parsed.ok) throw new Error("bad fixture");
  return parsed.grid;
}

const PUZZLE = grid("530070000600195000098000060800060003400803001700020006060000280000419005000080079");
const SOLUTION = "534678912672195348198342567859761423426853791713924856961537284287419635345286179";
/** Norvig's "impossible" puzzle: proving it has no solution takes seconds of search. */
const PATHOLOGICAL = grid(
  ".....5.8....6.1.43..........1.5........1.6...3.......553.....61........4.........",
);

describe("hints in the solver worker", () => {
  let client: SolverClient;
  afterEach(() => client.dispose());

  it("gives a step, checks entries and rates the puzzle off the main thread", async () => {
    client = new SolverClient();
    const entries = new Uint8Array(81);
    entries[3] = 9; // r1c4 is 6
    const [hint, check, rating] = await Promise.all([
      client.hint({ clues: PUZZLE, entries: new Uint8Array(81), eliminated: new Uint16Array(81) }),
      client.check(PUZZLE, entries),
      client.rate(PUZZLE, entries),
    ]);
    // A hint and a check share one worker: the check, asked last, cancelled the hint.
    expect(hint).toEqual({ kind: "cancelled" });
    expect(check).toEqual({ kind: "checked", wrong: [3], entries: 1 });
    expect(rating).toMatchObject({ kind: "rated" });
    const again = await client.hint({
      clues: PUZZLE,
      entries: new Uint8Array(81),
      eliminated: new Uint16Array(81),
    });
    expect(again.kind).toBe("step");
    if (again.kind === "step")
      for (const p of again.step.placements) expect(String(p.digit)).toBe(SOLUTION[p.cell]);
  });

  it("an aborted hint resolves cancelled and leaves the worker usable", async () => {
    client = new SolverClient();
    const controller = new AbortController();
    const pending = client.hint(
      { clues: PATHOLOGICAL, entries: new Uint8Array(81), eliminated: new Uint16Array(81) },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ kind: "cancelled" });
    expect((await client.check(PUZZLE, new Uint8Array(81))).kind).toBe("checked");
  });
});
