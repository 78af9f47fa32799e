/**
 * A small pool of worker threads that run read-only queries off the event loop, so the HTTP server stays
 * responsive while a heavy query runs. Each worker holds a copy of the graph, re-sent when the graph object is
 * replaced or changes (graphology events bump a version). A worker that overruns its time budget by
 * `graceMs` is terminated and replaced. Workers are created on first use and `unref`'d (they never keep the
 * process alive); `close()` terminates them and is safe to call twice.
 */
import { Worker } from "node:worker_threads";
import { ShabakaError } from "../errors.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { versionOf } from "./graph-version.ts";
import { DEFAULT_QUERY_OPTIONS, type QueryOptions, type QueryResult } from "./index.ts";

export interface QueryPoolSettings {
  /** Number of worker threads (default 1). */
  size: number;
  /** Extra time after the query's budget before its worker is killed, in ms (default 1000). */
  graceMs: number;
}

export const DEFAULT_POOL_SETTINGS: QueryPoolSettings = { size: 1, graceMs: 1000 };

/** A query error re-created from a worker's answer (keeps code, status and details). */
export class RemoteQueryError extends ShabakaError {
  readonly details?: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(code, message, status);
    if (details !== undefined) this.details = details;
  }
}

interface Job {
  id: number;
  graph: KnowledgeGraph;
  query: string;
  options: QueryOptions;
  resolve(r: QueryResult): void;
  reject(e: unknown): void;
}

interface Slot {
  worker: Worker;
  graph: KnowledgeGraph | null;
  version: number;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class QueryPool {
  private readonly settings: QueryPoolSettings;
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(settings: Partial<QueryPoolSettings> = {}) {
    this.settings = { ...DEFAULT_POOL_SETTINGS, ...settings };
    if (!Number.isInteger(this.settings.size) || this.settings.size < 1) throw new ShabakaError("BAD_OPTION", `QueryPool: size must be a positive integer, got ${this.settings.size}.`, 400);
  }

  /** Runs a read-only query in a worker. Rejects with the query's error (same code and status as in-process). */
  run(graph: KnowledgeGraph, query: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new ShabakaError("POOL_CLOSED", "QueryPool: the pool is closed.", 503));
    return new Promise<QueryResult>((resolve, reject) => {
      const job: Job = { id: this.nextId++, graph, query, options: { ...options, clock: undefined }, resolve, reject };
      this.queue.push(job);
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
    worker.unref();
    const slot: Slot = { worker, graph: null, version: -1, job: null, timer: null };
    worker.on("message", (msg: { id: number; result?: QueryResult; error?: { code?: string; message: string; status?: number; details?: unknown } }) => {
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      this.finish(slot);
      if (msg.error) job.reject(new RemoteQueryError(msg.error.code ?? "QUERY_ERROR", msg.error.message, msg.error.status ?? 500, msg.error.details));
      else job.resolve(msg.result!);
    });
    worker.on("error", (err) => {
      const job = slot.job;
      this.replace(slot);
      job?.reject(new ShabakaError("QUERY_WORKER", `query worker failed: ${err.message}`, 500));
    });
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    setImmediate(() => this.pump());
  }

  private replace(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
    this.slots = this.slots.filter((s) => s !== slot);
    setImmediate(() => this.pump());
  }

  private pump(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.settings.size) {
        slot = this.spawn();
        this.slots.push(slot);
      }
      if (!slot) return;
      const job = this.queue.shift()!;
      const graph = job.graph;
      const version = versionOf(graph);
      if (slot.graph !== graph || slot.version !== version) {
        slot.worker.postMessage({ kind: "graph", version, data: graph.export() });
        slot.graph = graph;
        slot.version = version;
      }
      slot.job = job;
      slot.worker.ref();
      const budget = job.options.timeoutMs ?? DEFAULT_QUERY_OPTIONS.timeoutMs;
      const s = slot;
      slot.timer = setTimeout(() => {
        if (s.job !== job) return;
        this.replace(s);
        job.reject(new ShabakaError("QUERY_TIMEOUT", `query: stopped after ${budget + this.settings.graceMs} ms (time budget ${budget} ms).`, 503));
      }, budget + this.settings.graceMs);
      slot.timer.unref();
      slot.worker.postMessage({ kind: "query", id: job.id, query: job.query, options: job.options });
    }
  }

  /** Terminates the workers and rejects queued queries. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const j of this.queue) j.reject(new ShabakaError("POOL_CLOSED", "QueryPool: the pool is closed.", 503));
    this.queue = [];
    await Promise.all(this.slots.map(async (s) => {
      if (s.timer) clearTimeout(s.timer);
      s.job?.reject(new ShabakaError("POOL_CLOSED", "QueryPool: the pool is closed.", 503));
      await s.worker.terminate();
    }));
    this.slots = [];
  }
}
