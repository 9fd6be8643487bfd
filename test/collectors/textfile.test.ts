import { expect } from 'chai';
import * as path from 'path';
import { textfile } from '../../collectors/textfile';
import { serializeFamilies } from '../../src/exporter/exposition';
import { parseTextFormat } from '../../src/exporter/textformat';
import { options, run, series, TREES } from './run';

const dir = path.join(TREES, 'textfile', 'dir');
const procRoot = path.join(TREES, '..', 'proc');

describe('textfile collector', () => {
  it('without a directory: only node_textfile_scrape_error 0', async () => {
    expect(series(await run(textfile, procRoot))).to.deep.equal({ node_textfile_scrape_error: 0 });
  });

  it('a directory that cannot be listed: node_textfile_scrape_error 1, the run still succeeds', async () => {
    const s = series(await run(textfile, procRoot, options(textfile, { directory: path.join(TREES, 'textfile', 'missing') })));
    expect(s).to.deep.equal({ node_textfile_scrape_error: 1 });
  });

  it('reads the valid *.prom files, skips the bad ones whole (error 1), exports their mtimes', async () => {
    const families = await run(textfile, procRoot, options(textfile, { directory: dir }));
    const text = serializeFamilies(families, 'text').replace(/^(node_textfile_mtime_seconds\{[^}]*\}) \d+$/gm, '$1 <mtime>');
    expect(text).to.equal(
      [
        '# HELP backup_last_success_seconds Time of the last successful backup.',
        '# TYPE backup_last_success_seconds gauge',
        'backup_last_success_seconds{host="",job="db"} 1795685200',
        'backup_last_success_seconds{host="a",job="files"} 1795685000',
        `# HELP backup_runs_total Metric read from ${dir}/a_good.prom`,
        '# TYPE backup_runs_total counter',
        'backup_runs_total 42',
        '# HELP job_duration_seconds How long jobs took.',
        '# TYPE job_duration_seconds histogram',
        'job_duration_seconds_bucket{le="0.5"} 1',
        'job_duration_seconds_bucket{le="1"} 2',
        'job_duration_seconds_bucket{le="+Inf"} 3',
        'job_duration_seconds_sum 4.5',
        'job_duration_seconds_count 3',
        '# HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.',
        '# TYPE node_textfile_mtime_seconds gauge',
        `node_textfile_mtime_seconds{file="${dir}/a_good.prom"} <mtime>`,
        `node_textfile_mtime_seconds{file="${dir}/b_histogram.prom"} <mtime>`,
        '# HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise',
        '# TYPE node_textfile_scrape_error gauge',
        'node_textfile_scrape_error 1',
        `# HELP raid_ok Metric read from ${dir}/a_good.prom, ${dir}/b_histogram.prom`,
        '# TYPE raid_ok untyped',
        'raid_ok{md=""} 1',
        'raid_ok{md="md1"} 0',
        '# HELP rpc_latency_seconds Metric read from ' + `${dir}/b_histogram.prom`,
        '# TYPE rpc_latency_seconds summary',
        'rpc_latency_seconds{quantile="0.5"} 0.05',
        'rpc_latency_seconds{quantile="0.99"} 0.2',
        'rpc_latency_seconds_sum 12',
        'rpc_latency_seconds_count 100',
        '',
      ].join('\n'),
    );
  });

  it('the text-format parser rejects what expfmt (or the later gather) rejects', () => {
    const bad = [
      'x{a="1",a="2"} 1',
      'x 1 1700000000000',
      'x{a="1"} 1\nx{a="1"} 2',
      '# TYPE x gauge\n# TYPE x counter\nx 1',
      '# TYPE x histogram\nx_bucket 1',
      '1x 1',
      'x{__name__="y"} 1',
      'x{a="\\q"} 1',
      '# TYPE x histogram\nx_bucket{le="big"} 1',
      'x one',
      '# TYPE x wrong\nx 1',
    ];
    for (const text of bad) expect(() => parseTextFormat(text), text).to.throw();
    expect(parseTextFormat('# a comment\n  x{a="q\\"\\n\\\\"} +Inf\n\ny NaN\n')).to.deep.equal([
      { name: 'x', type: 'untyped', samples: [{ name: 'x', labels: { a: 'q"\n\\' }, value: Infinity }] },
      { name: 'y', type: 'untyped', samples: [{ name: 'y', labels: {}, value: NaN }] },
    ]);
  });
});
