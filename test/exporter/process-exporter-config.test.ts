/**
 * process-exporter's config file given as it is (`--config.process-exporter FILE`), the process
 * groups' settings (config.yaml's process_groups and the --process-groups.* flags, process-exporter's
 * defaults), and every message a bad file or flag gets: one line naming the key.
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError } from '../../src/config';
import { projectRoot } from '../support/fixtures';
import { loadConfig, runExporter } from './helpers';

const TREE = path.join(projectRoot, 'fixtures', 'trees', 'process-exporter');
const CONFIG = path.join(projectRoot, 'test', 'exporter', 'golden', 'process-exporter.yml');

describe("process-exporter's config file and the process groups' settings", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pe-config-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const failure = (argv: string[]): string => {
    try {
      loadConfig(['--path.procfs', TREE, ...argv]);
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it("--once with the file as process-exporter reads it: process-exporter's names, labels and help texts", () => {
    const result = runExporter([
      '--once',
      '--config',
      '/dev/null',
      '--config.process-exporter',
      CONFIG,
      '--path.procfs',
      TREE,
      '--collector.disable-defaults',
    ]);
    expect(result.stderr).to.equal('');
    expect(result.status).to.equal(0);
    expect(result.stdout).to.include('# HELP namedprocess_namegroup_num_procs number of processes in this group\n');
    expect(result.stdout).to.include('namedprocess_namegroup_num_procs{groupname="nginx"} 5\n');
    expect(result.stdout).to.include('namedprocess_namegroup_thread_count{groupname="py:worker:nobody",threadname="ThreadPoolExec"} 2\n');
    expect(result.stdout).to.include('# TYPE namedprocess_scrape_errors counter\nnamedprocess_scrape_errors 0\n');
    expect(result.stdout).to.include('node_scrape_collector_success{collector="process_groups"} 1\n');
    expect(result.stdout).to.not.include('procfs_group_');
  });

  it("process-exporter's defaults (children, threads, smaps on); names ours unless the file is process-exporter's", () => {
    const file = write('ours.yaml', 'process_groups:\n  - comm: [nginx]\n');
    const ours = loadConfig(['--config', file, '--path.procfs', TREE]).collectors.find((c) => c.name === 'process_groups')!;
    expect(ours.definition.metrics.map((m) => m.name)).to.include('procfs_group_thread_count');
    const theirs = loadConfig(['--config', '/dev/null', '--config.process-exporter', CONFIG, '--path.procfs', TREE]).collectors.find(
      (c) => c.name === 'process_groups',
    )!;
    expect(theirs.definition.metrics.map((m) => m.name)).to.include.members([
      'namedprocess_namegroup_thread_count',
      'namedprocess_namegroup_worst_fd_ratio',
    ]);
    expect(theirs.definition.familyNames).to.deep.equal([
      'namedprocess_scrape_errors',
      'namedprocess_scrape_partial_errors',
      'namedprocess_scrape_procread_errors',
    ]);
  });

  it('config.yaml and the flags set the settings (a flag wins); names: process-exporter under process_groups', () => {
    const file = write(
      'settings.yaml',
      'process_groups:\n  names: process-exporter\n  threads: false\n  maxSeries: 300\n  groups:\n    - comm: [nginx]\n',
    );
    const names = (argv: string[]): string[] =>
      loadConfig(argv)
        .collectors.find((c) => c.name === 'process_groups')!
        .definition.metrics.map((m) => m.name as string);
    expect(names(['--config', file])).to.include('namedprocess_namegroup_num_procs');
    expect(names(['--config', file])).to.not.include('namedprocess_namegroup_thread_count');
    expect(names(['--config', file, '--process-groups.threads'])).to.include('namedprocess_namegroup_thread_count');
    expect(names(['--config', file, '--process-groups.names', 'procfs'])).to.include('procfs_group_num_procs');
    const limited = loadConfig(['--config', file, '--process-groups.max-series', '7']).collectors.find((c) => c.name === 'process_groups')!;
    expect(limited.definition.maxSeries).to.equal(7);
    expect(loadConfig(['--config', file]).collectors.find((c) => c.name === 'process_groups')!.definition.maxSeries).to.equal(300);
    // The entry has no name: process-exporter's default, {{.ExeBase}}, argv[0]'s basename: the master's title
    // `nginx: master process /usr/sbin/nginx` gives nginx (with its children sh and logrotate), the workers' their title.
    const result = runExporter(['--once', '--config', file, '--path.procfs', TREE, '--collector.disable-defaults']);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stdout).to.include('namedprocess_namegroup_num_procs{groupname="nginx"} 3\n');
    expect(result.stdout).to.include('namedprocess_namegroup_num_procs{groupname="nginx: worker process"} 2\n');
  });

  const cases: [string, () => string[], string][] = [
    ['a file that is not there', () => ['--config.process-exporter', path.join(dir, 'none.yml')], 'none.yml: no such file'],
    [
      'an empty file',
      () => ['--config.process-exporter', write('empty.yml', '# nothing\n')],
      "empty.yml: the file is empty (process-exporter's configuration lists process_names:)",
    ],
    [
      'a file without process_names',
      () => ['--config.process-exporter', write('other.yml', 'groups: []\n')],
      'other.yml: process_names: missing; groups: unknown key (known: process_names)',
    ],
    [
      'an unknown key in an entry',
      () => ['--config.process-exporter', write('key.yml', 'process_names:\n  - { comm: [a], cmd: x }\n')],
      'key.yml: process_names[0]: unknown key cmd (known: name, comm, exe, cmdline)',
    ],
    [
      'a Go regex JavaScript cannot run',
      () => ['--config.process-exporter', write('re.yml', "process_names:\n  - { cmdline: ['(?U)a+'] }\n")],
      "re.yml: process_names[0].cmdline: invalid regular expression: Go's (?U) (ungreedy) has no JavaScript equivalent",
    ],
    [
      'a template action groups cannot use',
      () => ['--config.process-exporter', write('tpl.yml', 'process_names:\n  - { name: \'{{.Comm | printf "%s"}}\', comm: [a] }\n')],
      'tpl.yml: process_names[0].name: unsupported action {{.Comm | printf "%s"}} (a group name uses {{.Comm}}, {{.Matches.name}}, …)',
    ],
    [
      'two lists of groups',
      () => ['--config', write('both.yaml', 'process_groups:\n  - comm: [a]\n'), '--config.process-exporter', CONFIG],
      '--config.process-exporter: process_groups in the configuration file lists groups too (keep one list)',
    ],
    [
      'a names value',
      () => ['--config', write('names.yaml', 'process_groups:\n  names: node\n  groups: [{ comm: [a] }]\n')],
      'names.yaml: process_groups.names: expected procfs (procfs_group_* names) or process-exporter (namedprocess_namegroup_*), got "node"',
    ],
    [
      'a boolean flag value',
      () => ['--config.process-exporter', CONFIG, '--process-groups.children=maybe'],
      '--process-groups.children: expected true or false',
    ],
    [
      'a max-series flag value',
      () => ['--config.process-exporter', CONFIG, '--process-groups.max-series', '0'],
      '--process-groups.max-series: expected a positive whole number',
    ],
  ];
  for (const [what, argv, message] of cases) {
    it(`refuses ${what}, in one line`, () => {
      const text = failure(['--config', '/dev/null', ...argv()]);
      expect(text.endsWith(message), text).to.equal(true);
    });
  }

  it('exits with status 2 and one line on stderr for a bad process-exporter file', () => {
    const file = write('exit.yml', 'process_names:\n  - name: x\n');
    const result = runExporter(['--once', '--config', '/dev/null', '--config.process-exporter', file, '--path.procfs', TREE]);
    expect(result.status).to.equal(2);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.equal(`proc-exporter: ${file}: process_names[0]: needs comm, exe or cmdline\n`);
  });
});
