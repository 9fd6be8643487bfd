/**
 * Live: every collector enabled by default, run once on this machine's /proc,
 * reports node_scrape_collector_success 1, except those whose file this
 * kernel lacks (a driver or kernel option: node_exporter fails these runs
 * too), found as for the fixture trees (absent.ts).
 */
import { expect } from 'chai';
import * as fs from 'fs';
import { collectors } from '../../collectors/index';
import { runExporter } from '../exporter/helpers';
import { absentCollectors } from './absent';

describe('live: default collectors on this machine', function () {
  this.timeout(60_000);

  it('every default-enabled collector reports node_scrape_collector_success 1 on /proc', function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    const absent = absentCollectors('/proc');
    const defaults = Object.values(collectors).filter((c) => c.defaultEnabled && !(c.name in absent));
    const result = runExporter(['--once', '--config', '/dev/null', '--path.procfs', '/proc']);
    expect(result.status, result.stderr).to.equal(0);
    const failed = defaults
      .filter((c) => !result.stdout.includes(`node_scrape_collector_success{collector="${c.name}"} 1\n`))
      .map((c) => c.name);
    expect(failed, 'collectors without success 1').to.deep.equal([]);
  });
});
