import { execFileSync } from "node:child_process";

/** The commit a model was trained from: checked out, it reproduces the model (training is deterministic). */
export interface CodeVersion {
  commit: string;
  /** Tracked files differed from the commit when training started: the commit alone may not reproduce it. */
  dirty: boolean;
}

/** The git commit checked out in `dir`; undefined outside a git checkout (an unpacked archive) or without git. */
export function codeVersion(dir: string): CodeVersion | undefined {
  const git = (...args: string[]): string =>
    execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    return {
      commit: git("rev-parse", "--short=12", "HEAD"),
      dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    };
  } catch {
    return undefined;
  }
}
