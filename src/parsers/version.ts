/**
 * /proc/version — the kernel banner.
 * Kernel: fs/proc/version.c, version_proc_show(), printing linux_proc_banner (init/version.c):
 * "%s version %s (" LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST ") (" LINUX_COMPILER ") %s\n".
 * Sample: "Linux version 3.2.0-24-generic (buildd@crested) (gcc version 4.6.3 (Ubuntu/Linaro 4.6.3-1ubuntu5) ) #39-Ubuntu SMP Mon May 21 16:52:17 UTC 2012"
 *
 * One record: the whole banner and its parts (the compiler text may hold
 * parentheses of its own; they are matched, not cut at the first ")").
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface VersionRecord {
  banner: string;
  /** utsname sysname, "Linux". */
  sysname: string;
  /** utsname release, as `uname -r`. */
  release: string;
  compile_by: string;
  compile_host: string;
  compiler: string;
  /** utsname version, as `uname -v`: "#1 SMP PREEMPT_DYNAMIC …". */
  version: string;
}

export function parseVersion(text: string, file = 'version'): VersionRecord[] {
  const src = new Lines(file, text);
  if (src.length === 0) return [];
  if (src.length > 1) src.fail(1, 'expected one line');
  const banner = src.lines[0].trim();
  const marker = banner.indexOf(' version ');
  if (marker <= 0) src.fail(0, 'expected "SYSNAME version RELEASE (USER@HOST) (COMPILER) VERSION"');
  const sysname = banner.slice(0, marker);
  const afterRelease = banner.indexOf(' (', marker + 9);
  if (afterRelease < 0) src.fail(0, 'expected "(USER@HOST)" after the release');
  const release = banner.slice(marker + 9, afterRelease);
  const closeBuilder = banner.indexOf(')', afterRelease + 2);
  if (closeBuilder < 0) src.fail(0, 'unclosed "(USER@HOST"');
  const builder = banner.slice(afterRelease + 2, closeBuilder);
  const at = builder.lastIndexOf('@');
  if (at < 0) src.fail(0, 'expected "USER@HOST"');
  if (banner.slice(closeBuilder, closeBuilder + 3) !== ') (') src.fail(0, 'expected "(COMPILER)" after "(USER@HOST)"');
  let depth = 1;
  let end = closeBuilder + 3;
  for (; end < banner.length; end++) {
    if (banner[end] === '(') depth++;
    else if (banner[end] === ')' && --depth === 0) break;
  }
  if (depth !== 0) src.fail(0, 'unclosed "(COMPILER"');
  const version = banner.slice(end + 1).trim();
  if (release === '' || version === '') src.fail(0, 'missing release or version');
  return [
    {
      banner,
      sysname,
      release,
      compile_by: builder.slice(0, at),
      compile_host: builder.slice(at + 1),
      compiler: banner.slice(closeBuilder + 3, end).trim(),
      version,
    },
  ];
}

export const version = defineHandler<VersionRecord>({
  name: 'version',
  summary: 'the kernel banner: release, builder, compiler, build version',
  parse: parseVersion,
});
