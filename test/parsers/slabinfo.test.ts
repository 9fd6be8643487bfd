import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseSlabinfo } from '../../src/parsers/slabinfo';
import { fixture } from '../support/fixtures';

const HEADER =
  'slabinfo - version: 2.1\n' +
  '# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n';

describe('slabinfo', () => {
  it('parses Linux 6.x, keyed by the header names with nested groups', () => {
    const records = parseSlabinfo(fixture('proc/slabinfo'));
    expect(records).to.have.length(235);
    expect(records[0]).to.deep.equal({
      name: 'btrfs_delayed_node',
      active_objs: 0,
      num_objs: 0,
      objsize: 312,
      objperslab: 13,
      pagesperslab: 1,
      tunables: { limit: 0, batchcount: 0, sharedfactor: 0 },
      slabdata: { active_slabs: 0, num_slabs: 0, sharedavail: 0 },
    });
    expect(records[234]).to.deep.equal({
      name: 'kmem_cache',
      active_objs: 240,
      num_objs: 240,
      objsize: 256,
      objperslab: 16,
      pagesperslab: 1,
      tunables: { limit: 0, batchcount: 0, sharedfactor: 0 },
      slabdata: { active_slabs: 15, num_slabs: 15, sharedavail: 0 },
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseSlabinfo(fixture('linux-3.2/proc/slabinfo'));
    expect(records).to.have.length(110);
    expect(records[0]).to.deep.include({
      name: 'nf_conntrack_expect',
      active_objs: 34,
      num_objs: 34,
      objsize: 240,
      objperslab: 34,
      pagesperslab: 2,
    });
    expect(records[0].slabdata).to.deep.equal({ active_slabs: 1, num_slabs: 1, sharedavail: 0 });
    expect(records[109]).to.deep.include({
      name: 'kmem_cache_node',
      active_objs: 384,
      num_objs: 384,
      objsize: 64,
      objperslab: 64,
      pagesperslab: 1,
    });
    expect(records[109].slabdata).to.deep.equal({ active_slabs: 6, num_slabs: 6, sharedavail: 0 });
  });

  it('parses the 2.1 (statistics) layout with globalstat and cpustat groups (synthetic)', () => {
    const records = parseSlabinfo(fixture('synthetic/proc/slabinfo'));
    expect(records).to.have.length(4);
    expect(records[0]).to.deep.equal({
      name: 'ext4_inode_cache',
      active_objs: 12510,
      num_objs: 12528,
      objsize: 1096,
      objperslab: 29,
      pagesperslab: 8,
      tunables: { limit: 54, batchcount: 27, sharedfactor: 8 },
      slabdata: { active_slabs: 432, num_slabs: 432, sharedavail: 0 },
      globalstat: {
        listallocs: 25711,
        maxobjs: 12528,
        grown: 436,
        reaped: 2,
        error: 0,
        maxfreeable: 1,
        nodeallocs: 0,
        remotefrees: 0,
        alienoverflow: 0,
      },
      cpustat: { allochit: 19473, allocmiss: 6238, freehit: 7151, freemiss: 1012 },
    });
    expect(records[3]).to.deep.include({ name: 'kmem_cache', active_objs: 172, num_objs: 180 });
    expect(records[3].cpustat).to.deep.equal({ allochit: 3, allocmiss: 172, freehit: 0, freemiss: 0 });
  });

  it('gives no records for a header-only or empty file', () => {
    expect(parseSlabinfo('')).to.deep.equal([]);
    expect(parseSlabinfo(HEADER)).to.deep.equal([]);
  });

  it('rejects text where a count must be, with file and line', () => {
    const text = HEADER + 'dentry  41622  4x643    192   21    1 : tunables    0    0    0 : slabdata   1983   1983      0\n';
    expect(() => parseSlabinfo(text, '/tmp/slabinfo')).to.throw(ParseError, /\/tmp\/slabinfo:3: num_objs is not an integer \("4x643"\)/);
  });

  it('rejects a row missing a group and an unknown version line', () => {
    expect(() => parseSlabinfo(HEADER + 'dentry 1 2 3 4 5 : tunables 0 0 0\n')).to.throw(
      ParseError,
      /slabinfo:3: expected 3 ":"-separated groups/,
    );
    expect(() => parseSlabinfo('slabinfo - version: 1.1\n')).to.throw(ParseError, /slabinfo:1: expected "slabinfo - version: 2.x"/);
  });
});
