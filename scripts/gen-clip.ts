/**
 * `npm run gen:clip -- PHOTO OUT.y4m [--seconds S]`: a hand-held-looking 640×480, 15 fps camera clip of a
 * photo, for Chromium's fake camera (`--use-file-for-fake-video-capture=OUT.y4m`).
 */
import { resolve } from "node:path";
import { DEFAULT_CLIP, writeHandHeldClip } from "../tooling/hand-held-clip.ts";

const [photo, out] = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--seconds");
const secondsFlag = process.argv.indexOf("--seconds");
const seconds = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : DEFAULT_CLIP.seconds;
if (!photo || !out || !(seconds > 0)) {
  process.stderr.write("usage: npm run gen:clip -- PHOTO OUT.y4m [--seconds S]\n");
  process.exit(2);
}
const frames = await writeHandHeldClip(resolve(photo), resolve(out), { ...DEFAULT_CLIP, seconds });
process.stderr.write(`gen:clip: ${frames} frames → ${out}\n`);
