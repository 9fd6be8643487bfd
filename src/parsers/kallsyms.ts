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

export function parseKallsyms(text: string, file = 'kallsyms'): KallsymsRecord[] {
  const records: KallsymsRecord[] = [];
  const end = text.length;
  let start = 0;
  let lineNumber = 0;
  const fail = (s: number, e: number, reason: string): never => {
    throw new ParseError(file, lineNumber, text.slice(s, e), reason);
  };
  // Separators are found with indexOf (a native scan) rather than char by char:
  // the next tab is remembered until passed (module symbols are a minority), and
  // the first space after a name, which must lie beyond the line, is the next
  // line's address end.
  let nextTab = -2;
  let nextSpace = text.indexOf(' ');
  // The module of the previous line, reused while consecutive symbols share it.
  let moduleStart = -1;
  let moduleEnd = -1;
  let moduleName = '';
  while (start < end) {
    lineNumber++;
    let eol = text.indexOf('\n', start);
    if (eol < 0) eol = end;
    // address: hex digits up to the first space
    // (A space inside the previous line's "[module]" lies before this line: search again.)
    const sp1 = nextSpace >= 0 && nextSpace < start ? text.indexOf(' ', start) : nextSpace;
    if (sp1 < 0 || sp1 >= eol || sp1 === start) fail(start, eol, 'expected "ADDRESS TYPE NAME" with a hexadecimal address');
    for (let p = start; p < sp1; p++) {
      if (!isHexCode(text.charCodeAt(p))) fail(start, eol, 'expected "ADDRESS TYPE NAME" with a hexadecimal address');
    }
    // type: one letter, then one space
    if (!isLetterCode(text.charCodeAt(sp1 + 1)) || text.charCodeAt(sp1 + 2) !== 32) {
      fail(start, eol, 'expected a one-letter symbol type');
    }
    const nameStart = sp1 + 3;
    // the name runs to a tab (a module follows) or the end of the line, without spaces
    if (nextTab !== -1 && nextTab < nameStart) nextTab = text.indexOf('\t', nameStart);
    const tab = nextTab >= 0 && nextTab < eol ? nextTab : -1;
    const nameEnd = tab >= 0 ? tab : eol;
    nextSpace = text.indexOf(' ', nameStart);
    if (nameEnd === nameStart || (nextSpace >= 0 && nextSpace < nameEnd)) fail(start, eol, 'expected one symbol name');
    if (tab >= 0) {
      if (text.charCodeAt(tab + 1) !== 91 || text.charCodeAt(eol - 1) !== 93 || eol - tab < 4) {
        fail(start, eol, 'expected "[module]" after the tab');
      }
      const ms = tab + 2;
      const me = eol - 1;
      if (moduleStart < 0 || me - ms !== moduleEnd - moduleStart || !text.startsWith(moduleName, ms)) {
        moduleName = text.slice(ms, me);
      }
      moduleStart = ms;
      moduleEnd = me;
      records.push({ address: text.slice(start, sp1), type: text[sp1 + 1], name: text.slice(nameStart, nameEnd), module: moduleName });
    } else {
      records.push({ address: text.slice(start, sp1), type: text[sp1 + 1], name: text.slice(nameStart, nameEnd) });
    }
    start = eol + 1;
  }
  return records;
}

export const kallsyms = defineHandler<KallsymsRecord>({
  name: 'kallsyms',
  summary: 'kernel symbol table: address, type, name, module',
  parse: parseKallsyms,
});
