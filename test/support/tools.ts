/**
 * Outside programs some tests need (Go for the chart renderer, Prometheus, promtool, node_exporter,
 * process-exporter, chromium, systemd-analyze), and the one rule for a missing one: locally the test
 * is skipped and its title says what to install; in CI (CI set to anything but "" or "false") it
 * fails with that message, since .ci/run installs every one of them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type { Context } from 'mocha';

interface Tool {
  /** The path that proves the tool is there, or undefined. */
  find(): string | undefined;
  /** What a person types to get it (Debian package names). */
  install: string;
}

/** The path of a command on PATH, or undefined. */
export function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : undefined;
}

const onPath = (command: string, install: string): Tool => ({ find: () => which(command), install });

/** Where Debian's golang-*-dev packages put their sources (GOPATH mode). */
export const GOCODE = '/usr/share/gocode';

export const TOOLS = {
  go: onPath('go', 'apt-get install golang-go'),
  sprig: {
    find: () => {
      const dir = `${GOCODE}/src/github.com/Masterminds/sprig`;
      return fs.existsSync(dir) ? dir : undefined;
    },
    install: 'apt-get install golang-github-masterminds-sprig-dev',
  },
  prometheus: onPath('prometheus', 'apt-get install prometheus'),
  promtool: onPath('promtool', 'apt-get install prometheus'),
  'prometheus-node-exporter': {
    find: () => which('prometheus-node-exporter') ?? which('node_exporter'),
    install: 'apt-get install prometheus-node-exporter',
  },
  'prometheus-process-exporter': {
    find: () => which('prometheus-process-exporter') ?? which('process-exporter'),
    install: 'apt-get install prometheus-process-exporter',
  },
  chromium: { find: () => which('chromium') ?? which('chromium-browser'), install: 'apt-get install chromium' },
  'systemd-analyze': onPath('systemd-analyze', 'apt-get install systemd'),
  prlimit: onPath('prlimit', 'apt-get install util-linux'),
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci.toLowerCase() !== 'false';
}

export function missingMessage(name: ToolName): string {
  return `${name} is not installed: ${TOOLS[name].install} (.ci/run installs it)`;
}

/**
 * The tool's path. When it is missing: in CI, throws; locally, marks the tests it stands for
 * (the test, or every test of the suite when called from a hook) "skipped: <what to install>"
 * and skips them.
 */
export function requireTool(ctx: Context, name: ToolName): string {
  const found = TOOLS[name].find();
  if (found !== undefined) return found;
  const message = missingMessage(name);
  if (inCI()) throw new Error(message);
  const runnable = ctx.test as Mocha.Hook | Mocha.Test | undefined;
  const note = ` (skipped: ${message})`;
  if (runnable?.type === 'hook') {
    const mark = (suite: Mocha.Suite): void => {
      for (const t of suite.tests) if (!t.title.endsWith(note)) t.title += note;
      suite.suites.forEach(mark);
    };
    if (runnable.parent) mark(runnable.parent);
  } else if (runnable && !runnable.title.endsWith(note)) {
    runnable.title += note;
  }
  return ctx.skip();
}
