import type { Page } from "playwright-core";

export interface LongTask {
  start: number;
  ms: number;
}

// What the observer leaves on the page's window.
declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Records the page's long main-thread tasks from its first script on; call before `page.goto`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: LongTask[] = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The long tasks that started at or after `since` (the page's performance clock). */
export function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  return page.evaluate((from) => window.__longTasks!.filter((t) => t.start >= from), since);
}
