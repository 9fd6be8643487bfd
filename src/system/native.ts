/**
 * The one module that calls C: adjtimex(2) (the timex collector) and localtime_r(3) (the time
 * collector's zone), which Node cannot make. Through koffi, an FFI package whose prebuilt binaries
 * come from the npm registry with it (no compiler, no download at install), loaded on first use.
 *
 * Where koffi or the C library cannot be loaded (an unsupported platform, `npm ci --omit=optional`,
 * PROC_EXPORTER_LIBC naming a file that is not there), every call throws NativeUnavailableError:
 * the collector's run fails with its message, never the process.
 *
 * The struct layouts are those of 64-bit Linux (glibc and musl agree: `long` fields, 64-bit
 * time_t); on a 32-bit process the calls are unavailable rather than misread.
 */
import * as os from 'os';

export class NativeUnavailableError extends Error {
  override readonly name = 'NativeUnavailableError';
}

/** adjtimex(2) in read-only mode: its return value (the clock state) and struct timex. */
export interface TimexReading {
  /** TIME_OK 0, TIME_INS 1, TIME_DEL 2, TIME_OOP 3, TIME_WAIT 4, TIME_ERROR 5 (not synchronised). */
  state: number;
  /** Time offset: microseconds, or nanoseconds when STA_NANO (0x2000) is set in `status`. */
  offset: number;
  /** Frequency offset, ppm with a 16-bit fraction (65536 = 1 ppm). */
  freq: number;
  /** Maximum error, microseconds. */
  maxerror: number;
  /** Estimated error, microseconds. */
  esterror: number;
  /** STA_* status bits. */
  status: number;
  /** PLL time constant. */
  constant: number;
  /** Clock precision, microseconds. */
  precision: number;
  /** Maximum frequency error, ppm with a 16-bit fraction. */
  tolerance: number;
  /** Microseconds between clock ticks. */
  tick: number;
  /** PPS frequency, ppm with a 16-bit fraction. */
  ppsfreq: number;
  /** PPS jitter: microseconds, or nanoseconds with STA_NANO. */
  jitter: number;
  /** PPS interval duration, seconds as a power of two. */
  shift: number;
  /** PPS stability, ppm with a 16-bit fraction. */
  stabil: number;
  jitcnt: number;
  calcnt: number;
  errcnt: number;
  stbcnt: number;
  /** TAI offset, seconds. */
  tai: number;
}

/** The local time zone at an instant, as localtime_r(3) gives it (tm_zone, tm_gmtoff). */
export interface LocalZone {
  name: string;
  offsetSeconds: number;
}

interface Libc {
  adjtimex(buffer: Record<string, unknown>): number;
  localtimeR(seconds: number[], out: Record<string, unknown>): unknown;
  tzset(): void;
  errno(): number;
}

const SIXTY_FOUR_BIT = new Set(['x64', 'arm64', 'ppc64', 'riscv64', 'loong64', 's390x', 'mips64el']);

let loaded: Libc | NativeUnavailableError | undefined;

function load(): Libc {
  if (!SIXTY_FOUR_BIT.has(process.arch)) {
    throw new NativeUnavailableError(`struct layouts known for 64-bit Linux only (this is ${process.arch})`);
  }
  const koffi = require('koffi') as typeof import('koffi');
  const library = process.env.PROC_EXPORTER_LIBC;
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = library === undefined || library === '' ? koffi.load(null) : koffi.load(library);
  } catch (error) {
    throw new NativeUnavailableError(`${library || 'the C library'}: ${(error as Error).message}`);
  }
  const timeval = koffi.struct({ tv_sec: 'long', tv_usec: 'long' });
  const timex = koffi.struct({
    modes: 'uint',
    offset: 'long',
    freq: 'long',
    maxerror: 'long',
    esterror: 'long',
    status: 'int',
    constant: 'long',
    precision: 'long',
    tolerance: 'long',
    time: timeval,
    tick: 'long',
    ppsfreq: 'long',
    jitter: 'long',
    shift: 'int',
    stabil: 'long',
    jitcnt: 'long',
    calcnt: 'long',
    errcnt: 'long',
    stbcnt: 'long',
    tai: 'int',
    padding: koffi.array('int32_t', 11),
  });
  if (koffi.sizeof(timex) !== 208) throw new NativeUnavailableError(`struct timex is ${koffi.sizeof(timex)} bytes, expected 208`);
  const tm = koffi.struct({
    tm_sec: 'int',
    tm_min: 'int',
    tm_hour: 'int',
    tm_mday: 'int',
    tm_mon: 'int',
    tm_year: 'int',
    tm_wday: 'int',
    tm_yday: 'int',
    tm_isdst: 'int',
    tm_gmtoff: 'long',
    tm_zone: 'const char *',
  });
  return {
    adjtimex: lib.func('adjtimex', 'int', [koffi.inout(koffi.pointer(timex))]) as Libc['adjtimex'],
    localtimeR: lib.func('localtime_r', koffi.pointer(tm), [koffi.pointer('long'), koffi.out(koffi.pointer(tm))]) as Libc['localtimeR'],
    tzset: lib.func('tzset', 'void', []) as Libc['tzset'],
    errno: () => koffi.errno(),
  };
}

function libc(): Libc {
  if (loaded === undefined) {
    try {
      loaded = load();
    } catch (error) {
      const reason = error instanceof NativeUnavailableError ? error.message : (error as Error).message.split('\n')[0];
      loaded = new NativeUnavailableError(`native calls unavailable: ${reason}`);
    }
  }
  if (loaded instanceof NativeUnavailableError) throw loaded;
  return loaded;
}

/** Whether the C calls can be made here (loads them on first use). */
export function nativeAvailable(): boolean {
  try {
    libc();
    return true;
  } catch {
    return false;
  }
}

/** adjtimex(2) with modes 0: reads the kernel clock's state, changes nothing (needs no privilege). */
export function adjtimex(): TimexReading {
  const c = libc();
  const buffer: Record<string, unknown> = { modes: 0 };
  const state = c.adjtimex(buffer);
  if (state < 0) throw new Error(`adjtimex: ${errnoName(c.errno())}`);
  const field = (name: string): number => buffer[name] as number;
  return {
    state,
    offset: field('offset'),
    freq: field('freq'),
    maxerror: field('maxerror'),
    esterror: field('esterror'),
    status: field('status'),
    constant: field('constant'),
    precision: field('precision'),
    tolerance: field('tolerance'),
    tick: field('tick'),
    ppsfreq: field('ppsfreq'),
    jitter: field('jitter'),
    shift: field('shift'),
    stabil: field('stabil'),
    jitcnt: field('jitcnt'),
    calcnt: field('calcnt'),
    errcnt: field('errcnt'),
    stbcnt: field('stbcnt'),
    tai: field('tai'),
  };
}

function errnoName(errno: number): string {
  const name = Object.entries(os.constants.errno).find(([, value]) => value === errno)?.[0];
  return name ?? `errno ${errno}`;
}

/** The local zone's abbreviation and offset at `epochSeconds` (TZ, else /etc/localtime, read again on each call). */
export function localZone(epochSeconds: number): LocalZone {
  const c = libc();
  c.tzset();
  const out: Record<string, unknown> = {};
  if (c.localtimeR([Math.floor(epochSeconds)], out) === null) throw new Error(`localtime_r: ${errnoName(c.errno())}`);
  return { name: String(out.tm_zone ?? ''), offsetSeconds: out.tm_gmtoff as number };
}

/**
 * uname(2)'s machine field, which Node calls itself (os.machine()): the kernel's architecture as the
 * exporter's process sees it, the same in a container (UTS namespaces do not change it).
 */
export function unameMachine(): string {
  return os.machine();
}
