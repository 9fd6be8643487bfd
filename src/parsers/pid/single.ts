/**
 * Per-process files holding one value on one line.
 *   comm            fs/proc/base.c comm_show()             "python3"
 *   cpuset          kernel/cgroup/cpuset.c proc_cpuset_show() "/"
 *   oom_score       fs/proc/base.c proc_oom_score()        "666"
 *   oom_adj         fs/proc/base.c oom_adj_read()          "-17"
 *   oom_score_adj   fs/proc/base.c oom_score_adj_read()    "0"
 *   loginuid        fs/proc/base.c proc_loginuid_read()    "4294967295" (no newline)
 *   sessionid       fs/proc/base.c proc_sessionid_read()   "4294967295" (no newline)
 *   coredump_filter fs/proc/base.c proc_coredump_filter_read() "%08lx" → "00000033"
 *   timerslack_ns   fs/proc/base.c timerslack_ns_show()    "50000"
 *   ksm_merging_pages fs/proc/base.c proc_pid_ksm_merging_pages() "0"
 *   personality     fs/proc/base.c proc_pid_personality()  "%08x" → "00000000"
 *   setgroups       kernel/user_namespace.c proc_setgroups_show() "allow" / "deny"
 *   wchan           fs/proc/base.c proc_pid_wchan()        "hrtimer_nanosleep" (no newline; "0" when running or hidden)
 *
 * One record named after the file. Numbers are numbers; the masks
 * (coredump_filter, personality) stay hex text as written; names stay text.
 * An empty file gives no record (wchan of a running task on newer kernels).
 */
import { defineHandler, type Handler } from '../../handler';
import { fields, Lines } from '../helpers';
import { oneLine } from './common';

type Kind = 'int' | 'hex' | 'word' | 'text';

function single<K extends string, V>(name: K, kind: Kind) {
  return (text: string, file: string = `pid/${name}`): Record<K, V>[] => {
    const src = new Lines(file, text);
    const line = oneLine(src);
    if (line === undefined) return [];
    let value: string | number;
    switch (kind) {
      case 'int':
        value = src.int(line.trim(), 0, name);
        break;
      case 'hex':
        src.hex(line.trim(), 0, name);
        value = line.trim();
        break;
      case 'word': {
        const f = fields(line);
        if (f.length !== 1) src.fail(0, `expected one word, found ${f.length}`);
        value = f[0];
        break;
      }
      case 'text':
        if (line === '') src.fail(0, `missing ${name}`);
        value = line;
        break;
    }
    return [{ [name]: value } as Record<K, V>];
  };
}

export interface CommRecord { comm: string }
export interface CpusetRecord { cpuset: string }
export interface OomScoreRecord { oom_score: number }
export interface OomAdjRecord { oom_adj: number }
export interface OomScoreAdjRecord { oom_score_adj: number }
export interface LoginuidRecord { loginuid: number }
export interface SessionidRecord { sessionid: number }
export interface CoredumpFilterRecord { coredump_filter: string }
export interface TimerslackNsRecord { timerslack_ns: number }
export interface KsmMergingPagesRecord { ksm_merging_pages: number }
export interface PersonalityRecord { personality: string }
export interface SetgroupsRecord { setgroups: string }
export interface WchanRecord { wchan: string }

/** The command name may hold spaces (kept); it is cut at 16 bytes by the kernel (64 for kernel workers). */
export const parseComm: (text: string, file?: string) => CommRecord[] = single('comm', 'text');
export const parseCpuset: (text: string, file?: string) => CpusetRecord[] = single('cpuset', 'text');
export const parseOomScore: (text: string, file?: string) => OomScoreRecord[] = single('oom_score', 'int');
export const parseOomAdj: (text: string, file?: string) => OomAdjRecord[] = single('oom_adj', 'int');
export const parseOomScoreAdj: (text: string, file?: string) => OomScoreAdjRecord[] = single('oom_score_adj', 'int');
export const parseLoginuid: (text: string, file?: string) => LoginuidRecord[] = single('loginuid', 'int');
export const parseSessionid: (text: string, file?: string) => SessionidRecord[] = single('sessionid', 'int');
export const parseCoredumpFilter: (text: string, file?: string) => CoredumpFilterRecord[] = single('coredump_filter', 'hex');
export const parseTimerslackNs: (text: string, file?: string) => TimerslackNsRecord[] = single('timerslack_ns', 'int');
export const parseKsmMergingPages: (text: string, file?: string) => KsmMergingPagesRecord[] = single('ksm_merging_pages', 'int');
export const parsePersonality: (text: string, file?: string) => PersonalityRecord[] = single('personality', 'hex');
export const parseSetgroups: (text: string, file?: string) => SetgroupsRecord[] = single('setgroups', 'word');
export const parseWchan: (text: string, file?: string) => WchanRecord[] = single('wchan', 'word');

function handler<R extends object>(name: string, summary: string, parse: (text: string, file?: string) => R[]): Handler<R> {
  return defineHandler<R>({ name: `pid/${name}`, summary, parse: (text, file) => parse(text, file) });
}

export const comm = handler('comm', 'command name of the task', parseComm);
export const cpuset = handler('cpuset', 'cpuset (cgroup path) of the process', parseCpuset);
export const oomScore = handler('oom_score', 'OOM-killer badness score', parseOomScore);
export const oomAdj = handler('oom_adj', 'legacy OOM adjustment (-17…15)', parseOomAdj);
export const oomScoreAdj = handler('oom_score_adj', 'OOM score adjustment (-1000…1000)', parseOomScoreAdj);
export const loginuid = handler('loginuid', 'audit login uid (4294967295 = unset)', parseLoginuid);
export const sessionid = handler('sessionid', 'audit session id (4294967295 = unset)', parseSessionid);
export const coredumpFilter = handler('coredump_filter', 'core dump mapping filter mask (hex as written)', parseCoredumpFilter);
export const timerslackNs = handler('timerslack_ns', 'timer slack in ns', parseTimerslackNs);
export const ksmMergingPages = handler('ksm_merging_pages', 'pages of the process merged by KSM', parseKsmMergingPages);
export const personality = handler('personality', 'execution domain flags (hex as written)', parsePersonality);
export const setgroups = handler('setgroups', 'whether setgroups(2) is allowed in the user namespace', parseSetgroups);
export const wchan = handler('wchan', 'kernel function the task sleeps in', parseWchan);
