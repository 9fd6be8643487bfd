/**
 * /proc/timer_list — high-resolution timers per CPU and clock base, and the clock event devices.
 * Kernel: kernel/time/timer_list.c, timer_list_show() and its helpers print_cpu(), print_base(),
 *   print_active_timers(), print_timer(), print_tickdevice(), timer_list_show_tickdevices_header().
 * Sample: " #0: <000000000fea96e7>, tick_nohz_handler, S:01"
 *   " # expires at 224824000000-224824000000 nsecs [in 2610267 to 2610267 nsecs]"
 *
 * One record for the file, nested: `cpus[]` (each with `clock_bases[]`,
 * each with `active_timers[]`, then the CPU's `.name : value` fields and
 * jiffies) and `tick_devices[]` (each with its clock event device). Field
 * names are the kernel's (the leading dot dropped, spaces as underscores);
 * a value printed with `nsecs` gets `_nsecs` in its name. Numbers stay
 * numbers; function names, hex addresses and masks stay text. Versions
 * v0.6 (Linux 3.2, timers carry the start site and task) to v0.10 (6.x).
 */
import { defineHandler } from '../handler';
import { integerOf, Lines } from './helpers';

export type TimerListValues = Record<string, number | string>;

export interface ActiveTimer {
  index: number;
  /** The hrtimer's address (without the angle brackets). */
  timer: string;
  function: string;
  /** hrtimer state, two hex digits as written. */
  state: string;
  /** Linux < 4.11 with CONFIG_TIMER_STATS: where and by whom the timer was started. */
  start_site?: string;
  start_comm?: string;
  start_pid?: number;
  soft_expires_nsecs: number;
  expires_nsecs: number;
  /** Time until the soft/hard expiry when the file was read (negative when overdue). */
  soft_expires_in_nsecs: number;
  expires_in_nsecs: number;
}

export interface ClockBase {
  clock: number;
  /** `.base`, `.index`, `.resolution_nsecs`, `.get_time` (3.2), `.offset_nsecs`, … */
  fields: TimerListValues;
  active_timers: ActiveTimer[];
}

export interface TimerListCpu {
  cpu: number;
  clock_bases: ClockBase[];
  /** The CPU's hrtimer and tick fields: expires_next_nsecs, hres_active, nr_events, …, idle_expires_nsecs. */
  fields: TimerListValues;
  jiffies?: number;
}

export interface TickDevice {
  mode: number;
  /** True for the broadcast device. */
  broadcast?: boolean;
  /** The CPU of a per-CPU device. */
  cpu?: number;
  /** Absent when the kernel prints `<NULL>`. */
  clock_event_device?: { name: string } & TimerListValues;
  /** Broadcast masks and other `name: value` lines of the device block. */
  fields: TimerListValues;
  /** Absent when the kernel prints `<NULL>`. */
  wakeup_device?: string;
}

export interface TimerListRecord {
  version: string;
  hrtimer_max_clock_bases: number;
  now_nsecs: number;
  cpus: TimerListCpu[];
  tick_devices: TickDevice[];
}

/** Fields whose digits are not a count: addresses and masks stay text. */
function keepsText(name: string): boolean {
  return name === 'base' || name.endsWith('_mask');
}

/** `name: value [nsecs]` → the field's name and value, numbers when decimal. */
function addField(src: Lines, i: number, target: TimerListValues, rawName: string, rawValue: string): void {
  let name = rawName.trim().replace(/ /g, '_');
  if (name.startsWith('.')) name = name.slice(1);
  if (name === '') src.fail(i, 'missing field name');
  let value = rawValue.trim();
  if (value.endsWith(' nsecs')) {
    value = value.slice(0, -6).trim();
    name += '_nsecs';
    target[name] = src.int(value, i, name);
    return;
  }
  target[name] = keepsText(name) ? value : (integerOf(value) ?? value);
}

function parseTimer(src: Lines, i: number, line: string, next: string | undefined): ActiveTimer {
  // " #0: <addr>, function, S:01[, start_site, comm/pid]"
  const colon = line.indexOf(':');
  const index = src.int(line.slice(line.indexOf('#') + 1, colon), i, 'timer index');
  const parts = line.slice(colon + 1).split(', ');
  if (parts.length < 3) src.fail(i, 'expected "#N: <ADDRESS>, FUNCTION, S:STATE"');
  const addr = parts[0].trim();
  if (!addr.startsWith('<') || !addr.endsWith('>')) src.fail(i, 'expected "<ADDRESS>"');
  if (!parts[2].startsWith('S:')) src.fail(i, 'expected "S:STATE"');
  const timer = {
    index,
    timer: addr.slice(1, -1),
    function: src.str(parts[1].trim(), i, 'function'),
    state: src.str(parts[2].slice(2), i, 'state'),
  } as ActiveTimer;
  if (parts.length >= 5) {
    timer.start_site = parts[3];
    const task = parts.slice(4).join(', ');
    const slash = task.lastIndexOf('/');
    if (slash <= 0) src.fail(i, 'expected "COMM/PID" after the start site');
    timer.start_comm = task.slice(0, slash);
    timer.start_pid = src.int(task.slice(slash + 1), i, 'start pid');
  } else if (parts.length !== 3) {
    src.fail(i, 'unexpected fields after the timer state');
  }
  // " # expires at SOFT-HARD nsecs [in SOFT_IN to HARD_IN nsecs]"
  const e = i + 1;
  const prefix = ' # expires at ';
  if (next === undefined || !next.startsWith(prefix)) src.fail(e, 'expected " # expires at SOFT-HARD nsecs [in A to B nsecs]"');
  const body = next.slice(prefix.length);
  const dash = body.indexOf('-');
  const nsecs = body.indexOf(' nsecs [in ');
  const to = body.indexOf(' to ', nsecs);
  if (dash <= 0 || nsecs < dash || to < 0 || !body.endsWith(' nsecs]'))
    src.fail(e, 'expected " # expires at SOFT-HARD nsecs [in A to B nsecs]"');
  timer.soft_expires_nsecs = src.int(body.slice(0, dash), e, 'soft expiry');
  timer.expires_nsecs = src.int(body.slice(dash + 1, nsecs), e, 'expiry');
  timer.soft_expires_in_nsecs = src.int(body.slice(nsecs + 11, to), e, 'soft expiry in');
  timer.expires_in_nsecs = src.int(body.slice(to + 4, -7), e, 'expiry in');
  return timer;
}

export function parseTimerList(text: string, file = 'timer_list'): TimerListRecord[] {
  const src: Lines = new Lines(file, text);
  if (src.length === 0) return [];
  const record = { cpus: [], tick_devices: [] } as unknown as TimerListRecord;
  let cpu: TimerListCpu | undefined;
  let base: ClockBase | undefined;
  let inTimers = false;
  let tick: TickDevice | undefined;
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    if (line.startsWith('Timer List Version:')) {
      record.version = src.str(line.slice(19).trim(), i, 'version');
    } else if (line.startsWith('HRTIMER_MAX_CLOCK_BASES:')) {
      record.hrtimer_max_clock_bases = src.int(line.slice(24).trim(), i, 'HRTIMER_MAX_CLOCK_BASES');
    } else if (line.startsWith('now at ')) {
      if (!line.endsWith(' nsecs')) src.fail(i, 'expected "now at N nsecs"');
      record.now_nsecs = src.int(line.slice(7, -6), i, 'now');
    } else if (line.startsWith('cpu: ')) {
      cpu = { cpu: src.int(line.slice(5).trim(), i, 'cpu'), clock_bases: [], fields: {} };
      record.cpus.push(cpu);
      base = undefined;
      inTimers = false;
      tick = undefined;
    } else if (line.startsWith(' clock ')) {
      if (cpu === undefined) src.fail(i, 'clock base outside a cpu block');
      if (!line.endsWith(':')) src.fail(i, 'expected " clock N:"');
      base = { clock: src.int(line.slice(7, -1), i, 'clock'), fields: {}, active_timers: [] };
      cpu.clock_bases.push(base);
      inTimers = false;
    } else if (line === 'active timers:') {
      if (base === undefined) src.fail(i, '"active timers:" outside a clock base');
      inTimers = true;
    } else if (line.startsWith(' #') && line.charCodeAt(2) !== 32) {
      if (base === undefined || !inTimers) src.fail(i, 'timer outside an "active timers:" list');
      base.active_timers.push(parseTimer(src, i, line, src.lines[i + 1]));
      i++;
    } else if (line.startsWith('jiffies:')) {
      if (cpu === undefined) src.fail(i, 'jiffies outside a cpu block');
      cpu.jiffies = src.int(line.slice(8).trim(), i, 'jiffies');
    } else if (line.startsWith('  .') && tick === undefined) {
      if (cpu === undefined) src.fail(i, 'field outside a cpu block');
      const colon = line.indexOf(':');
      if (colon < 0) src.fail(i, 'expected ".name: value"');
      // before "active timers:" the field is the clock base's, after it the cpu's
      addField(src, i, base !== undefined && !inTimers ? base.fields : cpu.fields, line.slice(0, colon), line.slice(colon + 1));
    } else if (line.startsWith('Tick Device: mode:')) {
      tick = { mode: src.int(line.slice(18).trim(), i, 'mode'), fields: {} };
      record.tick_devices.push(tick);
      cpu = undefined;
      base = undefined;
    } else if (tick !== undefined) {
      if (line === 'Broadcast device') {
        tick.broadcast = true;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) src.fail(i, 'expected "name: value"');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      if (name === 'Per CPU device') tick.cpu = src.int(value, i, 'cpu');
      else if (name === 'Clock Event Device') {
        if (value !== '<NULL>') tick.clock_event_device = { name: src.str(value, i, 'clock event device') };
      } else if (name === 'Wakeup Device') {
        if (value !== '<NULL>') tick.wakeup_device = value;
      } else if (line.startsWith(' ')) {
        const device = tick.clock_event_device;
        if (device === undefined) return src.fail(i, 'device field without a clock event device');
        addField(src, i, device, name, value);
      } else {
        addField(src, i, tick.fields, name, value);
      }
    } else {
      src.fail(i, 'unexpected line');
    }
  }
  if (record.version === undefined) src.fail(0, 'missing "Timer List Version" line');
  return [record];
}

export const timerList = defineHandler<TimerListRecord>({
  name: 'timer_list',
  summary: 'hrtimers per CPU and clock base, and the clock event devices',
  parse: parseTimerList,
});
