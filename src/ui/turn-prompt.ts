import type { ReadResult } from "../shared/reading.ts";

type Reading = Extract<ReadResult, { kind: "read" }>;

export interface TurnPromptElements {
  box: HTMLElement;
  text: HTMLElement;
  turn: HTMLButtonElement;
}

/**
 * The reading under its runner-up turn. The turn it replaces becomes the new runner-up, so a second
 * tap turns it back. Null when the orientation was certain.
 */
export function turnedReading(read: Reading): Reading | null {
  if (!read.otherTurn) return null;
  return {
    ...read,
    rotation: read.otherTurn.rotation,
    cells: read.otherTurn.cells,
    otherTurn: { rotation: read.rotation, cells: read.cells },
  };
}

/** "turned 90° clockwise", "upside down", … : how the other reading differs from the shown one. */
export function turnDescription(from: number, to: number): string {
  const quarter = (((to - from) % 4) + 4) % 4;
  return ["as shown", "turned 90° clockwise", "upside down", "turned 90° counter-clockwise"][quarter]!;
}

/**
 * Asks "Is the photo upright?" when the reader found another quarter turn almost as likely, and
 * offers the reading under that turn in one tap (already made by the worker: nothing is read again).
 */
export class TurnPrompt {
  private read: Reading | null = null;

  constructor(
    private readonly el: TurnPromptElements,
    onTurn: (read: Reading) => void,
  ) {
    el.turn.addEventListener("click", () => {
      const next = this.read && turnedReading(this.read);
      if (next) onTurn(next);
    });
  }

  /** Shows the question for `read` when its orientation is uncertain; hides it otherwise. */
  show(read: Reading | null): void {
    this.read = read;
    const other = read?.otherTurn;
    this.el.box.hidden = !other;
    if (!read || !other) return;
    this.el.text.textContent = `Is the photo upright? Its digits read almost as well ${turnDescription(read.rotation, other.rotation)}.`;
  }
}
