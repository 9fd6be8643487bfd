/**
 * The project's root directory (the one holding package.json), found from
 * this file whether it runs as TypeScript (tsx) or compiled (dist/); and
 * whether it runs from TypeScript. Shared by the benchmark and the tests
 * (test/support/fixtures.ts).
 */
import * as fs from 'fs';
import * as path from 'path';

function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(__dirname);

/** Running from TypeScript under tsx (the mocha smoke test, test:one) rather than from dist/. */
export const FROM_SOURCE = __filename.endsWith('.ts');
