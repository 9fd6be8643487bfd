/**
 * /proc/kallsyms — the kernel's symbol table (and loaded modules' symbols).
 * Kernel: kernel/kallsyms.c, s_show(): "%px %c %s\t[%s]\n" for module symbols, "%px %c %s\n" otherwise.
 * Sample: "ffffffffa0000760 t linear_exit\t[linear]"
 *
 * 120,000+ lines: parsed by indexOf over the whole text (no per-line regex,
 * no split into a line array). Addresses stay hex strings as written (all
 * zeros when kptr_restrict hides them).
 */
import { ParseError } from '../errors';
import { defineHandler } from '../handler';

export interface KallsymsRecord {
  /** Hex address as written (16 digits on 64-bit). */
  address: string;
  /** nm(1) symbol type letter: T/t text, D/d data, B/b bss, R/r read-only, W/w weak, … */
  type: string;
  name: string;
  /** Module name from `[module]`; absent for the kernel image's own symbols. */
  module?: string;
}

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
}

export function parseKallsyms(text: string, file = 'kallsyms'): KallsymsRecord[] {
  const records: KallsymsRecord[] = [];
  const end = text.length;
  let start = 0;
  let lineNumber = 0;
  const fail = (s: number, e: number, reason: string): never => {
    throw new ParseError(file, lineNumber, text.slice(s, e), reason);
  };
  while (start < end) {
    lineNumber++;
    // address: hex digits up to the first space
    let p = start;
    let c = text.charCodeAt(p);
    while (p < end && isHexCode(c)) c = text.charCodeAt(++p);
    if (p === start || c !== 32) fail(start, lineEnd(text, start), 'expected "ADDRESS TYPE NAME" with a hexadecimal address');
    const sp1 = p;
    // type: one letter, then one space
    if (!isLetterCode(text.charCodeAt(sp1 + 1)) || text.charCodeAt(sp1 + 2) !== 32) {
      fail(start, lineEnd(text, start), 'expected a one-letter symbol type');
    }
    const nameStart = sp1 + 3;
    // the name runs to a tab (a module follows) or the end of the line
    p = nameStart;
    c = text.charCodeAt(p);
    while (p < end && c !== 10 && c !== 9 && c !== 32) c = text.charCodeAt(++p);
    if (p === nameStart || c === 32) fail(start, lineEnd(text, start), 'expected one symbol name');
    const nameEnd = p;
    if (c === 9) {
      let eol = text.indexOf('\n', p);
      if (eol < 0) eol = end;
      if (text.charCodeAt(p + 1) !== 91 || text.charCodeAt(eol - 1) !== 93 || eol - p < 4) {
        fail(start, eol, 'expected "[module]" after the tab');
      }
      records.push({
        address: text.slice(start, sp1),
        type: text[sp1 + 1],
        name: text.slice(nameStart, nameEnd),
        module: text.slice(p + 2, eol - 1),
      });
      start = eol + 1;
    } else {
      records.push({ address: text.slice(start, sp1), type: text[sp1 + 1], name: text.slice(nameStart, nameEnd) });
      start = p + 1;
    }
  }
  return records;
}

export const kallsyms = defineHandler<KallsymsRecord>({
  name: 'kallsyms',
  summary: 'kernel symbol table: address, type, name, module',
  parse: parseKallsyms,
});
