/**
 * Which group a process joins, as process-exporter 0.7.10 decides it
 * (config/config.go): the first entry whose matchers all accept the process
 * wins; `comm` is stat's command name, `exe` argv[0]'s basename (or argv[0]
 * itself when the entry holds a `/`), `cmdline` regexes on the arguments
 * joined by spaces (all must match; their captures fill `.Matches`). The
 * group name is the entry's template; `{{.ExeBase}}`/`{{.ExeFull}}` come from
 * argv[0] (the command name when the command line is empty).
 */
import {
  goBase,
  goRegex,
  goStringList,
  goStringMap,
  goTimeFromCentiseconds,
  parseNameTemplate,
  templateVariables,
  type ProcessGroupSpec,
  type TemplatePart,
} from '../../src/collector';

/** What the matchers and templates look at. */
export interface ProcessAttributes {
  pid: number;
  comm: string;
  argv: readonly string[];
  /** Effective user's name (or the uid in decimal); only read when a template uses it. */
  username: () => string;
  /** Hundredths of a second since the epoch the process started at (boot time × 100 + stat's starttime). */
  startCentiseconds: number;
  /** Paths of /proc/<pid>/cgroup, in the file's order; only read when a template uses them. */
  cgroups: () => readonly string[];
}

interface CmdlineRegex {
  re: RegExp;
  /** The name of each group by index (0 the whole match; '' for unnamed), as Go's SubexpNames. */
  names: string[];
}

export interface GroupMatcher {
  comm?: ReadonlySet<string>;
  /** argv[0]'s basename → the full path it must be ('' when any path will do). */
  exe?: ReadonlyMap<string, string>;
  cmdline?: readonly CmdlineRegex[];
  template: readonly TemplatePart[];
}

/** Capturing groups of a regex source by index: '' for the whole match and unnamed groups. */
function groupNames(source: string): string[] {
  const names = [''];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
      continue;
    }
    if (c !== '(') continue;
    if (source[i + 1] !== '?') names.push('');
    else {
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
      if (named) names.push(named[1]);
    }
  }
  return names;
}

/** The matchers of validated specs (src/config checked the regexes and templates). */
export function compileMatchers(specs: readonly ProcessGroupSpec[]): GroupMatcher[] {
  return specs.map((spec) => {
    const parsed = parseNameTemplate(spec.name);
    if (parsed.problem !== undefined) throw new Error(`process group name ${JSON.stringify(spec.name)}: ${parsed.problem}`);
    const exe = spec.exe && new Map(spec.exe.map((e): [string, string] => (e.includes('/') ? [goBase(e), e] : [e, ''])));
    const cmdline = spec.cmdline?.map((source) => {
      const { source: js, flags } = goRegex(source);
      return { re: new RegExp(js, flags), names: groupNames(js) };
    });
    return { comm: spec.comm && new Set(spec.comm), exe, cmdline, template: parsed.parts };
  });
}

/** The variables any of these matchers' templates use. */
export function usedVariables(matchers: readonly GroupMatcher[]): Set<string> {
  const used = new Set<string>();
  for (const m of matchers) for (const v of templateVariables(m.template)) used.add(v);
  return used;
}

function render(template: readonly TemplatePart[], p: ProcessAttributes, matches: Record<string, string>): string {
  const exeFull = p.argv.length > 0 ? p.argv[0] : p.comm;
  const exeBase = p.argv.length > 0 ? goBase(p.argv[0]) : p.comm;
  let out = '';
  for (const part of template) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    switch (part.variable) {
      case 'Comm':
        out += p.comm;
        break;
      case 'ExeBase':
        out += exeBase;
        break;
      case 'ExeFull':
        out += exeFull;
        break;
      case 'Username':
        out += p.username();
        break;
      case 'PID':
        out += String(p.pid);
        break;
      case 'StartTime':
        out += goTimeFromCentiseconds(p.startCentiseconds);
        break;
      case 'Cgroups':
        out += goStringList(p.cgroups());
        break;
      case 'Matches':
        // Go's template prints "<no value>" for a key the map lacks.
        out += part.field === undefined ? goStringMap(matches) : (matches[part.field] ?? '<no value>');
        break;
      default:
        throw new Error(`unknown template variable .${part.variable}`);
    }
  }
  return out;
}

/** The group of a process (first match wins), or undefined when no entry matches. */
export function groupOf(matchers: readonly GroupMatcher[], p: ProcessAttributes): string | undefined {
  let joined: string | undefined;
  for (const m of matchers) {
    if (m.comm && !m.comm.has(p.comm)) continue;
    if (m.exe) {
      if (p.argv.length === 0) continue;
      const full = m.exe.get(goBase(p.argv[0]));
      if (full === undefined || (full !== '' && full !== p.argv[0])) continue;
    }
    const matches: Record<string, string> = {};
    if (m.cmdline) {
      joined ??= p.argv.join(' ');
      let ok = true;
      for (const { re, names } of m.cmdline) {
        const r = re.exec(joined);
        if (!r) {
          ok = false;
          break;
        }
        names.forEach((name, i) => (matches[name] = r[i] ?? ''));
      }
      if (!ok) continue;
    }
    return render(m.template, p, matches);
  }
  return undefined;
}
