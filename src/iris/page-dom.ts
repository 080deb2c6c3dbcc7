/** Builds DOM nodes from attributes and children: text is always inserted as text, never parsed as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Replaces text only when it changed, so a live region does not re-announce the same sentence. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Calls `f` once the events stop for `ms`: the prediction follows typing without flickering per key. */
export function debounce(f: () => void, ms: number): { (): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    f();
  };
  return Object.assign(
    () => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    { flush: run },
  );
}
