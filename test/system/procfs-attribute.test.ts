/** ProcFs.readAttributeAsync: small files in one read, larger ones whole, errors as the kernel gives them. */
import { expect } from 'chai';
import { ProcFs } from '../../src/procfs';
import { fixturePath } from '../support/fixtures';
import { tmpTree } from '../collectors/tmp-tree';

describe('ProcFs.readAttributeAsync', () => {
  it('reads a sysfs attribute', async () => {
    expect(await new ProcFs(fixturePath('sys')).readAttributeAsync('class/net/eth0/operstate')).to.equal('up\n');
  });

  it('reads a file larger than its buffer whole, and an empty one as empty', async () => {
    const big = `${'x'.repeat(70_000)}\nend\n`;
    const tree = tmpTree({ big, empty: '' });
    try {
      const procfs = new ProcFs(tree.root);
      expect(await procfs.readAttributeAsync('big')).to.equal(big);
      expect(await procfs.readAttributeAsync('empty')).to.equal('');
    } finally {
      tree.remove();
    }
  });

  it('rejects with the error code of a file that is not there, and refuses a path leaving the root', async () => {
    const procfs = new ProcFs(fixturePath('sys'));
    const code = await procfs.readAttributeAsync('class/net/nope/mtu').then(
      () => 'read',
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(code).to.equal('ENOENT');
    await procfs.readAttributeAsync('../proc/loadavg').then(
      () => expect.fail('must refuse'),
      (e: Error) => expect(e.message).to.equal('path "../proc/loadavg" leaves the procfs root'),
    );
  });
});
