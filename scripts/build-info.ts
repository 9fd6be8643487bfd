/**
 * `npm pack` (prepack): writes build-info.json at the package root — the git
 * revision and the time of packing — so that `--version` of an installed
 * tarball names them (src/version.ts). `--remove` (postpack) deletes it again,
 * so that the checkout's own `--version` keeps following git.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gitRevision, isoSeconds, packageRoot } from '../src/version';

const file = path.join(packageRoot(), 'build-info.json');
if (process.argv.includes('--remove')) {
  fs.rmSync(file, { force: true });
} else {
  // Not a git checkout: the tarball says so.
  const revision = gitRevision(packageRoot()) ?? 'unknown';
  fs.writeFileSync(file, `${JSON.stringify({ revision, date: isoSeconds(new Date()) })}\n`);
}
