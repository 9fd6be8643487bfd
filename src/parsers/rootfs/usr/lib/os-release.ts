/**
 * /usr/lib/os-release (under --path.rootfs) — the operating system's identification, the vendor's copy.
 * Kernel: none; shipped by the distribution (os-release(5)), read when /etc/os-release is absent.
 * Format: formats/os-release.ts.
 * Sample: 'NAME="Debian GNU/Linux"'
 */
import { osReleaseHandler } from '../../../formats/os-release';

export const usrLibOsRelease = osReleaseHandler('usr/lib/os-release', "the vendor's copy");
