import { expect } from 'chai';
import { sysctl } from '../../collectors/sysctl';
import { fixturePath } from '../support/fixtures';
import { options, run, series } from './run';

const PROC = fixturePath('proc');

async function failure(opts: Record<string, readonly string[]>): Promise<string | undefined> {
  let message: string | undefined;
  await run(sysctl, PROC, options(sysctl, opts)).catch((e: Error) => (message = e.message));
  return message;
}

describe('sysctl collector', () => {
  it('exports nothing until sysctls are named', async () => {
    expect(await run(sysctl, PROC)).to.deep.equal([]);
  });

  it('exports one value, indexed values and named fields, untyped, as node_exporter names them', async () => {
    const include = ['kernel.pid_max', 'fs.file-nr', 'fs.file-nr:allocated,unused,maximum'];
    const families = await run(sysctl, PROC, options(sysctl, { include }));
    expect(series(families)).to.deep.equal({
      node_sysctl_kernel_pid_max: 32768,
      'node_sysctl_fs_file_nr{index="0"}': 117,
      'node_sysctl_fs_file_nr{index="1"}': 0,
      'node_sysctl_fs_file_nr{index="2"}': 2466165,
      node_sysctl_fs_file_nr_allocated: 117,
      node_sysctl_fs_file_nr_unused: 0,
      node_sysctl_fs_file_nr_maximum: 2466165,
    });
    const help = Object.fromEntries(families.map((f) => [f.name, `${f.type} ${f.help}`]));
    expect(help.node_sysctl_kernel_pid_max).to.equal('untyped sysctl kernel.pid_max');
    expect(help.node_sysctl_fs_file_nr).to.equal('untyped sysctl fs.file-nr');
    expect(help.node_sysctl_fs_file_nr_maximum).to.equal('untyped sysctl fs.file-nr, field 2');
  });

  it('exports include-info values as node_sysctl_info labels', async () => {
    const families = await run(sysctl, PROC, options(sysctl, { includeInfo: ['kernel.threads-max', 'fs.file-nr'] }));
    expect(families.map((f) => [f.name, f.type, f.help])).to.deep.equal([['node_sysctl_info', 'gauge', 'sysctl info']]);
    expect(series(families)).to.deep.equal({
      'node_sysctl_info{index="0",name="kernel.threads-max",value="192729"}': 1,
      'node_sysctl_info{index="0",name="fs.file-nr",value="117"}': 1,
      'node_sysctl_info{index="1",name="fs.file-nr",value="0"}': 1,
      'node_sysctl_info{index="2",name="fs.file-nr",value="2466165"}': 1,
    });
  });

  it('fails the run, with the reason, on a missing file, a count that does not match its keys, mapped info', async () => {
    const missing = `error obtaining sysctl info: ${PROC}/sys/vm/nothing_here: no such file`;
    expect(await failure({ include: ['vm.nothing_here'] })).to.equal(missing);
    expect(await failure({ include: ['kernel.pid_max:a,b'] })).to.equal('sysctl kernel.pid_max has only one value, but expected [a b]');
    expect(await failure({ include: ['fs.file-nr:a,b'] })).to.equal('sysctl fs.file-nr has 3 values but 2 keys');
    expect(await failure({ includeInfo: ['fs.file-nr:a,b,c'] })).to.equal('sysctl fs.file-nr: mapped sysctl string values not supported');
  });
});
