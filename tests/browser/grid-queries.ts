/** What the browser tests read off a rendered sudoku grid inside `host`. */
export function gridQueries(host: HTMLElement) {
  const cells = () => Array.from(host.querySelectorAll<HTMLElement>('[role="gridcell"]'));
  /** The 81 cells' digits, `0` for an empty cell. */
  const text = () =>
    cells()
      .map((c) => c.textContent || "0")
      .join("");
  /** The text a screen reader adds to a cell (its `aria-describedby` target). */
  const description = (cell: HTMLElement) =>
    document.getElementById(cell.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
  return { cells, text, description };
}
