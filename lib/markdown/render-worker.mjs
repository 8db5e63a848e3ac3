// @ts-check
// The render worker (see render.ts): renders one source at a time, inside the time and memory
// bounds its parent sets, so that no source can stall or exhaust the server's own thread.
import { parentPort } from "node:worker_threads";
import { renderMarkdownUnbounded } from "./pipeline.mjs";

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

port.on("message", (/** @type {string} */ source) => {
  try {
    port.postMessage({ html: renderMarkdownUnbounded(source) });
  } catch (error) {
    // A RangeError is the stack running out: the source nests too deeply for the parser.
    port.postMessage({ failure: error instanceof RangeError ? "stack" : String(error) });
  }
});
port.postMessage({ ready: true });
