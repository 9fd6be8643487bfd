/**
 * README reads in order (what it is, quick start, coming from node_exporter, the commands, the exporter,
 * deployment, security, performance, development) under a table of contents, and links the generated
 * reference under docs/reference/; every generated section matches what it is generated from (`npm run readme`).
 */
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { collectors } from '../collectors/index';
import { anchorOf, compressNames, REFERENCE, regenerated, tableOfContents } from '../scripts/readme';
import { projectRoot } from './support/fixtures';

describe('README', () => {
  const text = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

  it('has the quick start', () => {
    expect(text).to.include('npm ci && npm start');
    expect(text).to.include('npm test');
  });

  const read = (relative: string): string => fs.readFileSync(path.join(projectRoot, relative), 'utf8');

  for (const [file, expected] of Object.entries(regenerated(read))) {
    it(`${file}: its generated sections are up to date (run npm run readme)`, () => {
      expect(read(file)).to.equal(expected);
    });
  }

  it('has its sections in reading order, under a table of contents that links each of them', () => {
    const order = [
      'Quick start',
      'Coming from node_exporter',
      'The commands',
      'The exporter',
      'Deployment',
      'Security',
      'Performance',
      'Development',
    ];
    const sections = [...text.replace(/^```[a-z]*\n[\s\S]*?^```$/gm, '').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(
      sections.filter((s) => order.includes(s)),
      'the sections of the reading order, in order',
    ).to.deep.equal(order);
    const toc = text.slice(text.indexOf('<!-- toc:start -->'), text.indexOf('<!-- toc:end -->'));
    expect(text.indexOf('<!-- toc:start -->')).to.be.lessThan(text.indexOf('## Quick start'));
    for (const s of sections) expect(toc, s).to.include(`[${s}](#${anchorOf(s)})`);
    const sample = '## A b\n### C.d\n```sh\n## not a heading\n```\n### E_f\n## G';
    expect(tableOfContents(sample)).to.equal('- [A b](#a-b): [C.d](#cd) · [E_f](#e_f)\n- [G](#g)');
  });

  it('links every reference file under docs/reference/, each with its generated table', () => {
    for (const file of Object.keys(REFERENCE)) {
      expect(text, file).to.include(`](${file})`);
      expect(read(file), file).to.match(/^# .+\n\n/);
    }
    const present = fs.readdirSync(path.join(projectRoot, 'docs', 'reference')).map((f) => `docs/reference/${f}`);
    expect(present.sort()).to.deep.equal(Object.keys(REFERENCE).sort());
  });

  /** `a_{x,y}_t` → a_x_t, a_y_t. */
  const expand = (name: string): string[] => {
    const m = /\{([^}]*)\}/.exec(name);
    if (!m) return [name];
    return m[1].split(',').flatMap((option) => expand(name.slice(0, m.index) + option + name.slice(m.index + m[0].length)));
  };

  it('writes names shortly and exactly: the braces expand to the names given, no more', () => {
    expect(
      compressNames([
        { name: 'a_x_t', labels: '' },
        { name: 'a_y_t', labels: '' },
        { name: 'a_x_u', labels: 'l' },
      ]),
    ).to.deep.equal(['a_{x,y}_t', 'a_x_u{l}']);
    for (const c of Object.values(collectors)) {
      const byLabels = new Map<string, string[]>();
      for (const m of c.metrics) {
        if (typeof m.name !== 'string') continue;
        const labels = Object.keys(m.labels ?? {}).join(',');
        byLabels.set(labels, [...(byLabels.get(labels) ?? []), m.name]);
      }
      for (const [labels, names] of byLabels) {
        const written = compressNames(names.map((name) => ({ name, labels: '' }))).flatMap(expand);
        expect(written.sort(), `${c.name} {${labels}}`).to.deep.equal([...new Set(names)].sort());
      }
    }
  });
});
