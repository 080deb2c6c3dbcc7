/**
 * A sudoku drawn on a canvas (black lines and printed digits on white, `margin` px of paper around a
 * `side`-px grid): what the rehearsals read so that V8 has compiled the read's code before a photo comes.
 */
export function drawnGrid(side: number, margin: number): ImageData | undefined {
  const ctx = new OffscreenCanvas(side + 2 * margin, side + 2 * margin).getContext("2d");
  if (!ctx) return undefined;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, side + 2 * margin, side + 2 * margin);
  ctx.fillStyle = "#000";
  for (let i = 0; i <= 9; i++) {
    const width = i % 3 === 0 ? 4 : 2;
    ctx.fillRect(margin + (i * side) / 9 - width / 2, margin, width, side);
    ctx.fillRect(margin, margin + (i * side) / 9 - width / 2, side, width);
  }
  ctx.font = `${side / 14}px sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (let i = 0; i < 81; i += 4) {
    ctx.fillText(
      String((i % 9) + 1),
      margin + ((i % 9) + 0.5) * (side / 9),
      margin + (Math.floor(i / 9) + 0.5) * (side / 9),
    );
  }
  return ctx.getImageData(0, 0, side + 2 * margin, side + 2 * margin);
}
