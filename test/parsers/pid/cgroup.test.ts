import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseCgroup } from '../../../src/parsers/pid/cgroup';
import { fixture } from '../../support/fixtures';

describe('pid/cgroup', () => {
  it('parses Linux 6.x with v1 hierarchies and the v2 line', () => {
    const records = parseCgroup(fixture('proc/4242/cgroup'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({ hierarchy_id: 9, controllers: ['name=systemd'], path: '/' });
    expect(records[5]).to.deep.equal({ hierarchy_id: 4, controllers: ['memory'], path: '/process_api/7ac8ba42db385641510cf8c34419440a' });
    expect(records[9]).to.deep.equal({ hierarchy_id: 0, controllers: [], path: '/' });
  });
  it('parses Linux 3.2', () => {
    const records = parseCgroup(fixture('linux-3.2/proc/self/cgroup'));
    expect(records).to.have.length(10);
    expect(records[0]).to.deep.equal({ hierarchy_id: 10, controllers: ['hugetlb'], path: '/' });
    expect(records[3]).to.deep.equal({ hierarchy_id: 7, controllers: ['net_cls', 'net_prio'], path: '/' });
    expect(records[9]).to.deep.equal({
      hierarchy_id: 1,
      controllers: ['name=systemd'],
      path: '/user.slice/user-42.slice/session-c1.scope',
    });
  });
  it('keeps a ":" inside the path and rejects a line without the separators', () => {
    expect(parseCgroup('0::/a:b\n')).to.deep.equal([{ hierarchy_id: 0, controllers: [], path: '/a:b' }]);
    expect(() => parseCgroup('0::/\n1-memory\n', '/proc/1/cgroup')).to.throw(
      ParseError,
      /\/proc\/1\/cgroup:2: expected "hierarchy-ID:controller-list:cgroup-path"/,
    );
    expect(() => parseCgroup('x:cpu:/\n')).to.throw(ParseError, /pid\/cgroup:1: hierarchy ID is not an integer/);
  });
});
