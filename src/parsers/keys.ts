/**
 * /proc/keys — keys and keyrings the reading process may view.
 * Kernel: security/keys/proc.c, proc_keys_show()
 * ("%08x %c%c%c%c%c%c%c %5d %4s %08x %5d %5d %-9.9s " then the key type's describe()).
 * Sample: "02ad28be I------     1 perm 0f0b0000     0     0 keyring   .blacklist: empty"
 *
 * Columns as Documentation/security/keys/core.rst names them: ID (`serial`,
 * hex text as written), flags (I instantiated, R revoked, D dead, Q quota, U
 * under construction, N negative, i invalidated; `-` when not set), usage,
 * timeout ("perm", "expd" or a count with s/m/h/d/w, kept as written),
 * permissions (hex mask text), uid, gid, type, and the description with its
 * type-specific summary (free text after the type).
 */
import { defineHandler } from '../handler';
import { isHex, Lines, splitHead } from './helpers';

export interface KeysRecord {
  serial: string;
  flags: string;
  usage: number;
  timeout: string;
  permissions: string;
  uid: number;
  gid: number;
  type: string;
  description: string;
}

export function parseKeys(text: string, file = 'keys'): KeysRecord[] {
  const src = new Lines(file, text);
  const records: KeysRecord[] = [];
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') continue;
    const { head, rest } = splitHead(line, 8);
    if (head.length < 8)
      src.fail(i, `expected serial flags usage timeout permissions uid gid type description, found ${head.length} fields`);
    if (!isHex(head[0])) src.fail(i, `serial is not hexadecimal (${JSON.stringify(head[0])})`);
    if (!isHex(head[4])) src.fail(i, `permissions is not hexadecimal (${JSON.stringify(head[4])})`);
    if (head[1].length !== 7) src.fail(i, `expected seven flag letters (${JSON.stringify(head[1])})`);
    records.push({
      serial: head[0],
      flags: head[1],
      usage: src.int(head[2], i, 'usage'),
      timeout: head[3],
      permissions: head[4],
      uid: src.int(head[5], i, 'uid'),
      gid: src.int(head[6], i, 'gid'),
      type: head[7],
      description: rest,
    });
  }
  return records;
}

export const keys = defineHandler<KeysRecord>({
  name: 'keys',
  summary: 'keys and keyrings visible to the reader',
  parse: parseKeys,
});
