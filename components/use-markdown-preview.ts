"use client";

import { useEffect, useRef, useState } from "react";
import { MARKDOWN_RENDER_TIMEOUT_MS, markdownLimitProblem } from "@/lib/schemas/markdown";

type Preview = { source: string; html: string | null; problem: string | null };

const TOO_COMPLEX = "Ce texte est trop complexe à mettre en forme : simplifiez sa mise en forme (emphases, titres, listes).";
const FAILED = "L’aperçu de ce texte ne peut pas être affiché : simplifiez sa mise en forme.";

/**
 * Renders in a Web Worker, one source at a time: while one renders, only the latest of the
 * sources typed meanwhile waits. A render that outlives the server's time bound ends the worker
 * (a new one starts for the next source), as the server would refuse the text.
 */
class PreviewRenderer {
  #worker: Worker | null = null;
  #isReady = false;
  #inFlight: string | null = null;
  #next: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onPreview: (preview: Preview) => void) {}

  request(source: string) {
    this.#next = source;
    this.#pump();
  }

  close() {
    clearTimeout(this.#timer);
    this.#worker?.terminate();
    this.#worker = null;
    this.#isReady = false;
  }

  #pump() {
    if (this.#inFlight !== null || this.#next === null) return;
    this.#worker ??= this.#spawn();
    if (!this.#isReady) return;
    const source = this.#next;
    this.#next = null;
    this.#inFlight = source;
    this.#timer = setTimeout(() => {
      this.close();
      this.#finish(null, TOO_COMPLEX);
    }, MARKDOWN_RENDER_TIMEOUT_MS);
    this.#worker.postMessage(source);
  }

  #spawn() {
    const worker = new Worker(new URL("../lib/markdown/preview-worker.ts", import.meta.url));
    worker.addEventListener("message", (event: MessageEvent<{ ready: true } | { html: string } | { html: null; isTooDeep: boolean }>) => {
      if ("ready" in event.data) {
        this.#isReady = true;
        return this.#pump();
      }
      // Too slow or too deep, the server refuses the text alike: the preview says what it will say.
      this.#finish(event.data.html, event.data.html !== null ? null : event.data.isTooDeep ? TOO_COMPLEX : FAILED);
    });
    // A worker that cannot run: say so rather than wait for a preview that will not come.
    worker.addEventListener("error", () => {
      this.close();
      this.#inFlight ??= this.#next;
      this.#next = null;
      this.#finish(null, FAILED);
    });
    return worker;
  }

  #finish(html: string | null, problem: string | null) {
    clearTimeout(this.#timer);
    if (this.#inFlight !== null) this.onPreview({ source: this.#inFlight, html, problem });
    this.#inFlight = null;
    this.#pump();
  }
}

/**
 * The preview of a source: its HTML (the last one rendered while a newer source renders), or
 * why it is not shown — the limits the server would refuse it by, or a render too slow.
 */
export function useMarkdownPreview(source: string): { html: string | null; problem: string | null } {
  const [preview, setPreview] = useState<Preview>({ source: "", html: null, problem: null });
  const renderer = useRef<PreviewRenderer | null>(null);
  const limitProblem = markdownLimitProblem(source);
  const isBlank = !source.trim();

  useEffect(() => () => renderer.current?.close(), []);
  useEffect(() => {
    if (limitProblem || isBlank) return;
    renderer.current ??= new PreviewRenderer(setPreview);
    renderer.current.request(source);
  }, [source, limitProblem, isBlank]);

  if (limitProblem) return { html: null, problem: limitProblem };
  if (isBlank) return { html: null, problem: null };
  return preview.source === source || !preview.problem ? preview : { html: null, problem: null };
}
