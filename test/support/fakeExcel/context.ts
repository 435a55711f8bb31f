/**
 * The request context of the fake: queued operations run in order at `sync()`, like Excel's
 * batches. Each sync counts, records the JSON size of its request (the queued operations with
 * their arguments) and of its response (the loaded values), and fails like Excel on the web
 * when either is over the 5 MB limit. Operations of a newer requirement set than the host's
 * fail with ApiNotFound when they run.
 */
import { FakeExcelError } from "./errors";
import type { WorkbookModel } from "./model";

export interface QueuedOp {
  /** The object's id and the member called, with its arguments: what goes over the wire. */
  readonly wire: { readonly o: number; readonly m: string; readonly a?: readonly unknown[] };
  /** ExcelApi minor version the member needs (1 = ExcelApi 1.1). */
  readonly since: number;
  readonly run: () => void;
}

export interface SyncRecord {
  /** UTF-8 bytes of the request (JSON of the queued operations). */
  readonly bytes: number;
  /** UTF-8 bytes of the response (JSON of the values loaded by it). */
  readonly responseBytes: number;
  readonly operations: number;
  /**
   * The members that ran, in order, up to the one that failed; a load with the properties it
   * asked for («load(values)»).
   */
  readonly calls?: readonly string[];
}

export interface HostState {
  readonly model: WorkbookModel;
  /** ExcelApi minor version of the host: 1 = ExcelApi 1.1. */
  readonly apiVersion: number;
  /** Request/response limit in bytes (Excel on the web: 5 MB); Infinity for none. */
  readonly payloadLimit: number;
  readonly requests: SyncRecord[];
  nextId: number;
  readonly selectionHandlers: Set<(address: string, sheet: string) => void>;
}

const encoder = new TextEncoder();

export function utf8Bytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

export class FakeContext {
  private queue: QueuedOp[] = [];
  /** Values loaded by the running batch, committed to the objects when its sync succeeds. */
  private commits: (() => void)[] = [];
  private responses: unknown[] = [];

  constructor(readonly host: HostState) {}

  newId(): number {
    this.host.nextId += 1;
    return this.host.nextId;
  }

  /** Open while its `Excel.run` batch runs; proxies of a finished batch cannot queue work. */
  open = true;

  enqueue(op: QueuedOp): void {
    if (!this.open) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        `Объект из завершённого Excel.run использован вне его пакета («${op.wire.m}»); передайте контекст в Excel.run(context, …)`
      );
    }
    this.queue.push(op);
  }

  /** Called by a load while it runs: what it read, and how to publish it after the sync. */
  respond(payload: unknown, commit: () => void): void {
    this.responses.push(payload);
    this.commits.push(commit);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (!this.open) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        "context.sync() вызван после завершения Excel.run"
      );
    }
    const ops = this.queue;
    this.queue = [];
    this.commits = [];
    this.responses = [];
    const bytes = utf8Bytes(ops.map((o) => o.wire));
    if (bytes > this.host.payloadLimit) {
      this.host.requests.push({ bytes, responseBytes: 0, operations: ops.length });
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `Размер запроса ${bytes} байт больше предела ${this.host.payloadLimit}`
      );
    }
    let failure: unknown = null;
    let ran = 0;
    for (const op of ops) {
      ran += 1;
      try {
        if (op.since > this.host.apiVersion) {
          throw new FakeExcelError(
            "ApiNotFound",
            `«${op.wire.m}» требует ExcelApi 1.${op.since}, а узел поддерживает 1.${this.host.apiVersion}`
          );
        }
        op.run();
      } catch (e) {
        failure = e;
        break;
      }
    }
    const responseBytes = utf8Bytes(this.responses);
    const calls = ops
      .slice(0, ran)
      .map((o) =>
        o.wire.m === "load"
          ? `load(${String((o.wire.a?.[0] as string[] | undefined) ?? "")})`
          : o.wire.m
      );
    this.host.requests.push({ bytes, responseBytes, operations: ops.length, calls });
    if (failure === null && responseBytes > this.host.payloadLimit) {
      failure = new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `Размер ответа ${responseBytes} байт больше предела ${this.host.payloadLimit}`
      );
    }
    const commits = this.commits;
    this.commits = [];
    this.responses = [];
    if (failure !== null) {
      throw failure;
    }
    await Promise.resolve();
    for (const c of commits) {
      c();
    }
  }
}
