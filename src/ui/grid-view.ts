import { cellDescription, cellName, digitOf, shownDigit, shownRunnerUp, type Board } from "./board.ts";
import { markDescriptions, NO_MARKS, type GridMarks } from "./grid-marks.ts";

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** What the grid reports beyond edits: G pressed on a cell (clue ⇄ entry), and a new selection. */
export interface GridViewHooks {
  onToggleKind?: (index: number) => void;
  onSelect?: (index: number) => void;
}

/**
 * The accessible 9×9 grid (proxx's model): one tab stop with a roving tabindex, arrows move, 1–9 type,
 * Backspace/Delete/0 clear, G turns a digit from clue to entry and back. It only renders a Board and
 * reports edits; it holds no sudoku state of its own.
 */
export class GridView {
  readonly element: HTMLElement;
  private readonly cells: HTMLElement[] = [];
  /** Descriptions live outside the cells so a cell's text stays exactly its digit. */
  private readonly descriptions: HTMLElement[] = [];
  private active = 0;

  constructor(
    host: HTMLElement,
    private readonly onEdit: (index: number, digit: number) => void,
    private readonly hooks: GridViewHooks = {},
  ) {
    this.element = document.createElement("div");
    this.element.className = "grid";
    this.element.setAttribute("role", "grid");
    this.element.setAttribute("aria-label", "Sudoku");
    this.element.setAttribute("aria-describedby", "grid-help");
    if (hooks.onToggleKind) this.element.setAttribute("aria-keyshortcuts", "G");
    const descHost = document.createElement("div");
    descHost.hidden = true;
    for (let r = 0; r < 9; r++) {
      const row = document.createElement("div");
      row.setAttribute("role", "row");
      row.className = "grid-row";
      for (let c = 0; c < 9; c++) {
        const index = r * 9 + c;
        const cell = document.createElement("div");
        cell.setAttribute("role", "gridcell");
        cell.className = "cell";
        cell.dataset["index"] = String(index);
        cell.tabIndex = index === 0 ? 0 : -1;
        const desc = document.createElement("span");
        desc.id = `cell-desc-${index}`;
        descHost.append(desc);
        this.cells.push(cell);
        this.descriptions.push(desc);
        row.append(cell);
      }
      this.element.append(row);
    }
    this.element.addEventListener("keydown", (e) => this.onKey(e));
    this.element.addEventListener("click", (e) => {
      const cell = (e.target as HTMLElement).closest<HTMLElement>(".cell");
      if (cell) this.select(Number(cell.dataset["index"]));
    });
    host.append(this.element, descHost);
  }

  get selected(): number {
    return this.active;
  }

  select(index: number, focus = true): void {
    this.cells[this.active]!.tabIndex = -1;
    this.active = index;
    const cell = this.cells[index]!;
    cell.tabIndex = 0;
    if (focus) cell.focus();
    this.hooks.onSelect?.(index);
  }

  render(board: Board, marks: GridMarks = NO_MARKS): void {
    // Pencil marks take a blank's place, so the solver's digit is not shown under them.
    const hideSolved = marks.hideSolution || marks.candidates !== null;
    board.forEach((state, i) => {
      const cell = this.cells[i]!;
      const shown = shownDigit(state, hideSolved);
      const candidates = shown === 0 ? (marks.candidates?.[i] ?? 0) : 0;
      cell.replaceChildren(shown ? String(shown) : pencilMarks(candidates, marks.hint?.removes.get(i) ?? 0));
      cell.setAttribute("aria-label", cellName(i, state, hideSolved));
      const description = [cellDescription(state, hideSolved), ...markDescriptions(i, marks)]
        .filter(Boolean)
        .join("; ");
      this.descriptions[i]!.textContent = description;
      if (description) cell.setAttribute("aria-describedby", `cell-desc-${i}`);
      else cell.removeAttribute("aria-describedby");
      cell.classList.toggle("given", state.given !== 0);
      cell.classList.toggle("entry", state.entry !== 0);
      cell.classList.toggle("solved", shown !== 0 && digitOf(state) === 0);
      cell.classList.toggle("conflict", state.conflict);
      cell.classList.toggle("doubt", state.doubt !== null);
      cell.classList.toggle("wrong", marks.wrong.has(i));
      cell.classList.toggle("hint-area", marks.hint?.area.has(i) ?? false);
      cell.classList.toggle("hint-proof", marks.hint?.proof.has(i) ?? false);
      cell.classList.toggle("hint-target", marks.hint?.target.has(i) ?? false);
      const alt = shownRunnerUp(state, hideSolved);
      if (alt) cell.dataset["alt"] = alt.digit === 0 ? "·" : String(alt.digit);
      else delete cell.dataset["alt"];
    });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = ARROWS[e.key];
    if (move) {
      const r = Math.min(8, Math.max(0, Math.floor(this.active / 9) + move[0]));
      const c = Math.min(8, Math.max(0, (this.active % 9) + move[1]));
      this.select(r * 9 + c);
    } else if (e.key === "Home" || e.key === "End") {
      const rowStart = this.active - (this.active % 9);
      this.select(e.key === "Home" ? rowStart : rowStart + 8);
    } else if (/^[1-9]$/.test(e.key)) {
      this.onEdit(this.active, Number(e.key));
    } else if (e.key === "Backspace" || e.key === "Delete" || e.key === "0") {
      this.onEdit(this.active, 0);
    } else if ((e.key === "g" || e.key === "G") && this.hooks.onToggleKind) {
      this.hooks.onToggleKind(this.active);
    } else {
      return;
    }
    e.preventDefault();
  }
}

/**
 * A 3×3 block of pencil marks drawn by CSS from data attributes, so the cell's text stays exactly its digit
 * (empty here); candidates a hint removes are marked for striking through.
 */
function pencilMarks(candidates: number, removes: number): HTMLElement | string {
  if (candidates === 0) return "";
  const block = document.createElement("span");
  block.className = "marks";
  block.setAttribute("aria-hidden", "true");
  for (let d = 1; d <= 9; d++) {
    const mark = document.createElement("span");
    const bit = 1 << (d - 1);
    if (candidates & bit) mark.dataset["d"] = String(d);
    if (removes & bit) mark.className = "removed";
    block.append(mark);
  }
  return block;
}
