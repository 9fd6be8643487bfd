/**
 * /proc/version_signature — Ubuntu's kernel signature (Ubuntu kernels only).
 * Kernel: Ubuntu's fs/proc/version_signature.c, version_signature_proc_show() ("%s\n", CONFIG_VERSION_SIGNATURE).
 * Sample: "Ubuntu 3.2.0-24.39-generic 3.2.16"
 *
 * One record: the whole text, and when it has Ubuntu's three words, the
 * distribution, the distribution's kernel version and the upstream (mainline) version.
 */
import { defineHandler } from '../handler';
import { fields, Lines } from './helpers';

export interface VersionSignatureRecord {
  signature: string;
  distribution?: string;
  version?: string;
  upstream_version?: string;
}

export function parseVersionSignature(text: string, file = 'version_signature'): VersionSignatureRecord[] {
  const src = new Lines(file, text);
  const lines = src.lines.filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  if (lines.length > 1) src.fail(src.lines.indexOf(lines[1]), 'expected one line');
  const signature = lines[0].trim();
  const record: VersionSignatureRecord = { signature };
  const f = fields(signature);
  if (f.length === 3) {
    record.distribution = f[0];
    record.version = f[1];
    record.upstream_version = f[2];
  }
  return [record];
}

export const versionSignature = defineHandler<VersionSignatureRecord>({
  name: 'version_signature',
  summary: "the distribution's kernel signature (Ubuntu)",
  parse: parseVersionSignature,
});
