/**
 * `npm pack` (prepack): writes dist/build-info.json — the checkout's git
 * branch and revision, the build user and the time — so that `--version` of
 * an installed tarball names them (src/version.ts). `--remove` (postpack)
 * deletes it again, so that the checkout's own `--version` keeps following git.
 */
import * as fs from 'fs';
import * as path from 'path';
import { BUILD_INFO_FILE, currentBuild, packageRoot } from '../src/version';

const file = path.join(packageRoot(), BUILD_INFO_FILE);
if (process.argv.includes('--remove')) {
  fs.rmSync(file, { force: true });
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Outside a git checkout the branch and revision are written as unknown.
  fs.writeFileSync(file, `${JSON.stringify(currentBuild(packageRoot()))}\n`);
}
