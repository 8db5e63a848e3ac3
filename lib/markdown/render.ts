// Markdown → safe HTML on the server, bounded. The parser is exposed to what members write:
// some sources recurse until the heap is gone, others take seconds (setext headings, emphasis
// runs: superlinear in micromark). So the server's own thread never parses: one long-lived
// worker thread does, with a heap and a stack of its own, and is terminated (and replaced) when
// a render outlives the time bound or runs out of memory. The cheap limits of
// lib/schemas/markdown.ts are checked first, so the usual culprits never reach the worker.
// Not "server-only": the launcher and the seed render through it too, outside React.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import { MARKDOWN_RENDER_TIMEOUT_MS, markdownLimitProblem } from "../schemas/markdown";

const WORKER_HEAP_MB = 64;
const WORKER_STACK_MB = 4;
/** Renders waiting for the worker: beyond, writes are refused (503) rather than queued without end. */
const MAX_QUEUED = 32;
/** An idle worker is ended (and started again on demand): scripts and the launcher need not keep it. */
const IDLE_MS = 60_000;
// Built at run time so that Next.js does not bundle it: the worker loads the pipeline from disk.
const WORKER_FILE = path.join(process.cwd(), "lib/markdown/render-worker.mjs");

type Job = { source: string; resolve: (html: string) => void; reject: (error: unknown) => void };
type Reply = { ready: true } | { html: string } | { failure: string };
type RendererOptions = { timeoutMs?: number; heapMb?: number; maxQueued?: number; idleMs?: number };

function tooComplex(limit: string) {
  const message = `Ce texte est trop complexe à mettre en forme (${limit}) : simplifiez sa mise en forme (emphases, titres, listes).`;
  return invalidBody(message);
}

function invalidBody(message: string) {
  return new AppError("invalid_input", message, { issues: [{ path: "body", message }] });
}

export class MarkdownRenderer {
  readonly #timeoutMs: number;
  readonly #heapMb: number;
  readonly #maxQueued: number;
  readonly #idleMs: number;
  #worker: Worker | null = null;
  #isReady = false;
  #queue: Job[] = [];
  #current: { job: Job; timer: NodeJS.Timeout } | null = null;
  #idleTimer: NodeJS.Timeout | null = null;

  constructor({ timeoutMs = MARKDOWN_RENDER_TIMEOUT_MS, heapMb = WORKER_HEAP_MB, maxQueued = MAX_QUEUED, idleMs = IDLE_MS }: RendererOptions = {}) {
    this.#timeoutMs = timeoutMs;
    this.#heapMb = heapMb;
    this.#maxQueued = maxQueued;
    this.#idleMs = idleMs;
  }

  /** The sanitised HTML of a source; an AppError (400, or 503 when saturated) when it cannot be had. */
  render(source: string): Promise<string> {
    const problem = markdownLimitProblem(source);
    if (problem) return Promise.reject(invalidBody(problem));
    if (this.#queue.length >= this.#maxQueued) {
      return Promise.reject(new AppError("unavailable", "Trop de textes attendent leur mise en forme : réessayez dans un instant."));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ source, resolve, reject });
      this.#pump();
    });
  }

  /** Ends the worker; the render under way and those waiting are refused. */
  async close() {
    const worker = this.#worker;
    this.#forgetWorker();
    const closed = new Error("The markdown renderer was closed.");
    for (const job of this.#queue.splice(0)) job.reject(closed);
    this.#settle((job) => job.reject(closed));
    await worker?.terminate();
  }

  #pump() {
    if (this.#current) return;
    if (this.#queue.length === 0) return this.#idle();
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const worker = this.#worker ?? this.#spawn();
    worker.ref();
    if (!this.#isReady) return;
    const job = this.#queue.shift()!;
    const timer = setTimeout(() => this.#fail(worker, tooComplex(`plus de ${this.#timeoutMs / 1000} s de calcul`)), this.#timeoutMs);
    this.#current = { job, timer };
    worker.postMessage(job.source);
  }

  #idle() {
    if (!this.#worker || this.#idleTimer) return;
    this.#worker.unref();
    const worker = this.#worker;
    this.#idleTimer = setTimeout(() => {
      if (this.#worker !== worker) return;
      this.#forgetWorker();
      void worker.terminate();
    }, this.#idleMs).unref();
  }

  #spawn() {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.#heapMb, maxYoungGenerationSizeMb: Math.max(4, this.#heapMb / 8), stackSizeMb: WORKER_STACK_MB },
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    this.#isReady = false;
    worker.on("message", (reply: Reply) => {
      if (this.#worker !== worker) return;
      if ("ready" in reply) {
        this.#isReady = true;
        return this.#pump();
      }
      this.#settle((job) => ("html" in reply ? job.resolve(reply.html) : job.reject(this.#failureOf(reply.failure))));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (this.#worker !== worker) return;
      if (!this.#isReady) {
        // The worker could not even start: a fault of the server, not of any text.
        for (const job of this.#queue.splice(0)) job.reject(error);
        this.#forgetWorker();
        return;
      }
      const isOutOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.#fail(worker, isOutOfMemory ? tooComplex(`plus de ${this.#heapMb} Mo de mémoire`) : error);
    });
    worker.on("exit", () => {
      if (this.#worker !== worker) return;
      this.#fail(worker, new Error("The markdown render worker exited."));
    });
    return worker;
  }

  #failureOf(failure: string) {
    if (failure === "stack") return tooComplex("imbrication trop profonde");
    console.error("[markdown] render failed:", failure);
    return invalidBody("Ce texte ne peut pas être mis en forme : vérifiez sa syntaxe Markdown.");
  }

  #settle(outcome: (job: Job) => void) {
    const current = this.#current;
    this.#current = null;
    if (current) {
      clearTimeout(current.timer);
      outcome(current.job);
    }
    this.#pump();
  }

  /** The worker is stuck, out of memory or gone: replace it, and refuse the render it was doing. */
  #fail(worker: Worker, error: unknown) {
    if (this.#worker !== worker) return;
    this.#forgetWorker();
    void worker.terminate();
    this.#settle((job) => job.reject(error));
  }

  #forgetWorker() {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    this.#worker = null;
    this.#isReady = false;
  }
}

// One renderer per process, kept across module reloads in development.
const shared = globalThis as unknown as { agoraMarkdownRenderer?: MarkdownRenderer };

/** Markdown → sanitised HTML, bounded in size, nesting, time and memory (see above). */
export function renderMarkdown(source: string): Promise<string> {
  shared.agoraMarkdownRenderer ??= new MarkdownRenderer();
  return shared.agoraMarkdownRenderer.render(source);
}
