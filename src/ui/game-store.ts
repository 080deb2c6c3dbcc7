import {
  DEFAULT_SETTINGS,
  decodePuzzle,
  decodeSettings,
  encodePuzzle,
  encodeSettings,
  type DecodeFailure,
  type SavedPuzzle,
  type Settings,
} from "./saved-game.ts";

const PUZZLE_KEY = "sudoku-lens:puzzle";
const SETTINGS_KEY = "sudoku-lens:settings";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** `localStorage`, or null where the browser refuses it (blocked storage, some private modes). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const WHY: Record<DecodeFailure, string> = {
  foreign: "not from this app",
  version: "from another version",
  corrupt: "damaged data",
};

function ignoredNote(what: "puzzle" | "settings", reason: DecodeFailure): string {
  return `The saved ${what} could not be restored (${WHY[reason]}) and ${what === "puzzle" ? "was" : "were"} ignored.`;
}

/**
 * The puzzle in progress and the hint settings, kept in localStorage so a reload or a closed tab loses
 * nothing. Unusable stored data is dropped with a note; storage errors (full, blocked) are never fatal.
 */
export class GameStore {
  constructor(private readonly storage: KeyValueStorage | null) {}

  loadPuzzle(): { puzzle: SavedPuzzle | null; note: string | null } {
    const text = this.read(PUZZLE_KEY);
    if (text === null) return { puzzle: null, note: null };
    const decoded = decodePuzzle(text);
    if (decoded.ok) return { puzzle: decoded.value, note: null };
    this.remove(PUZZLE_KEY);
    return { puzzle: null, note: ignoredNote("puzzle", decoded.reason) };
  }

  loadSettings(): { settings: Settings; note: string | null } {
    const text = this.read(SETTINGS_KEY);
    if (text === null) return { settings: DEFAULT_SETTINGS, note: null };
    const decoded = decodeSettings(text);
    if (decoded.ok) return { settings: decoded.value, note: null };
    this.remove(SETTINGS_KEY);
    return { settings: DEFAULT_SETTINGS, note: ignoredNote("settings", decoded.reason) };
  }

  /** Saves the puzzle, or forgets it when there is none (an empty grid). */
  savePuzzle(puzzle: SavedPuzzle | null): void {
    if (puzzle === null) this.remove(PUZZLE_KEY);
    else this.write(PUZZLE_KEY, encodePuzzle(puzzle));
  }

  saveSettings(settings: Settings): void {
    this.write(SETTINGS_KEY, encodeSettings(settings));
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Full or blocked storage: the page keeps working, only the reload loses the grid.
    }
  }

  private remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // As above.
    }
  }
}
