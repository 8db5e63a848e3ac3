// The composer's preview renders here, in a Web Worker, so that no text can freeze the page
// while its author types; components/use-markdown-preview.ts bounds its time.
import { renderMarkdownUnbounded } from "./pipeline.mjs";

addEventListener("message", (event: MessageEvent<string>) => {
  try {
    postMessage({ html: renderMarkdownUnbounded(event.data) });
  } catch (error) {
    // A RangeError is the stack running out: the text nests too deeply, which the server's
    // renderer refuses as too complex too (lib/markdown/render-worker.mjs).
    postMessage({ html: null, isTooDeep: error instanceof RangeError });
  }
});
postMessage({ ready: true });
