/**
 * The tokenizer of the socket tables (formats/sockets.ts): where each
 * whitespace-separated token of a line starts and ends, without cutting the
 * text into strings. /proc/net/tcp can have 100,000+ rows, so the row builder
 * slices only the tokens it converts.
 *
 * The columns from local_address to retrnsmt have a fixed width
 * ("%08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X", 32 digits per address
 * for IPv6): when the separators sit where that format puts them, tokens 1–6
 * are placed directly and only the rest of the line is scanned.
 */

/** Tokens kept per line; a line with more is reported by the row builder. */
export const MAX_TOKENS = 64;

const SPACE = 32;
const TAB = 9;
const COLON = 58;

export class SocketTableTokenizer {
  /** Start offset of token t in the text, for t < min(count, MAX_TOKENS). */
  readonly starts = new Int32Array(MAX_TOKENS);
  /** End offset (exclusive) of token t. */
  readonly ends = new Int32Array(MAX_TOKENS);
  /** Tokens on the current line (can exceed MAX_TOKENS: only the first MAX_TOKENS are kept). */
  count = 0;
  /** 0-based index of the current line, -1 before the first. */
  line = -1;
  private pos = 0;

  /** `endpointLength`: characters of an `ADDR:PORT` token (13 for IPv4, 37 for IPv6). */
  constructor(
    readonly text: string,
    private readonly endpointLength: number,
  ) {}

  /** Moves to the next line and tokenises it (count 0 for a blank line); false past the last line. */
  nextLine(): boolean {
    const text = this.text;
    if (this.pos >= text.length) return false;
    let lineEnd = text.indexOf('\n', this.pos);
    if (lineEnd < 0) lineEnd = text.length;
    this.line++;
    // The first token ("sl:" on a row), then the fixed-width columns when they are where the format puts them.
    let i = this.pos;
    while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
    if (i >= lineEnd) {
      this.count = 0;
    } else {
      this.starts[0] = i;
      while (i < lineEnd && !isBlank(text.charCodeAt(i))) i++;
      this.ends[0] = i;
      const fixed = text.charCodeAt(i - 1) === COLON ? this.fixedTokens(i, lineEnd) : -1;
      this.count = fixed >= 0 ? fixed : this.scan(i, lineEnd, 1);
    }
    this.pos = lineEnd + 1;
    return true;
  }

  /** The text of token t. */
  token(t: number): string {
    return this.text.slice(this.starts[t], this.ends[t]);
  }

  /** Scans text[pos, lineEnd) into the tokens from `n` on; returns the new count. */
  private scan(pos: number, lineEnd: number, n: number): number {
    const text = this.text;
    let i = pos;
    while (i < lineEnd) {
      let c = text.charCodeAt(i);
      while (i < lineEnd && isBlank(c)) c = text.charCodeAt(++i);
      if (i >= lineEnd) break;
      const start = i;
      while (i < lineEnd && !isBlank(c)) c = text.charCodeAt(++i);
      if (n < MAX_TOKENS) {
        this.starts[n] = start;
        this.ends[n] = i;
      }
      n++;
    }
    return n;
  }

  /** Tokens 1–6 from the fixed-width layout after "sl:" (`p` is just past it), or -1 when the line does not follow it. */
  private fixedTokens(p: number, lineEnd: number): number {
    const text = this.text;
    const E = this.endpointLength;
    const stop = p + 44 + 2 * E;
    if (
      stop >= lineEnd ||
      text.charCodeAt(p) !== SPACE ||
      text.charCodeAt(p + 1) === SPACE ||
      text.charCodeAt(p + 1 + E) !== SPACE ||
      text.charCodeAt(p + 2 + 2 * E) !== SPACE ||
      text.charCodeAt(p + 5 + 2 * E) !== SPACE ||
      text.charCodeAt(p + 14 + 2 * E) !== COLON ||
      text.charCodeAt(p + 23 + 2 * E) !== SPACE ||
      text.charCodeAt(p + 26 + 2 * E) !== COLON ||
      text.charCodeAt(p + 35 + 2 * E) !== SPACE ||
      text.charCodeAt(stop) !== SPACE
    ) {
      return -1;
    }
    const { starts, ends } = this;
    starts[1] = p + 1;
    ends[1] = p + 1 + E;
    starts[2] = p + 2 + E;
    ends[2] = p + 2 + 2 * E;
    starts[3] = p + 3 + 2 * E;
    ends[3] = p + 5 + 2 * E;
    starts[4] = p + 6 + 2 * E;
    ends[4] = p + 23 + 2 * E;
    starts[5] = p + 24 + 2 * E;
    ends[5] = p + 35 + 2 * E;
    starts[6] = p + 36 + 2 * E;
    ends[6] = stop;
    return this.scan(stop, lineEnd, 7);
  }
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
