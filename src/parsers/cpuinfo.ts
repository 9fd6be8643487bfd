/**
 * /proc/cpuinfo — processor identification and features, one block per CPU.
 * Kernel: x86 arch/x86/kernel/cpu/proc.c, show_cpuinfo(); arm arch/arm/kernel/setup.c, c_show();
 * arm64 arch/arm64/kernel/cpuinfo.c, c_show().
 * Sample: "processor\t: 0", "model name\t: AMD EPYC", "flags\t\t: fpu vme de …"
 *
 * One record per blank-line-separated block. Keys are the kernel's with inner
 * spaces written as `_` ("model name" → model_name, "cpu MHz" → cpu_MHz,
 * "CPU implementer" → CPU_implementer). Values:
 * - numbers: processor, x86's cpu family/model/physical id/siblings/core
 *   id/cpu cores/apicid/initial apicid/cpuid level/clflush size/cache_alignment,
 *   arm's CPU revision; stepping too, except the kernel's literal "unknown";
 *   cpu MHz and bogomips/BogoMIPS as decimals;
 * - lists of words: flags, bugs, vmx flags, power management (x86), Features (arm);
 * - "cache size : 1024 KB" becomes cache_size_KB: 1024 (the unit in the name);
 * - everything else is text as written (vendor_id, model name, microcode and
 *   arm's CPU implementer/variant/part in hex, CPU architecture, address sizes,
 *   TLB size, and the arm trailer Hardware/Revision/Serial/Model).
 * arm prints a trailing block without `processor` (Hardware, Revision, Serial;
 * the Raspberry Pi kernel adds Model): it is a record of its own, `processor`
 * absent. Old 32-bit arm kernels print a "Processor" line before the first
 * block: also kept (under "Processor"). This machine is x86; the arm fixture
 * fixtures/synthetic/proc/cpuinfo is written by hand after arm c_show() (a
 * Raspberry Pi 3 with a 32-bit kernel).
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export type CpuinfoValue = string | number | string[];

export interface CpuinfoRecord {
  processor?: number;
  vendor_id?: string;
  cpu_family?: number;
  model?: number | string;
  model_name?: string;
  stepping?: number | 'unknown';
  microcode?: string;
  cpu_MHz?: number;
  cache_size_KB?: number;
  flags?: string[];
  bugs?: string[];
  bogomips?: number;
  BogoMIPS?: number;
  Features?: string[];
  CPU_implementer?: string;
  CPU_architecture?: string;
  CPU_variant?: string;
  CPU_part?: string;
  CPU_revision?: number;
  Hardware?: string;
  Revision?: string;
  Serial?: string;
  [key: string]: CpuinfoValue | undefined;
}

const INTEGER = new Set([
  'processor',
  'cpu_family',
  'physical_id',
  'siblings',
  'core_id',
  'cpu_cores',
  'apicid',
  'initial_apicid',
  'cpuid_level',
  'clflush_size',
  'cache_alignment',
  'CPU_revision',
]);
const DECIMAL = new Set(['cpu_MHz', 'bogomips', 'BogoMIPS']);
const LISTS = new Set(['flags', 'bugs', 'vmx_flags', 'power_management', 'Features']);

function keyName(raw: string): string {
  return fields(raw).join('_');
}

export function parseCpuinfo(text: string, file = 'cpuinfo'): CpuinfoRecord[] {
  const src = new Lines(file, text);
  const records: CpuinfoRecord[] = [];
  let current: Record<string, CpuinfoValue> | undefined;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') {
      if (current !== undefined) records.push(current);
      current = undefined;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "key : value"');
    const raw = line.slice(0, colon);
    let key = keyName(raw);
    if (key === '') src.fail(i, 'missing key before ":"');
    const value = line.slice(colon + 1).trim();
    current ??= {};
    let converted: CpuinfoValue;
    if (INTEGER.has(key)) converted = src.int(value, i, key);
    else if (DECIMAL.has(key)) converted = src.float(value, i, key);
    else if (LISTS.has(key)) converted = fields(value);
    else if (key === 'stepping') converted = value === 'unknown' ? value : src.int(value, i, key);
    else if (key === 'model' && 'vendor_id' in current) converted = src.int(value, i, key);
    else if (key === 'cache_size') {
      const f = fields(value);
      if (f.length !== 2 || f[1] !== 'KB') src.fail(i, `expected "N KB" (${JSON.stringify(value)})`);
      key = 'cache_size_KB';
      converted = src.int(f[0], i, 'cache size');
    } else converted = value;
    if (key in current) src.fail(i, `"${raw.trim()}" repeated in one block`);
    current[key] = converted;
  }
  if (current !== undefined) records.push(current);
  return records;
}

export const cpuinfo = defineHandler<CpuinfoRecord>({
  name: 'cpuinfo',
  summary: 'processor identification and features per CPU (x86 and arm layouts)',
  parse: parseCpuinfo,
});
