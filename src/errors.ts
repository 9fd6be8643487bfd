/**
 * Errors shared by the parsers, the reader and the commands.
 *
 * A parser never turns garbage into 0 or "": it throws ParseError, which names
 * the file, the 1-based line number and the offending line so that a person can
 * find it with `sed -n Np FILE`.
 */

const MAX_QUOTED_LINE = 200;

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly file: string,
    readonly lineNumber: number,
    readonly line: string,
    readonly reason: string,
  ) {
    const shown = line.length > MAX_QUOTED_LINE ? `${line.slice(0, MAX_QUOTED_LINE)}…` : line;
    super(`${file}:${lineNumber}: ${reason}: ${JSON.stringify(shown)}`);
  }
}

/** A file the registry knows but will not parse (binary, write-only). */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** A path no handler claims; the message carries the hint. */
export class UnknownFileError extends Error {
  override readonly name = 'UnknownFileError';
  constructor(readonly file: string) {
    super(`${file}: no handler recognises this file name (use --as NAME; --list shows the names)`);
  }
}

/** A per-process file whose process exited before or while it was read. */
export class ProcessGoneError extends Error {
  override readonly name = 'ProcessGoneError';
  constructor(
    readonly file: string,
    readonly pid: string,
  ) {
    super(`${file}: process ${pid} no longer exists`);
  }
}

/** A file that could not be read (missing, a directory, …), with the reason in words. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
