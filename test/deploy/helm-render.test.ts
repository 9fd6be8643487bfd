import { expect } from 'chai';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildRenderer, needRenderer } from './support';

/** The renderer gives templates what helm gives them: checked on a throwaway chart. */
describe('deploy: helm-render (the Go template renderer)', function () {
  this.timeout(120000);
  let chart: string;

  function render(templates: Record<string, string>, args: string[] = []) {
    const tdir = path.join(chart, 'templates');
    fs.rmSync(tdir, { recursive: true, force: true });
    fs.mkdirSync(tdir);
    for (const [name, text] of Object.entries(templates)) fs.writeFileSync(path.join(tdir, name), text);
    const r = spawnSync(buildRenderer(), [...args, chart], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  before(function () {
    needRenderer(this);
    chart = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-render-test-'));
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 1.2.3\nappVersion: "4.5"\n');
    fs.writeFileSync(
      path.join(chart, 'values.yaml'),
      'a:\n  b: 1\n  c: [x, y]\n  d: {e: f}\nname: world\ngreeting: "hello {{ .Values.name }}"\nempty: ""\n',
    );
  });

  after(() => {
    if (chart) fs.rmSync(chart, { recursive: true, force: true });
  });

  it('gives .Values, .Release, .Chart, .Capabilities and .Template', () => {
    const r = render(
      {
        'x.yaml':
          'v: {{ .Values.a.b }} {{ .Values.name }}\nr: {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Service }}\n' +
          'c: {{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }}\n' +
          'k: {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }} {{ .Capabilities.KubeVersion.Minor }}\n' +
          't: {{ .Template.Name }} {{ .Template.BasePath }}\nmissing: "{{ .Values.nope }}"\n',
      },
      ['--name', 'rel', '--namespace', 'ns', '--kube-version', 'v1.29.4', '--api-versions', 'monitoring.coreos.com/v1'],
    );
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      '---\n# Source: demo/templates/x.yaml\nv: 1 world\nr: rel ns Helm\nc: demo 1.2.3 4.5\nk: true true 29\n' +
        't: demo/templates/x.yaml demo/templates\nmissing: ""\n\n',
    );
  });

  it('has include, tpl, toYaml, nindent and sprig; skips _helpers and empty output', () => {
    const r = render({
      '_h.tpl': '{{- define "demo.x" -}}x={{ .b }}{{- end -}}',
      'empty.yaml': '{{- if false }}never{{ end }}\n',
      'y.yaml':
        'i: {{ include "demo.x" .Values.a | upper }}\ng: {{ tpl .Values.greeting . }}\nd:{{ toYaml .Values.a | nindent 2 }}\ns: {{ list 3 1 2 | sortAlpha | join "," }} {{ "abc" | sha256sum | trunc 8 }}\n',
    });
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.equal(
      '---\n# Source: demo/templates/y.yaml\ni: X=1\ng: hello world\nd:\n  b: 1\n  c:\n  - x\n  - "y"\n  d:\n    e: f\ns: 1,2,3 ba7816bf\n\n',
    );
  });

  it('merges -f files and --set over values.yaml (null deletes a key)', () => {
    const file = path.join(chart, 'override.yaml');
    fs.writeFileSync(file, 'a:\n  d: null\n  z: 9\n');
    const r = render({ 'z.yaml': '{{ toJson .Values.a }}' }, [
      '-f',
      file,
      '--set',
      'a.b=2',
      '--set',
      'a.c[1]=q',
      '--set-string',
      'name=007',
    ]);
    expect(r.status, r.stderr).to.equal(0);
    expect(r.stdout).to.include('{"b":2,"c":["x","q"],"z":9}');
  });

  it('`required` and `fail` stop rendering with their message, like helm', () => {
    let r = render({ 'r.yaml': '{{ required "empty is required" .Values.empty }}' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/^Error: execution error at \(demo\/templates\/r\.yaml\).*empty is required/);
    r = render({ 'f.yaml': '{{ if .Values.a }}{{ fail "a is not allowed" }}{{ end }}' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.include('a is not allowed');
  });

  it("gives .Files.Get the chart's other files, not templates, values or what .helmignore names", () => {
    fs.mkdirSync(path.join(chart, 'files', 'skip'), { recursive: true });
    fs.writeFileSync(path.join(chart, 'files', 'a.json'), '{"k": "{{ not a template }}"}\n');
    fs.writeFileSync(path.join(chart, 'files', 'old.bak'), 'ignored by name');
    fs.writeFileSync(path.join(chart, 'files', 'skip', 'x.txt'), 'ignored by directory');
    fs.writeFileSync(path.join(chart, '.helmignore'), '# comment\n*.bak\nskip/\n');
    try {
      const r = render({
        'f.yaml':
          'a: {{ .Files.Get "files/a.json" | quote }}\n' +
          'bak: "{{ .Files.Get "files/old.bak" }}"\nskip: "{{ .Files.Get "files/skip/x.txt" }}"\n' +
          'values: "{{ .Files.Get "values.yaml" }}"\ntpl: "{{ .Files.Get "templates/f.yaml" }}"\n' +
          'bytes: {{ .Files.GetBytes "files/a.json" | len }}\n',
      });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.equal(
        '---\n# Source: demo/templates/f.yaml\na: "{\\"k\\": \\"{{ not a template }}\\"}\\n"\n' +
          'bak: ""\nskip: ""\nvalues: ""\ntpl: ""\nbytes: 30\n\n',
      );
    } finally {
      for (const f of ['files', '.helmignore']) fs.rmSync(path.join(chart, f), { recursive: true, force: true });
    }
  });

  it('has no env or expandenv (helm removes them)', () => {
    const r = render({ 'e.yaml': '{{ env "HOME" }}' });
    expect(r.status).to.equal(1);
    expect(r.stderr).to.match(/function "env" not defined/);
  });
});
