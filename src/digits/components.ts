/** One 8-connected blob of ink pixels with the statistics the cell cleaner needs. */
export interface Component {
  label: number;
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  touchesBorder: boolean;
}

/**
 * Labels 8-connected components of `mask` (1 = ink) by flood fill.
 * @returns `labels` (0 = background, k = component k) and one `Component` per label, index = label − 1.
 */
export function connectedComponents(
  mask: Uint8Array,
  w: number,
  h: number,
): { labels: Int32Array; components: Component[] } {
  const labels = new Int32Array(w * h);
  const components: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const c: Component = {
      label: components.length + 1,
      area: 0,
      x0: w,
      y0: h,
      x1: -1,
      y1: -1,
      touchesBorder: false,
    };
    components.push(c);
    labels[start] = c.label;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      c.area++;
      c.x0 = Math.min(c.x0, x);
      c.x1 = Math.max(c.x1, x);
      c.y0 = Math.min(c.y0, y);
      c.y1 = Math.max(c.y1, y);
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) c.touchesBorder = true;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (mask[j] && !labels[j]) {
            labels[j] = c.label;
            stack.push(j);
          }
        }
      }
    }
  }
  return { labels, components };
}
