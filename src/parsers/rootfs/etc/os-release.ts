/**
 * /etc/os-release (under --path.rootfs) — the operating system's identification, the administrator's copy.
 * Kernel: none; written by the distribution (os-release(5)), read first as node_exporter does.
 * Format: formats/os-release.ts.
 * Sample: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'
 */
import { osReleaseHandler } from '../../formats/os-release';

export const etcOsRelease = osReleaseHandler('etc/os-release', "the administrator's copy");
