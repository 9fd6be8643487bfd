import { expect } from 'chai';
import * as os from 'os';
import { uname } from '../../collectors/uname';
import { MissingFileError } from '../../src/collector';
import { TREE_6_18 } from '../exporter/helpers';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

const KERNEL = {
  ostype: 'Linux\n',
  osrelease: '6.1.0-26-arm64\n',
  version: '#1 SMP Debian 6.1.112-1 (2024-09-30)\n',
  hostname: '\n',
  domainname: 'example.org\n',
};
const files = (extra: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries({ ...KERNEL, ...extra }).map(([leaf, text]) => [`sys/kernel/${leaf}`, text]));

describe('uname collector', () => {
  it("labels node_uname_info with the capture's kernel, host and architecture", async () => {
    expect(series(await run(uname, TREE_6_18))).to.deep.equal({
      'node_uname_info{sysname="Linux",release="6.18.44-fc-v669",version="#1 SMP PREEMPT_DYNAMIC @0",machine="x86_64",nodename="vm",domainname="(none)"}': 1,
    });
  });

  it('takes machine from sys/kernel/arch, else from uname(2) (kernels before 2022); keeps an empty host name', async () => {
    const withArch = tmpTree(files({ arch: 'aarch64\n' }));
    const withoutArch = tmpTree(files());
    try {
      const labels = (root: string) => run(uname, root).then((f) => f[0].samples[0].labels);
      expect(await labels(withArch.root)).to.deep.equal({
        sysname: 'Linux',
        release: '6.1.0-26-arm64',
        version: '#1 SMP Debian 6.1.112-1 (2024-09-30)',
        machine: 'aarch64',
        nodename: '',
        domainname: 'example.org',
      });
      expect((await labels(withoutArch.root)).machine).to.equal(os.machine());
    } finally {
      withArch.remove();
      withoutArch.remove();
    }
  });

  it('fails as "not present" without a field, and on an empty one', async () => {
    const missing = tmpTree(Object.fromEntries(Object.entries(files()).filter(([f]) => !f.endsWith('osrelease'))));
    const empty = tmpTree(files({ ostype: '' }));
    try {
      let error: unknown;
      await run(uname, missing.root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
      expect((error as Error).message).to.equal(`${missing.root}/sys/kernel/osrelease: no such file (not on this kernel?)`);
      await run(uname, empty.root).then(
        () => expect.fail('an empty ostype must fail'),
        (e: Error) => expect(e.message).to.equal('sys/kernel/ostype is empty'),
      );
    } finally {
      missing.remove();
      empty.remove();
    }
  });
});
