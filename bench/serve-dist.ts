import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

/** The built app, as the browser benchmarks serve it. */
export const DIST = resolve(import.meta.dirname, "../dist");

/** As `npm start` serves dist/: no cache, the build's precompressed .br/.gz copies when accepted. */
export const HTTP_SERVER_FLAGS = ["-c-1", "--brotli", "--gzip"];

/** A free loopback port: ask the OS for one, then release it for http-server. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

/** Serves dist/ exactly as users get it (http-server as `npm start` runs it) on loopback; resolves once it answers. */
export async function serveDist(): Promise<{ server: ChildProcess; port: number }> {
  const port = await freePort();
  const bin = resolve(import.meta.dirname, "../node_modules/.bin/http-server");
  const server = spawn(bin, [DIST, ...HTTP_SERVER_FLAGS, "-p", String(port), "-a", "127.0.0.1", "--silent"], {
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/index.html`)).ok) return { server, port };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error("http-server did not start");
}
