import { expect } from 'chai';
import { os, supportEndSeconds } from '../../collectors/os';
import { MissingFileError } from '../../src/collector';
import { fixturePath } from '../support/fixtures';
import { TREE_6_18 } from '../exporter/helpers';
import { options, run, series } from './run';
import { tmpTree } from './tmp-tree';

const onRootfs = (rootfs: string) => run(os, TREE_6_18, options(os), { rootfs }).then(series);

describe('os collector', () => {
  it('falls back to usr/lib/os-release, labels every field, and exports the version and the end of support', async () => {
    expect(await onRootfs(fixturePath('synthetic/rootfs'))).to.deep.equal({
      'node_os_info{build_id="2024-11-09 "nightly"",id="fedora",id_like="rhel centos",image_id="fedora-coreos",image_version="41.20241109.3.0",name="Fedora Linux",pretty_name="Fedora CoreOS 41.20241109.3.0",variant="CoreOS",variant_id="coreos",version="41.20241109.3.0 (CoreOS)",version_codename="",version_id="41"}': 1,
      'node_os_version{id="fedora",id_like="rhel centos",name="Fedora Linux"}': 41,
      node_os_support_end_timestamp_seconds: 1765756800,
    });
  });

  it("prefers etc/os-release, takes major.minor of VERSION_ID and a key's last value, and skips a version without digits", async () => {
    const tree = tmpTree({
      'etc/os-release': 'NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04.1"\nID=ubuntu-core\n',
      'usr/lib/os-release': 'NAME=ignored\n',
    });
    const zero = tmpTree({ 'usr/lib/os-release': 'NAME=Rolling\nID=arch\nVERSION_ID=rolling\n' });
    try {
      const s = await onRootfs(tree.root);
      expect(s['node_os_version{id="ubuntu-core",id_like="debian",name="Ubuntu"}']).to.equal(24.04);
      expect(Object.keys(s)).to.have.length(2);
      expect(Object.keys(await onRootfs(zero.root))).to.deep.equal([
        'node_os_info{build_id="",id="arch",id_like="",image_id="",image_version="",name="Rolling",pretty_name="",variant="",variant_id="",version="",version_codename="",version_id="rolling"}',
      ]);
    } finally {
      tree.remove();
      zero.remove();
    }
  });

  it('fails as "not present" without either file, and on a SUPPORT_END that is not a date', async () => {
    const empty = tmpTree({});
    const badDate = tmpTree({ 'etc/os-release': 'ID=x\nSUPPORT_END=2025-02-30\n' });
    try {
      let error: unknown;
      await run(os, TREE_6_18, options(os), { rootfs: empty.root }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
      await onRootfs(badDate.root).then(
        () => expect.fail('a bad date must fail'),
        (e: Error) => expect(e.message).to.equal('os-release: SUPPORT_END is not a date ("2025-02-30")'),
      );
    } finally {
      empty.remove();
      badDate.remove();
    }
    expect(supportEndSeconds('2029-04-25')).to.equal(1871769600);
  });
});
