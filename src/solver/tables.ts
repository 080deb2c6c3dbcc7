/** Index tables for the cell-level checks (conflicts, solution check), built once at load. */

/** Units 0-8 are rows, 9-17 columns, 18-26 boxes; `UNITS[u * 9 + i]` is the i-th cell of unit u. */
export const UNITS = new Uint8Array(27 * 9);
/** `PEERS[cell * 20 + k]`: the 20 other cells that share a row, column or box with `cell`. */
export const PEERS = new Uint8Array(81 * 20);

export const rowOf = (cell: number): number => Math.floor(cell / 9);
export const colOf = (cell: number): number => cell % 9;
const boxOf = (cell: number): number => Math.floor(rowOf(cell) / 3) * 3 + Math.floor(colOf(cell) / 3);

for (let i = 0; i < 9; i++) {
  for (let j = 0; j < 9; j++) {
    UNITS[i * 9 + j] = i * 9 + j;
    UNITS[(9 + i) * 9 + j] = j * 9 + i;
    const boxRow = Math.floor(i / 3) * 3 + Math.floor(j / 3);
    const boxCol = (i % 3) * 3 + (j % 3);
    UNITS[(18 + i) * 9 + j] = boxRow * 9 + boxCol;
  }
}
for (let cell = 0; cell < 81; cell++) {
  let k = 0;
  for (let other = 0; other < 81; other++) {
    if (other === cell) continue;
    const shares =
      rowOf(other) === rowOf(cell) || colOf(other) === colOf(cell) || boxOf(other) === boxOf(cell);
    if (shares) PEERS[cell * 20 + k++] = other;
  }
}
