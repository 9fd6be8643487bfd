/**
 * /proc/crypto — the kernel's registered cryptographic algorithms.
 * Kernel: crypto/proc.c, c_show() (plus each type's report/show, e.g. crypto_skcipher_show()).
 * Sample: "name         : cbc(aes)" — one `key : value` block per algorithm, blocks separated by blank lines.
 *
 * One record per block. Keys are the kernel's, with inner spaces written as
 * `_` (`min keysize` → `min_keysize`). Sizes and counts (priority, refcnt,
 * blocksize, keysize, ivsize, digestsize, …) are numbers; every other value
 * (selftest, internal, async, geniv, type, flags) stays text as written, and a
 * key a newer kernel adds is kept as text under its own name.
 */
import { defineHandler } from '../handler';
import { Lines } from './helpers';

export interface CryptoRecord {
  name: string;
  driver: string;
  module: string;
  priority: number;
  refcnt: number;
  selftest?: string;
  internal?: string;
  type: string;
  async?: string;
  blocksize?: number;
  min_keysize?: number;
  max_keysize?: number;
  ivsize?: number;
  maxauthsize?: number;
  chunksize?: number;
  walksize?: number;
  statesize?: number;
  digestsize?: number;
  seedsize?: number;
  geniv?: string;
  [key: string]: string | number | undefined;
}

const NUMERIC = new Set([
  'priority',
  'refcnt',
  'blocksize',
  'min_keysize',
  'max_keysize',
  'ivsize',
  'maxauthsize',
  'chunksize',
  'walksize',
  'statesize',
  'digestsize',
  'seedsize',
  'max_size',
]);
const REQUIRED = ['name', 'driver', 'module', 'priority', 'refcnt', 'type'];

export function parseCrypto(text: string, file = 'crypto'): CryptoRecord[] {
  const src = new Lines(file, text);
  const records: CryptoRecord[] = [];
  let current: Record<string, string | number> | undefined;
  let start = 0;
  const finish = (end: number): void => {
    if (current === undefined) return;
    for (const key of REQUIRED) if (!(key in current)) src.fail(start, `algorithm block (lines ${start + 1}-${end}) lacks "${key}"`);
    records.push(current as CryptoRecord);
    current = undefined;
  };
  for (let i = 0; i < src.length; i++) {
    const line = src.lines[i];
    if (line.trim() === '') {
      finish(i);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) src.fail(i, 'expected "key : value"');
    const key = line.slice(0, colon).trim().split(/\s+/).join('_');
    const value = line.slice(colon + 1).trim();
    if (current === undefined) {
      if (key !== 'name') src.fail(i, 'an algorithm block must start with "name"');
      current = {};
      start = i;
    }
    if (key in current) src.fail(i, `"${key}" repeated in one algorithm block`);
    current[key] = NUMERIC.has(key) ? src.int(value, i, key) : src.str(value, i, key);
  }
  finish(src.length);
  return records;
}

export const crypto = defineHandler<CryptoRecord>({
  name: 'crypto',
  summary: 'registered cryptographic algorithms, one record per algorithm',
  parse: parseCrypto,
});
