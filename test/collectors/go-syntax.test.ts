/** process-exporter's Go syntax as the process groups read it: RE2 regexes, text/template names, Go's fmt. */
import { expect } from 'chai';
import {
  captureNames,
  goBase,
  goRegex,
  goRegexProblem,
  goStringList,
  goStringMap,
  goTimeFromCentiseconds,
  parseNameTemplate,
} from '../../src/collector';

function matches(source: string, text: string): RegExpExecArray | null {
  const { source: js, flags } = goRegex(source);
  return new RegExp(js, flags).exec(text);
}

describe('Go syntax of process-exporter configs', () => {
  describe('goRegex: RE2 into JavaScript', () => {
    it('turns (?P<name>…) into a named group and keeps JavaScript (?<name>…)', () => {
      expect(goRegex('-config.path\\s+(?P<Cfgfile>\\S+)')).to.deep.equal({ source: '-config.path\\s+(?<Cfgfile>\\S+)', flags: '' });
      expect(matches('-config.path\\s+(?P<Cfgfile>\\S+)', 'pe -config.path /etc/pe.yml')?.groups).to.deep.equal({ Cfgfile: '/etc/pe.yml' });
      expect(goRegex('(?<script>[^/ ]+)\\.py').source).to.equal('(?<script>[^/ ]+)\\.py');
      expect(captureNames('(?P<a>x)(?<b>y)(z)')).to.deep.equal(['a', 'b']);
    });

    it('takes leading flags as flags, \\A and \\z as text boundaries, \\Q…\\E as literal text', () => {
      expect(goRegex('(?i)^NGINX')).to.deep.equal({ source: '^NGINX', flags: 'i' });
      expect(matches('(?is)a.b', 'A\nB')).to.not.equal(null);
      expect(matches('\\Afoo\\z', 'foo')).to.not.equal(null);
      expect(matches('\\Afoo\\z', 'foo\n')).to.equal(null);
      expect(matches('\\Q1+1=2\\E', 'x 1+1=2 y')?.[0]).to.equal('1+1=2');
    });

    it('spells POSIX classes out and leaves other classes as written', () => {
      expect(goRegex('[[:alpha:]_][[:digit:]]+').source).to.equal('[A-Za-z_][0-9]+');
      expect(matches('^[[:upper:]][[:lower:]]+$', 'Nginx')).to.not.equal(null);
      expect(goRegex('[]a]').source).to.equal('[\\]a]');
      expect(goRegex('[^]a]').source).to.equal('[^\\]a]');
      expect(goRegex('[(?P<x>]').source).to.equal('[(?P<x>]');
    });

    it('says what has no JavaScript equivalent, and what does not compile', () => {
      expect(goRegexProblem('(?U)a+')).to.equal("Go's (?U) (ungreedy) has no JavaScript equivalent");
      expect(goRegexProblem('a(?i:b)')).to.equal("Go's flag groups (?i:…) inside an expression have no JavaScript equivalent here");
      expect(goRegexProblem('[[:^alpha:]]')).to.equal('negated POSIX class [:^alpha:] has no JavaScript equivalent');
      expect(goRegexProblem('(?P<x>a')).to.equal('/(?<x>a/: Unterminated group');
      expect(goRegexProblem('python3? \\S*/(?P<script>[^/ ]+)\\.py')).to.equal(undefined);
    });
  });

  describe('parseNameTemplate: the text/template subset of group names', () => {
    it('splits text and variables, with spaces, trimming and comments', () => {
      expect(parseNameTemplate('{{.ExeFull}}:{{.Matches.Cfgfile}}').parts).to.deep.equal([
        { variable: 'ExeFull' },
        { text: ':' },
        { variable: 'Matches', field: 'Cfgfile' },
      ]);
      expect(parseNameTemplate('a {{- .Comm -}} b{{/* why */}}').parts).to.deep.equal([{ text: 'a' }, { variable: 'Comm' }, { text: 'b' }]);
      expect(parseNameTemplate('upstart:-user').parts).to.deep.equal([{ text: 'upstart:-user' }]);
      expect(parseNameTemplate('{{ .PID }}').parts).to.deep.equal([{ variable: 'PID' }]);
    });

    it('refuses what a group name cannot hold, in one line', () => {
      expect(parseNameTemplate('{{.Comm').problem).to.equal('unclosed action {{ (expected {{.Comm}}, {{.Matches.name}}, …)');
      expect(parseNameTemplate('{{printf "%s" .Comm}}').problem).to.equal(
        'unsupported action {{printf "%s" .Comm}} (a group name uses {{.Comm}}, {{.Matches.name}}, …)',
      );
      expect(parseNameTemplate('{{if .Comm}}x{{end}}').problem).to.equal(
        'unsupported action {{if .Comm}} (a group name uses {{.Comm}}, {{.Matches.name}}, …)',
      );
    });
  });

  describe("Go's fmt", () => {
    it('prints times as time.Time does, in UTC, the fraction without trailing zeros', () => {
      const btime = 1795651200; // 2026-11-26T00:00:00Z
      expect(goTimeFromCentiseconds(btime * 100 + 2000)).to.equal('2026-11-26 00:00:20 +0000 UTC');
      expect(goTimeFromCentiseconds(btime * 100 + 2050)).to.equal('2026-11-26 00:00:20.5 +0000 UTC');
      expect(goTimeFromCentiseconds(btime * 100 + 8)).to.equal('2026-11-26 00:00:00.08 +0000 UTC');
      expect(goTimeFromCentiseconds(btime * 100 + 8_640_000 + 12)).to.equal('2026-11-27 00:00:00.12 +0000 UTC');
    });

    it('prints lists and maps as %v does, and bases as filepath.Base', () => {
      expect(goStringList([])).to.equal('[]');
      expect(goStringList(['/system.slice/a.service', '/'])).to.equal('[/system.slice/a.service /]');
      expect(goStringMap({ script: 'web', '': 'python3 /srv/app/web.py' })).to.equal('map[:python3 /srv/app/web.py script:web]');
      expect(goStringMap({})).to.equal('map[]');
      expect(goBase('/usr/bin/python3')).to.equal('python3');
      expect(goBase('nginx: worker process')).to.equal('nginx: worker process');
      expect(goBase('/usr/bin/')).to.equal('bin');
      expect(goBase('')).to.equal('.');
      expect(goBase('///')).to.equal('/');
    });
  });
});
