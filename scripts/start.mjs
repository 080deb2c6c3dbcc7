// `npm start`: build once if dist/ is missing or older than the sources, then serve it.
import { execSync, spawn } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";

const port = process.env.PORT ?? "8080";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync("dist/index.html") ||
  statSync("dist/index.html").mtimeMs < Math.max(newestMtime("src"), newestMtime("public"));
if (stale) execSync("npx vite build", { stdio: "inherit" });

console.log(`Serving the app at http://localhost:${port}/ (Ctrl+C to stop)`);
// --brotli/--gzip: serve the build's precompressed .br/.gz copies to browsers that accept them.
spawn("npx", ["http-server", "dist", "-c-1", "--brotli", "--gzip", "-p", port, "--silent"], {
  stdio: "inherit",
});
