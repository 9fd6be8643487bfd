/**
 * /proc/key-users — key quota usage per user.
 * Kernel: security/keys/proc.c, proc_key_users_show().
 * Sample: "    0:     9 8/8 3/1000000 40/25000000"
 *
 * Format "%5u: %5d %d/%d %d/%d %d/%d": uid, usage (structure refcount),
 * nkeys/nikeys (keys, instantiated keys), qnkeys/maxkeys (key count quota),
 * qnbytes/maxbytes (key size quota, bytes) — the kernel's struct key_user names.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface KeyUsersRecord {
  uid: number;
  usage: number;
  nkeys: number;
  nikeys: number;
  qnkeys: number;
  maxkeys: number;
  qnbytes: number;
  maxbytes: number;
}

export function parseKeyUsers(text: string, file = 'key-users'): KeyUsersRecord[] {
  const src = new Lines(file, text);
  const records: KeyUsersRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const f = fields(src.lines[i]);
    if (f.length === 0) continue;
    if (f.length !== 5) src.fail(i, `expected "uid: usage n/n n/n n/n", found ${f.length} fields`);
    if (!f[0].endsWith(':')) src.fail(i, 'expected "uid:" first');
    const pair = (token: string, a: string, b: string): [number, number] => {
      const slash = token.indexOf('/');
      if (slash < 0) src.fail(i, `expected "${a}/${b}" (${JSON.stringify(token)})`);
      return [src.int(token.slice(0, slash), i, a), src.int(token.slice(slash + 1), i, b)];
    };
    const [nkeys, nikeys] = pair(f[2], 'nkeys', 'nikeys');
    const [qnkeys, maxkeys] = pair(f[3], 'qnkeys', 'maxkeys');
    const [qnbytes, maxbytes] = pair(f[4], 'qnbytes', 'maxbytes');
    records.push({
      uid: src.int(f[0].slice(0, -1), i, 'uid'),
      usage: src.int(f[1], i, 'usage'),
      nkeys,
      nikeys,
      qnkeys,
      maxkeys,
      qnbytes,
      maxbytes,
    });
  }
  return records;
}

export const keyUsers = defineHandler<KeyUsersRecord>({
  name: 'key-users',
  summary: 'key quota usage per user',
  parse: parseKeyUsers,
});
