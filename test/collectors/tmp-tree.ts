/** A throw-away procfs tree for one test: files given by path under the root. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tmpTree(files: Record<string, string>): { root: string; remove: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-tree-'));
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return { root, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
