/**
 * Format: the scheduler's state dump, shared by /proc/sched_debug (before Linux 5.13)
 * and debugfs sched/debug (/sys/kernel/debug/sched/debug, since 5.13).
 * Kernel: kernel/sched/debug.c, sched_debug_header(), print_cpu(), print_cfs_rq(),
 *   print_rt_rq(), print_dl_rq(), print_rq() and print_task() (CONFIG_SCHED_DEBUG);
 *   Linux 5.13 moved the file to debugfs ("sched: Move /proc/sched_debug to debugfs"); the text is the same.
 * Sample: "cpu#0, 2600.000 MHz"
 *         "  .nr_switches                   : 1611757"
 *         " S            task   PID       vruntime   eligible    deadline  …"
 *
 * One record per section, in order:
 * - `version`: "Sched Debug Version: v0.11, RELEASE VERSION" (version, kernel);
 * - `global`: the `name : value` lines that follow it (ktime, jiffies, …);
 * - `cpu` (cpu#N[, MHz]), `cfs_rq`, `rt_rq`, `dl_rq` (`cfs_rq[N]:/group`):
 *   the CPU number, the task group path, the `.name : value` lines;
 * - `tasks` ("runnable tasks:"): the task table of the CPU above it;
 * - any other heading (`sysctl_sched`) with its `.name : value` lines.
 * Values are numbers when the whole value is one (ns values are printed as
 * milliseconds with six decimals), else the text (`1 (logarithmic)`).
 *
 * The task table's columns differ between kernels; its header names them.
 * The command name is `%15s` (it may hold spaces), so it is cut by position:
 * the 15 characters ending where the header's `task` ends; before it, the
 * state letter (`S`, `R`, …; `>R` marks the CPU's current task; kernels
 * before 4.14 print only `R` for it). The other columns follow the header's
 * names; an `S` after the deadline marks a custom slice (6.12+), and columns
 * the header does not name (NUMA node and cgroup path before 6.6) are kept in
 * `extra`.
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, floatOf, Lines } from '../helpers';

export type SchedDebugValue = number | string;

export interface SchedDebugTask {
  /** The state letter (S, R, D, I, …); absent on kernels that print none. */
  state?: string;
  /** The CPU's current task. */
  current: boolean;
  comm: string;
  pid: number;
  /** The other columns, by the header's names: vruntime, sum-exec, switches, prio, … */
  values: Record<string, SchedDebugValue>;
  /** The `S` after the deadline: the task set its own slice. */
  custom_slice?: boolean;
  /** Columns past the header's names, as written. */
  extra?: string[];
}

export interface SchedDebugSection {
  /** version, global, cpu, cfs_rq, rt_rq, dl_rq, tasks, or another heading as written (sysctl_sched). */
  section: string;
  version?: string;
  kernel?: string;
  cpu?: number;
  mhz?: number;
  /** The task group path of a cfs_rq or rt_rq (`/`, `/autogroup-8`). */
  group?: string;
  values?: Record<string, SchedDebugValue>;
  tasks?: SchedDebugTask[];
}

const VERSION = /^Sched Debug Version: ([^,]+), (.*)$/;
const NAME_VALUE = /^\s*\.?([^\s:][^:]*?)\s+:(?:\s(.*))?$/;
const CPU = /^cpu#(\d+)(?:, (\d+\.\d+) MHz)?$/;
const RUNQUEUE = /^(cfs_rq|rt_rq|dl_rq)\[(\d+)\]:(.*)$/;
function valueOf(text: string): SchedDebugValue {
  return floatOf(text) ?? text;
}

/** The table after "runnable tasks:" (header, dashes, rows up to a blank line); returns the next line's index. */
function taskTable(src: Lines, start: number, section: SchedDebugSection): number {
  const headerIndex = start + 1;
  if (headerIndex >= src.length) src.fail(start, 'expected the task table header');
  const header = src.lines[headerIndex];
  const at = header.search(/\btask\b/);
  const commEnd = at + 4;
  const commStart = commEnd - 15;
  if (at < 0 || commStart < 0) src.fail(headerIndex, 'expected a task table header naming "task" at the end of a 15-character column');
  const hasState = header.slice(0, commStart).trim() === 'S';
  const names = fields(header.slice(commEnd));
  if (names[0] !== 'PID') src.fail(headerIndex, 'expected PID after task in the task table header');
  if (headerIndex + 1 >= src.length || !/^-+$/.test(src.lines[headerIndex + 1].trim())) {
    src.fail(headerIndex + 1, 'expected the dashed line under the header');
  }
  const tasks: SchedDebugTask[] = [];
  let i = headerIndex + 2;
  for (; i < src.length && src.lines[i].trim() !== ''; i++) {
    const line = src.lines[i];
    if (line.length <= commEnd) src.fail(i, 'task line shorter than its command name column');
    const prefix = line.slice(0, commStart).trim();
    const comm = line.slice(commStart, commEnd).trim();
    const tokens = fields(line.slice(commEnd));
    const current = hasState ? prefix.startsWith('>') : prefix === 'R';
    const task: SchedDebugTask = { current, comm, pid: src.int(tokens[0], i, 'PID'), values: {} };
    if (hasState) {
      if (!/^>?[A-Za-z]$/.test(prefix)) src.fail(i, `expected a state letter before the command name, found ${JSON.stringify(prefix)}`);
      task.state = prefix.slice(-1);
    } else if (prefix !== '' && prefix !== 'R') {
      src.fail(i, `expected R or nothing before the command name, found ${JSON.stringify(prefix)}`);
    }
    let t = 1;
    for (let n = 1; n < names.length; n++) {
      const name = names[n];
      if (name === 'slice' && names[n - 1] === 'deadline' && tokens[t] === 'S') {
        task.custom_slice = true;
        t++;
      }
      if (t >= tokens.length) src.fail(i, `missing ${name}`);
      if (name === 'group-path' && n === names.length - 1) {
        task.values[name] = tokens.slice(t).join(' ');
        t = tokens.length;
      } else {
        task.values[name] = valueOf(tokens[t++]);
      }
    }
    if (t < tokens.length) task.extra = tokens.slice(t);
    tasks.push(task);
  }
  section.tasks = tasks;
  return i;
}

function parseSchedDebugText(text: string, file: string): SchedDebugSection[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  const version = VERSION.exec(src.lines[0].trimEnd());
  if (!version) src.fail(0, 'expected "Sched Debug Version: vX.Y, RELEASE VERSION"');
  const sections: SchedDebugSection[] = [{ section: 'version', version: version[1], kernel: version[2] }];
  let current: SchedDebugSection | undefined = { section: 'global', values: {} };
  sections.push(current);
  let cpu: number | undefined;
  for (let i = 1; i < src.length; i++) {
    const line = src.lines[i].trimEnd();
    if (line === '') {
      current = undefined;
      continue;
    }
    const indented = /^\s/.test(line);
    const pair = NAME_VALUE.exec(line);
    if (pair) {
      if (current?.values === undefined || (!indented && current.section !== 'global')) {
        src.fail(i, 'a "name : value" line outside a section');
      }
      current.values[pair[1]] = valueOf((pair[2] ?? '').trim());
      continue;
    }
    if (indented) src.fail(i, 'expected ".name : value"');
    const cpuHead = CPU.exec(line);
    const queue = RUNQUEUE.exec(line);
    if (cpuHead) {
      cpu = src.int(cpuHead[1], i, 'cpu');
      current = { section: 'cpu', cpu, values: {} };
      if (cpuHead[2] !== undefined) current.mhz = src.float(cpuHead[2], i, 'MHz');
    } else if (queue) {
      current = { section: queue[1], cpu: src.int(queue[2], i, 'cpu'), values: {} };
      if (queue[3] !== '') current.group = queue[3];
    } else if (line === 'runnable tasks:') {
      if (cpu === undefined) src.fail(i, 'a task table before any cpu# section');
      current = { section: 'tasks', cpu };
      sections.push(current);
      i = taskTable(src, i, current) - 1;
      current = undefined;
      continue;
    } else {
      current = { section: line.trim(), values: {} };
    }
    sections.push(current);
  }
  return sections;
}

export function parseSchedDebug(text: string, file = 'sched_debug'): SchedDebugSection[] {
  return parseSchedDebugText(text, file);
}

/** The handler of a scheduler dump; `name` is its path (under /proc, or debugfs's). */
export function schedDebugHandler(name: string, summary: string): Handler<SchedDebugSection> {
  return defineHandler<SchedDebugSection>({ name, summary, parse: (text, file) => parseSchedDebugText(text, file ?? name) });
}
