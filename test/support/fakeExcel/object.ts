/**
 * The base of every proxy of the fake Excel API: identity, the object it stands for (found when
 * the queued navigation runs at the sync), and Excel's load/read rules (PropertyNotLoaded).
 */
import { FakeExcelError } from "./errors";
import { FakeContext } from "./context";

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function propsOf(arg: LoadArg): string[] {
  if (arg === undefined) {
    return [];
  }
  const text = Array.isArray(arg)
    ? arg.join(",")
    : typeof arg === "string"
      ? arg
      : (arg.select ?? "");
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The base of every proxy: identity, the object it stands for, and load/read rules. */
export abstract class FakeObject<T> {
  readonly _id: number;
  private target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullable = false;

  constructor(protected readonly ctx: FakeContext) {
    this._id = ctx.newId();
  }

  /** Queues the navigation that finds this object; it runs at the sync, in order. */
  protected bindBy(
    parent: FakeObject<unknown>,
    member: string,
    args: readonly unknown[],
    since: number,
    find: () => T | null,
    nullable = false
  ): this {
    this.nullable = nullable;
    this.ctx.enqueue({
      wire: { o: this._id, m: member, a: [parent._id, ...args] },
      since,
      run: () => {
        const found = find();
        this.target = found;
        if (nullable) {
          this.ctx.respond({ o: this._id, isNullObject: found === null }, () => {
            this.loaded.set("isNullObject", found === null);
          });
        }
      },
    });
    return this;
  }

  /** Binds to an object known now (collection items, the workbook). */
  protected bindNow(target: T): this {
    this.target = target;
    return this;
  }

  /** The object this proxy stands for, when an operation runs. */
  protected t(): T {
    if (this.target === undefined) {
      throw new FakeExcelError("InvalidObjectPath", "Объект ещё не найден в книге");
    }
    if (this.target === null) {
      throw new FakeExcelError(
        "InvalidObjectPath",
        "Операция над несуществующим объектом (isNullObject)"
      );
    }
    return this.target;
  }

  get isNullObject(): boolean {
    if (!this.nullable) {
      return false;
    }
    return this.loadedValue("isNullObject") as boolean;
  }

  /** Reads one property of the object when a load runs. */
  protected abstract read(prop: string): unknown;

  load(arg?: LoadArg): this {
    const props = propsOf(arg);
    this.ctx.enqueue({
      wire: { o: this._id, m: "load", a: [props] },
      since: 1,
      run: () => {
        if (this.target === null) {
          this.ctx.respond({ o: this._id, isNullObject: true }, () => undefined);
          return;
        }
        const got: Record<string, unknown> = {};
        for (const p of props.length > 0 ? props : this.defaultProps()) {
          got[p] = this.read(p);
        }
        this.ctx.respond({ o: this._id, ...got }, () => {
          for (const [k, v] of Object.entries(got)) {
            this.publish(k, v);
          }
        });
      },
    });
    return this;
  }

  /** Properties of an empty `load()`. */
  protected defaultProps(): string[] {
    return [];
  }

  protected publish(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected markLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected loadedValue(prop: string): unknown {
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `Свойство «${prop}» не загружено: вызовите load("${prop}") и context.sync() перед чтением`
      );
    }
    return this.loaded.get(prop);
  }

  /** Queues a call or a property write on this object. */
  protected call(member: string, args: readonly unknown[], since: number, run: () => void): void {
    this.ctx.enqueue({ wire: { o: this._id, m: member, a: args }, since, run });
  }

  toJSON(): unknown {
    return { _id: this._id };
  }
}
