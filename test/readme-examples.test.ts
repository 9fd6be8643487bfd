/**
 * The README's examples of the commands, run: every `$` line of the
 * ```console blocks in "The commands" goes through sh in the checkout, with
 * the commands on PATH, and prints exactly the lines under it (standard error
 * included, `…` standing for text that changes from build to build). Lines
 * marked `# as a user other than root` run as nobody when the tests run as
 * root. Every error line the section quotes inline is one an example printed.
 */
import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from './support/fixtures';
import { isRoot, unprivilegedIds, unprivilegedProblem } from './support/unprivileged';

const COMMANDS = ['proc2json', 'proc2csv', 'show-proc-fields'];
const UNPRIVILEGED = /#\s*as a user other than root\s*$/;

interface Example {
  command: string;
  expected: string[];
}

/** The text of a `## ` section of the README, up to the next one. */
function section(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The `$` lines of the console blocks, each with the output lines under it. */
function examples(text: string): Example[] {
  const out: Example[] = [];
  for (const block of text.matchAll(/```console\n([\s\S]*?)```/g)) {
    for (const line of block[1].replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) out.push({ command: line.slice(2), expected: [] });
      else if (out.length > 0) out[out.length - 1].expected.push(line);
      else throw new Error(`output before any command in a console block: ${line}`);
    }
  }
  return out;
}

function matches(actual: string, expected: string): boolean {
  if (!expected.includes('…')) return actual === expected;
  const pattern = expected
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(actual);
}

describe('README examples of the commands', function () {
  this.timeout(120_000);
  const text = section(fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8'), 'The commands');
  const all = examples(text);
  let bin: string;
  const printed: string[] = [];
  /** Output lines of examples that could not be run here (nobody cannot reach the checkout). */
  const notRun: string[] = [];

  before(() => {
    // The commands on PATH, as `npm install -g` puts them there; readable by nobody too.
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-readme-'));
    fs.chmodSync(bin, 0o755);
    for (const command of COMMANDS) {
      const file = path.join(bin, command);
      fs.writeFileSync(file, `#!/bin/sh\nexec '${process.execPath}' '${path.join(projectRoot, 'bin', `${command}.js`)}' "$@"\n`);
      fs.chmodSync(file, 0o755);
    }
  });

  after(() => {
    if (bin) fs.rmSync(bin, { recursive: true, force: true });
  });

  it('has examples of all three commands, errors included', () => {
    for (const command of COMMANDS)
      expect(
        all.some((e) => e.command.includes(command)),
        command,
      ).to.equal(true);
    expect(all.filter((e) => e.expected.some((line) => /^proc2(json|csv): /.test(line))).length).to.be.at.least(5);
  });

  it('every example prints what the README shows', function () {
    const problem = unprivilegedProblem();
    let status = 0;
    for (const example of all) {
      const unprivileged = UNPRIVILEGED.test(example.command);
      if (unprivileged && problem !== undefined) {
        console.log(`      not run (${problem}): $ ${example.command}`);
        notRun.push(...example.expected);
        status = 0;
        continue;
      }
      // `$?` of the example before, as in one shell session.
      const script = `(exit ${status}); { ${example.command}\n} 2>&1`;
      const result = spawnSync('sh', ['-c', script], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
        ...(unprivileged ? unprivilegedIds() : {}),
      });
      status = result.status ?? 1;
      const actual = result.stdout.replace(/\n$/, '').split('\n');
      printed.push(...actual);
      expect(actual.length, `$ ${example.command}\n${result.stdout}`).to.equal(example.expected.length);
      actual.forEach((line, i) => {
        expect(matches(line, example.expected[i]), `$ ${example.command}\n${line}\n≠\n${example.expected[i]}`).to.equal(true);
      });
    }
    if (isRoot && problem !== undefined) this.skip();
  });

  it('every error line the section quotes inline is one the examples print', () => {
    const quoted = [...text.matchAll(/`((?:proc2json|proc2csv|show-proc-fields): [^`]+)`/g)].map((m) => m[1]);
    expect(quoted).to.have.length.at.least(2);
    for (const line of quoted.filter((q) => !notRun.includes(q))) expect(printed, line).to.include(line);
  });
});
