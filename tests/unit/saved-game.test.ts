import { describe, expect, it } from "vitest";
import { GameStore, type KeyValueStorage } from "../../src/ui/game-store.ts";
import {
  DEFAULT_SETTINGS,
  decodePuzzle,
  decodeSettings,
  encodePuzzle,
  encodeSettings,
  type SavedPuzzle,
} from "../../src/ui/saved-game.ts";

function puzzle(): SavedPuzzle {
  const clues = new Uint8Array(81);
  const entries = new Uint8Array(81);
  const reads: SavedPuzzle["reads"] = Array.from({ length: 81 }, () => null);
  clues[0] = 5;
  reads[0] = {
    digit: 5,
    confidence: 0.62,
    candidates: [
      { digit: 5, p: 0.62 },
      { digit: 6, p: 0.3 },
    ],
  };
  reads[1] = { digit: 0, confidence: 0.99, candidates: [{ digit: 0, p: 0.99 }] };
  entries[40] = 7;
  entries[41] = 3;
  // A handwritten 3 read from the photo: its reading stands on the entry.
  reads[41] = { digit: 3, confidence: 0.8, candidates: [{ digit: 3, p: 0.8 }], handwritten: 0.97 };
  const eliminated = new Uint16Array(81);
  eliminated[2] = 0b100010001;
  return { clues, entries, reads, eliminated };
}

/** The stored JSON of a good puzzle with one field replaced. */
function tampered(field: string, value: unknown): string {
  return JSON.stringify({ ...JSON.parse(encodePuzzle(puzzle())), [field]: value });
}

describe("saved puzzle", () => {
  it("round-trips clues, entries, readings with their probabilities, and removed candidates", () => {
    const decoded = decodePuzzle(encodePuzzle(puzzle()));
    expect(decoded).toEqual({ ok: true, value: puzzle() });
  });

  it("ignores data that is not ours or from another version", () => {
    expect(decodePuzzle('{"todo":["milk"]}')).toEqual({ ok: false, reason: "foreign" });
    expect(decodePuzzle("[1,2,3]")).toEqual({ ok: false, reason: "foreign" });
    expect(decodePuzzle("null")).toEqual({ ok: false, reason: "foreign" });
    expect(decodePuzzle(tampered("version", 0))).toEqual({ ok: false, reason: "version" });
    expect(decodePuzzle(tampered("version", 3))).toEqual({ ok: false, reason: "version" });
  });

  it("still loads a version 1 save (readings on clues only, no handwriting)", () => {
    const reads = [
      { digit: 5, confidence: 0.62, candidates: [{ digit: 5, p: 0.62 }] },
      ...Array(80).fill(null),
    ];
    const v1 = JSON.stringify({
      app: "sudoku-lens",
      version: 1,
      clues: "5" + "0".repeat(80),
      entries: "0".repeat(40) + "7" + "0".repeat(40),
      reads,
      eliminated: Array(81).fill(0),
    });
    const decoded = decodePuzzle(v1);
    expect(decoded.ok && decoded.value.reads[0]).toEqual(reads[0]);
    expect(decoded.ok && decoded.value.entries[40]).toBe(7);
    expect(JSON.parse(encodePuzzle(puzzle()))).toMatchObject({ version: 2 });
  });

  it.each([
    ["not JSON", "{clues: 5"],
    ["a short grid", tampered("clues", "5".repeat(80))],
    ["a letter in the grid", tampered("entries", "x" + "0".repeat(80))],
    ["a clue and an entry in one cell", tampered("entries", "1" + "0".repeat(80))],
    ["a reading that is not the clue", tampered("clues", "6" + "0".repeat(80))],
    ["a reading that is not the entry", tampered("entries", "0".repeat(40) + "79" + "0".repeat(39))],
    [
      "a handwriting probability above 1",
      tampered("reads", [
        { digit: 5, confidence: 1, candidates: [], handwritten: 1.5 },
        ...Array(80).fill(null),
      ]),
    ],
    [
      "80 readings",
      tampered(
        "reads",
        Array.from({ length: 80 }, () => null),
      ),
    ],
    [
      "a probability above 1",
      tampered("reads", [{ digit: 5, confidence: 2, candidates: [] }, ...Array(80).fill(null)]),
    ],
    ["a candidate mask above 9 bits", tampered("eliminated", [512, ...Array(80).fill(0)])],
    ["a missing field", tampered("eliminated", undefined)],
  ])("flags %s as damaged", (_what, text) => {
    expect(decodePuzzle(text)).toEqual({ ok: false, reason: "corrupt" });
  });
});

describe("saved settings", () => {
  it("round-trip; anything else is refused", () => {
    const settings = { hideSolution: true, showCandidates: false };
    expect(decodeSettings(encodeSettings(settings))).toEqual({ ok: true, value: settings });
    const bad = JSON.stringify({ ...JSON.parse(encodeSettings(settings)), hideSolution: "yes" });
    expect(decodeSettings(bad)).toEqual({ ok: false, reason: "corrupt" });
    expect(decodeSettings("42")).toEqual({ ok: false, reason: "foreign" });
    const v1 = '{"app":"sudoku-lens","version":1,"hideSolution":false,"showCandidates":true}';
    expect(decodeSettings(v1)).toEqual({ ok: true, value: { hideSolution: false, showCandidates: true } });
  });
});

/** localStorage's interface over a Map, optionally failing every call as a blocked storage does. */
class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly blocked = false) {}
  getItem(key: string): string | null {
    if (this.blocked) throw new DOMException("blocked", "SecurityError");
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.blocked) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.blocked) throw new DOMException("blocked", "SecurityError");
    this.items.delete(key);
  }
}

describe("GameStore", () => {
  it("saves, loads and forgets the puzzle and the settings", () => {
    const storage = new MapStorage();
    const store = new GameStore(storage);
    expect(store.loadPuzzle()).toEqual({ puzzle: null, note: null });
    expect(store.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, note: null });
    store.savePuzzle(puzzle());
    store.saveSettings({ hideSolution: true, showCandidates: true });
    const again = new GameStore(storage);
    expect(again.loadPuzzle()).toEqual({ puzzle: puzzle(), note: null });
    expect(again.loadSettings().settings).toEqual({ hideSolution: true, showCandidates: true });
    again.savePuzzle(null);
    expect(again.loadPuzzle().puzzle).toBeNull();
  });

  it("drops damaged or foreign data with a note, once", () => {
    const storage = new MapStorage();
    storage.setItem("sudoku-lens:puzzle", "{broken");
    storage.setItem("sudoku-lens:settings", '{"theme":"dark"}');
    const store = new GameStore(storage);
    expect(store.loadPuzzle()).toEqual({
      puzzle: null,
      note: "The saved puzzle could not be restored (damaged data) and was ignored.",
    });
    expect(store.loadSettings()).toEqual({
      settings: DEFAULT_SETTINGS,
      note: "The saved settings could not be restored (not from this app) and were ignored.",
    });
    expect(store.loadPuzzle()).toEqual({ puzzle: null, note: null });
  });

  it("never throws when storage is blocked or missing", () => {
    for (const store of [new GameStore(new MapStorage(true)), new GameStore(null)]) {
      expect(() => store.savePuzzle(puzzle())).not.toThrow();
      expect(() => store.saveSettings(DEFAULT_SETTINGS)).not.toThrow();
      expect(store.loadPuzzle()).toEqual({ puzzle: null, note: null });
      expect(store.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, note: null });
    }
  });
});
