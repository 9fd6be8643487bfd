/**
 * What a handler is: a name (its path under /proc, or under /sys or / for the
 * few files collectors read there), a pure parser from the file's text to
 * typed records, and how the file is to be read.
 */

export interface Handler<R extends object = object> {
  /** The path under /proc: `diskstats`, `net/tcp6`, `pid/status`, `sysvipc/shm`. */
  readonly name: string;
  /** One line for `--list` and the README. */
  readonly summary: string;
  /**
   * Path pattern matched against a file's trailing path segments when it
   * differs from the name: `*` is any file name (a folder of like files) or,
   * in the middle, any folder; `objset-*` is any name with that prefix;
   * `<pid>` is a process directory (self, thread-self, or a number — also a
   * task id). `pid/…` names get `<pid>/…` without saying so.
   */
  readonly pattern?: string;
  /** `link`: the file is a symbolic link and its target is the text. */
  readonly source?: 'text' | 'link';
  /** Set for files that are known but never parsed (binary, write-only): the reason. */
  readonly refuse?: string;
  /**
   * The tree the name is a path in: /proc unless set. `sysfs` (/sys, `--path.sysfs`:
   * net device attributes, clocksources) and `rootfs` (/, `--path.rootfs`: os-release)
   * hold the files node_exporter's collectors read outside /proc.
   */
  readonly root?: 'sysfs' | 'rootfs';
  parse(text: string, file: string): R[];
}

/** Identity helper that keeps the record type of a handler literal. */
export function defineHandler<R extends object>(handler: Handler<R>): Handler<R> {
  return handler;
}

/** A refused file: known to the registry so that it resolves, but never parsed. */
export function refusedHandler(name: string, reason: string, pattern?: string): Handler<never> {
  return {
    name,
    summary: `refused: ${reason}`,
    pattern,
    refuse: reason,
    parse(): never[] {
      throw new Error(`${name}: ${reason}`);
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds handlers of every record type; a lookup gives them back typed by name
export type HandlerTable = Record<string, Handler<any>>;

/**
 * A handler table whose handlers are loaded when first read: its keys are
 * there (enumerable, in the order given) from the start, and reading one
 * requires that parser's module, once. A process thus holds the parsers it
 * uses, not all ~280 of the registry: the exporter's default collectors read
 * a few dozen (issue 20, memory; `npm run bench`, start paths).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loaders of every record type, given back typed by name
export function lazyHandlers<T extends Record<string, () => Handler<any>>>(loaders: T): { [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const [name, load] of Object.entries(loaders)) {
    Object.defineProperty(table, name, {
      enumerable: true,
      configurable: true,
      // `this`: this table, or a table its properties were copied to (src/registry.ts); each keeps the loaded handler.
      get(this: object) {
        const handler = load();
        Object.defineProperty(this, name, { value: handler, enumerable: true, configurable: true, writable: true });
        return handler;
      },
    });
  }
  return table;
}

/** The pattern a handler's path is matched with. */
export function handlerPattern(handler: Handler<object>): string {
  if (handler.pattern !== undefined) return handler.pattern;
  return handler.name.startsWith('pid/') ? `<pid>/${handler.name.slice(4)}` : handler.name;
}

/** Whether a handler reads per-process files (served by /dump only when allowed). */
export function isPerProcess(handler: Handler<object>): boolean {
  return handler.name.startsWith('pid/');
}
