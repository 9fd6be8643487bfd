/**
 * /proc/execdomains — execution domains (personalities).
 * Kernel: kernel/exec_domain.c, execdomains_proc_show() ("%d-%d\t%-16s\t[%s]\n",
 * pers_low, pers_high, name, module; since 4.1 only the fixed line "0-0\tLinux           \t[kernel]").
 * Sample: "0-0\tLinux           \t[kernel]"
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface ExecdomainsRecord {
  pers_low: number;
  pers_high: number;
  name: string;
  /** The module providing it, without the brackets: "kernel". */
  module: string;
}

export function parseExecdomains(text: string, file = 'execdomains'): ExecdomainsRecord[] {
  const src = new Lines(file, text);
  const records: ExecdomainsRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const parts = line.split('\t');
    if (parts.length !== 3) src.fail(i, 'expected "LOW-HIGH\\tNAME\\t[MODULE]"');
    const range = parts[0].trim();
    const dash = range.indexOf('-', 1);
    if (dash < 0) src.fail(i, `expected "LOW-HIGH" (${JSON.stringify(range)})`);
    const module = parts[2].trim();
    if (!module.startsWith('[') || !module.endsWith(']')) src.fail(i, `expected "[MODULE]" (${JSON.stringify(module)})`);
    const name = parts[1].trim();
    if (fields(name).length !== 1) src.fail(i, 'expected one domain name');
    records.push({
      pers_low: src.int(range.slice(0, dash), i, 'pers_low'),
      pers_high: src.int(range.slice(dash + 1), i, 'pers_high'),
      name,
      module: src.str(module.slice(1, -1), i, 'module'),
    });
  }
  return records;
}

export const execdomains = defineHandler<ExecdomainsRecord>({
  name: 'execdomains',
  summary: 'execution domains (personality ranges) and their modules',
  parse: parseExecdomains,
});
