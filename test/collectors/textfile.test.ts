import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { textfile } from '../../collectors/textfile';
import { serializeFamilies } from '../../src/exporter/exposition';
import { decodeTextFormat, parseTextFormat } from '../../src/exporter/textformat';
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

  it('values, separators and encodings: what node_exporter 1.5.0 accepts and refuses, file by file', async () => {
    // Each file was given to Debian's prometheus-node-exporter 1.5.0 (--collector.textfile.directory):
    // the accepted ones appear in node_textfile_mtime_seconds, the refused ones are logged and skipped.
    const accepted: Record<string, string> = {
      'small.prom': 'a_small 1e-400\n',
      'inf.prom': 'a_inf Infinity\na_inf2{x="1"} -inf\n',
      'nan.prom': 'a_nan nan\n',
      'dot.prom': 'a_dot 5.\na_dot2{a="1"} .5e-3\n',
      'tab.prom': 'a_tab\t1\n',
      'utf8comment.prom': '# comment \xff\na_comm 1\n',
      'utf8help.prom': '# HELP a_help bad \xff\na_help 1\n',
      'crlfhelp.prom': '# HELP a_crh x\r\na_crh 1\n',
      'labelcr.prom': 'a_lcr{l="x\ry"} 1\n',
    };
    const refused: Record<string, string> = {
      'hex.prom': 'a_hex 0x10\n',
      'big.prom': 'a_big 1e400\n',
      'utf8label.prom': 'a_lab{l="\xff"} 1\n',
      'crlf.prom': 'a_crlf 1\r\n',
      'underscore.prom': 'a_us 1_000\n',
      'pnan.prom': 'a_pnan +NaN\n',
      'trailsp.prom': 'a_sp 1 \n',
      'bom.prom': '\xef\xbb\xbfa_bom 1\n',
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-textfile-'));
    try {
      for (const [name, text] of Object.entries({ ...accepted, ...refused }))
        fs.writeFileSync(path.join(dir, name), Buffer.from(text, 'latin1'));
      const s = series(await run(textfile, procRoot, options(textfile, { directory: dir })));
      const read = Object.keys(s)
        .filter((k) => k.startsWith('node_textfile_mtime_seconds'))
        .map((k) => path.basename(/file="([^"]+)"/.exec(k)![1]));
      expect(read).to.deep.equal(Object.keys(accepted).sort());
      expect(s.node_textfile_scrape_error).to.equal(1);
      expect(s).to.include({
        a_small: 0,
        a_inf: Infinity,
        'a_inf2{x="1"}': -Infinity,
        a_dot: 5,
        'a_dot2{a="1"}': 0.0005,
        a_tab: 1,
        a_comm: 1,
        a_help: 1,
        a_crh: 1,
        'a_lcr{l="x\ry"}': 1,
      });
      expect(s.a_nan).to.be.NaN;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why a value or an encoding is refused, with the line', () => {
    const problem = (text: string | Buffer): string => {
      try {
        parseTextFormat(typeof text === 'string' ? text : decodeTextFormat(text));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a TextFormatError');
    };
    expect(problem('x 1\ny 0x10\n')).to.equal('line 2: invalid value "0x10"');
    expect(problem('y 1e400')).to.equal('line 1: value out of range "1e400"');
    expect(problem('y -1E+309')).to.equal('line 1: value out of range "-1E+309"');
    expect(problem('y 1\r\n')).to.equal('line 1: invalid value "1\\r"');
    expect(problem('# TYPE y gauge\r\ny 1\r\n')).to.equal('line 1: unknown metric type "gauge\\r"');
    expect(problem('y 1 \n')).to.equal('line 1: expected a timestamp after the value of y, got the end of the line');
    expect(problem('\ufeffy 1\n')).to.equal('line 1: invalid metric name "\ufeff"');
    expect(problem(Buffer.from('# ok \xff\ny{l="\xff"} 1\n', 'latin1'))).to.equal('line 2: invalid UTF-8');
    expect(decodeTextFormat(Buffer.from('# ok \xff\ny 1\n', 'latin1'))).to.equal('# ok \ufffd\ny 1\n');
    expect(parseTextFormat('y{l="1"}1\nz\t-Inf')).to.deep.equal([
      { name: 'y', type: 'untyped', samples: [{ name: 'y', labels: { l: '1' }, value: 1 }] },
      { name: 'z', type: 'untyped', samples: [{ name: 'z', labels: {}, value: -Infinity }] },
    ]);
  });

  it('a FIFO *.prom is an error for that file only, blocks no thread, and does not stop later runs', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-exporter-textfile-fifo-'));
    const fifos = ['f1', 'f2', 'f3', 'f4', 'f5'].map((n) => path.join(dir, `${n}.prom`));
    try {
      fs.writeFileSync(path.join(dir, 'good.prom'), 'backup_ok 1\n');
      for (const fifo of fifos) if (spawnSync('mkfifo', [fifo]).status !== 0) throw new Error(`mkfifo ${fifo} failed`);
      // Five FIFOs outnumber libuv's four threads: a blocking open() of each would leave no thread for the next run.
      for (let i = 0; i < 3; i++) {
        const s = series(await run(textfile, procRoot, options(textfile, { directory: dir })));
        expect(s, `run ${i + 1}`).to.deep.include({ backup_ok: 1, node_textfile_scrape_error: 1 });
        expect(
          Object.keys(s).filter((k) => k.startsWith('node_textfile_mtime_seconds')),
          `run ${i + 1}`,
        ).to.deep.equal([`node_textfile_mtime_seconds{file="${dir}/good.prom"}`]);
      }
    } finally {
      // Releases any open() that would be blocked on a FIFO (a writer appears), then cleans up.
      for (const fifo of fifos) {
        try {
          fs.closeSync(fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK));
        } catch {
          // not created
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
