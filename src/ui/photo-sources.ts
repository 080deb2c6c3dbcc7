/** True when a key or paste aimed at this element belongs to it (typing in a text field), not to the page. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !["file", "checkbox", "radio", "button"].includes(target.type);
}

/**
 * Page-wide paste: an image becomes a photo, text becomes a grid. Skipped inside text fields so
 * pasting there keeps working as usual.
 */
export function listenForPaste(onPhoto: (photo: Blob) => void, onText: (text: string) => void): void {
  document.addEventListener("paste", (e) => {
    if (isTextEntry(e.target) || !e.clipboardData) return;
    const file = Array.from(e.clipboardData.files).find((f) => f.type.startsWith("image/"));
    if (file) onPhoto(file);
    else onText(e.clipboardData.getData("text/plain"));
    e.preventDefault();
  });
}

/** Drop a file anywhere on the page; `body.dragging` shows a drop target while a file is over the page. */
export function listenForDrop(onPhoto: (photo: Blob) => void): void {
  const body = document.body;
  let depth = 0;
  const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;
  document.addEventListener("dragenter", (e) => {
    if (!carriesFiles(e)) return;
    depth += 1;
    body.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) body.classList.remove("dragging");
  });
  document.addEventListener("dragover", (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = "copy";
  });
  document.addEventListener("drop", (e) => {
    depth = 0;
    body.classList.remove("dragging");
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    onPhoto(file);
  });
}

/** The file picker: each chosen file is read, and the input is reset so choosing the same file again works. */
export function listenForFiles(input: HTMLInputElement, onPhoto: (photo: Blob) => void): void {
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) onPhoto(file);
  });
}
