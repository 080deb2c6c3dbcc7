/** Chromium's install event; not in the DOM typings because only some browsers fire it. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

/** Shows the "Install app" button only where the browser offers installation, and hides it once used. */
export function setUpInstallButton(button: HTMLButtonElement): void {
  let deferred: BeforeInstallPromptEvent | null = null;
  window.addEventListener("beforeinstallprompt", (e) => {
    e.preventDefault();
    deferred = e as BeforeInstallPromptEvent;
    button.hidden = false;
  });
  button.addEventListener("click", () => {
    const prompt = deferred;
    deferred = null;
    button.hidden = true;
    void prompt?.prompt();
  });
  window.addEventListener("appinstalled", () => {
    button.hidden = true;
  });
}
