// The composer's preview renders here, in a Web Worker, so that no text can freeze the page
// while its author types; components/use-markdown-preview.ts bounds its time.
import { renderMarkdownUnbounded } from "./pipeline.mjs";

addEventListener("message", (event: MessageEvent<string>) => {
  let html: string | null = null;
  try {
    html = renderMarkdownUnbounded(event.data);
  } catch {
    // Too deep for the stack: the preview says it cannot show this text.
  }
  postMessage({ html });
});
postMessage({ ready: true });
