/**
 * /dump for people: the HTML pages a browser gets (server-rendered, no build
 * step, nothing from another origin).
 *
 * - The index groups the handlers by area (root, net, per-process, sysvipc)
 *   with their summaries and links, and a filter box (live with the script;
 *   without it, `?q=` filters on the server).
 * - A handler page shows the records as tables with the columns proc2csv
 *   prints (src/format/table.ts), each list folded into one cell that expands
 *   (`<details>`), the record count, the file and the bytes read, links to
 *   the JSON and CSV forms, and `?pid=` / `?item=` pickers where they apply.
 *   Large files are paged (PAGE_ROWS records a page).
 *
 * Every value is escaped (escapeHtml); the pages load one script and one
 * style sheet from the exporter itself (DUMP_SCRIPT, DUMP_STYLE), so the
 * Content-Security-Policy allows no inline script or style at all.
 */
import { cells, tableBlocks, type Cell } from '../format/table';
import { DUMP_AREAS, dumpArea, dumpName, type DumpArea, type DumpChoices, type DumpEntry, type DumpOutcome } from './dump';

/** Records per page of a handler page. */
export const PAGE_ROWS = 1000;

export const ASSET_PATHS = { script: '/dump/assets/dump.js', style: '/dump/assets/dump.css' } as const;

/** No inline script or style, nothing from another origin; forms submit to the exporter only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const AREA_TITLES: Record<DumpArea, string> = {
  root: 'root — /proc/*',
  net: 'net — /proc/net/*',
  'per-process': 'per-process — /proc/<pid>/*',
  sysvipc: 'sysvipc — /proc/sysvipc/*',
};

function page(title: string, crumbs: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — proc-exporter</title>
<link rel="stylesheet" href="${ASSET_PATHS.style}">
<script src="${ASSET_PATHS.script}" defer></script>
</head>
<body>
<nav class="crumbs"><a href="/">proc-exporter</a> / ${crumbs}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export interface IndexOptions {
  entries: DumpEntry[];
  /** Per-process handlers not served (dump.perProcess off): listed without links. */
  withheld: DumpEntry[];
  procfsRoot: string;
  /** `?q=`: the filter, applied on the server too. */
  filter?: string;
}

function matches(entry: DumpEntry, words: string[]): boolean {
  const text = `${dumpName(entry.handler)} ${entry.handler} ${entry.summary}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export function renderIndex(o: IndexOptions): string {
  const filter = o.filter ?? '';
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const all = [...o.entries, ...o.withheld];
  const shown = all.filter((e) => matches(e, words)).length;
  const sections = DUMP_AREAS.map((area) => {
    const served = o.entries.filter((e) => dumpArea(e.handler) === area);
    const withheld = o.withheld.filter((e) => dumpArea(e.handler) === area);
    if (served.length + withheld.length === 0) return '';
    const rows = [...served.map((e) => [e, true] as const), ...withheld.map((e) => [e, false] as const)].map(([e, linked]) => {
      const name = dumpName(e.handler);
      const cell = linked ? `<a href="${escapeHtml(e.path)}">${escapeHtml(name)}</a>` : `<span class="withheld">${escapeHtml(name)}</span>`;
      const formats = linked
        ? `<a href="${escapeHtml(e.path)}?format=json">JSON</a> <a href="${escapeHtml(e.path)}?format=csv">CSV</a>`
        : '<span class="withheld">dump.perProcess is off</span>';
      const parameters = e.parameters.map((p) => `<code>?${p}=</code>`).join(' ');
      const hidden = matches(e, words) ? '' : ' hidden';
      const filterText = `${name} ${e.handler} ${e.summary}`.toLowerCase();
      const summary = escapeHtml(e.summary);
      const tds = `<td class="name">${cell}</td><td>${summary}</td><td>${parameters}</td><td class="formats">${formats}</td>`;
      return `<tr data-filter="${escapeHtml(filterText)}"${hidden}>${tds}</tr>`;
    });
    const note =
      withheld.length > 0
        ? `<p class="note">Per-process files are not served: set <code>dump.perProcess: true</code> in config.yaml to dump them.</p>`
        : '';
    const anyShown = [...served, ...withheld].some((e) => matches(e, words));
    return `<section data-area="${area}"${anyShown ? '' : ' hidden'}>
<h2>${escapeHtml(AREA_TITLES[area])} <span class="count">${served.length + withheld.length}</span></h2>
${note}<table class="index">
<thead><tr><th>file</th><th>summary</th><th>parameters</th><th>other forms</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
  }).join('\n');
  return page(
    '/dump',
    '<b>dump</b>',
    `<h1>/proc files</h1>
<p>${o.entries.length} handlers can be dumped from the procfs root <code>${escapeHtml(o.procfsRoot)}</code>,
each as a table here, as JSON or as CSV.
This list as JSON: <a href="/dump?format=json">/dump?format=json</a>.</p>
<form class="filter" method="get" action="/dump">
<label>Filter <input id="filter" name="q" type="search" value="${escapeHtml(filter)}"
placeholder="name or summary, e.g. tcp" autocomplete="off"></label>
<span id="shown">${shown} of ${all.length}</span>
<noscript><button type="submit">filter</button></noscript>
</form>
${sections}`,
  );
}

function renderScalar(value: Cell): string {
  if (value === null || value === undefined) return '';
  return escapeHtml(value);
}

/** A nested value (a list, or an object inside one): expandable, nested tables to any depth. */
function renderNested(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '<span class="empty">[]</span>';
    const items = value.map((item) => `<li>${renderNested(item)}</li>`).join('');
    return `<details><summary>${value.length} item${value.length === 1 ? '' : 's'}</summary><ol start="0">${items}</ol></details>`;
  }
  if (value !== null && typeof value === 'object') {
    const fields = cells(value, { foldLists: true });
    const rows = Object.entries(fields).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${renderCell(v)}</td></tr>`);
    return `<table class="nested">${rows.join('')}</table>`;
  }
  return renderScalar(value as Cell);
}

function renderCell(value: Cell): string {
  return Array.isArray(value) ? renderNested(value) : renderScalar(value);
}

/** Numbers align right; long text may wrap (everything else stays on one line, the table scrolls sideways). */
function cellClass(value: Cell): string {
  if (typeof value === 'number') return ' class="n"';
  return typeof value === 'string' && value.length > 48 ? ' class="long"' : '';
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes.toLocaleString('en')} bytes)`;
}

export interface HandlerPageOptions {
  handler: string;
  summary: string;
  /** The request parameters the handler takes (`pid`, `item`). */
  parameters: string[];
  /** `?pid=` and `?item=` of the request, and whether it forced `?format=html`. */
  query: { pid?: string; item?: string; forced: boolean };
  choices: DumpChoices;
  /** The dump, or why it failed (the page then shows the pickers and the reason). */
  outcome?: DumpOutcome;
  error?: { status: number; message: string };
  /** 1-based page of PAGE_ROWS records. */
  page: number;
}

function renderPickers(o: HandlerPageOptions, action: string): string {
  const { pids, items } = o.choices;
  if (o.parameters.length === 0) return '';
  const select = (name: string, values: string[] | undefined, current: string | undefined): string => {
    if (values === undefined) return '';
    const options = values.slice(0, 5000).map((v) => `<option${v === current ? ' selected' : ''}>${escapeHtml(v)}</option>`);
    if (current !== undefined && !values.includes(current)) options.unshift(`<option selected>${escapeHtml(current)}</option>`);
    if (current === undefined && name === 'item') options.unshift('<option value="" selected>(choose)</option>');
    return `<label>${name} <select name="${name}" data-submit>${options.join('')}</select></label>`;
  };
  const hidden = o.query.forced ? '<input type="hidden" name="format" value="html">' : '';
  const pid = select('pid', pids, o.query.pid ?? (pids ? 'self' : undefined));
  const item = select('item', items, o.query.item);
  const noItems = o.parameters.includes('item') && items === undefined;
  const none = noItems ? '<span class="note">no items to choose from for this process</span>' : '';
  const fields = `${hidden}${pid} ${item}${none} <button type="submit">show</button>`;
  return `<form class="pickers" method="get" action="${escapeHtml(action)}">${fields}</form>`;
}

function renderTables(outcome: DumpOutcome, first: number, last: number): string {
  const { records, handler } = outcome.result;
  const blocks = tableBlocks(records, handler, { foldLists: true });
  const out: string[] = [];
  for (const block of blocks) {
    const rows = block.rows.filter((i) => i >= first && i < last);
    if (rows.length === 0) continue;
    const caption = block.kind === undefined ? '' : `<caption>kind: ${escapeHtml(block.kind)}</caption>`;
    const head = `<tr><th class="index">#</th>${block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
    const body = rows.map((i) => {
      const fields = cells(records[i], { foldLists: true });
      const tds = block.columns.map((c) => `<td${cellClass(fields[c])}>${renderCell(fields[c])}</td>`);
      return `<tr><td class="index">${i}</td>${tds.join('')}</tr>`;
    });
    const kind = block.kind === undefined ? '' : ` data-kind="${escapeHtml(block.kind)}"`;
    out.push(`<div class="scroll"><table class="records"${kind}>${caption}
<thead>${head}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`);
  }
  return out.join('\n');
}

export function renderHandlerPage(o: HandlerPageOptions): string {
  const name = dumpName(o.handler);
  const action = `/dump/${name}`;
  const params = { pid: o.query.pid, item: o.query.item };
  const facts: string[] = [];
  let content = '';
  if (o.outcome) {
    const total = o.outcome.result.records.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_ROWS));
    const current = Math.min(Math.max(1, o.page), pages);
    const first = (current - 1) * PAGE_ROWS;
    const last = Math.min(total, first + PAGE_ROWS);
    facts.push(`<dt>file</dt><dd><code>${escapeHtml(o.outcome.result.source)}</code></dd>`);
    facts.push(`<dt>read</dt><dd>${escapeHtml(formatBytes(o.outcome.bytesRead))}</dd>`);
    facts.push(`<dt>records</dt><dd id="record-count">${total.toLocaleString('en')}</dd>`);
    const unreadable = o.outcome.unreadable;
    const note = unreadable ? `<p class="note">The file could not be read (${escapeHtml(unreadable)}): no records.</p>` : '';
    const link = (p: number, label: string): string =>
      `<a href="${escapeHtml(action + query({ ...params, page: String(p), format: o.query.forced ? 'html' : undefined }))}">${label}</a>`;
    const pager =
      pages > 1
        ? `<p class="pager">records ${(first + 1).toLocaleString('en')}–${last.toLocaleString('en')} of ${total.toLocaleString('en')} ` +
          `· page ${current} of ${pages}${current > 1 ? ` · ${link(current - 1, '‹ previous')}` : ''}` +
          `${current < pages ? ` · ${link(current + 1, 'next ›')}` : ''}</p>`
        : '';
    content = `${note}${pager}${renderTables(o.outcome, first, last)}${pager}`;
  }
  const error = o.error ? `<p class="error" role="alert">${o.error.status}: ${escapeHtml(o.error.message)}</p>` : '';
  const formats = o.outcome
    ? `<p class="formats">Also as <a href="${escapeHtml(action + query({ ...params, format: 'json' }))}">JSON</a> · ` +
      `<a href="${escapeHtml(action + query({ ...params, format: 'csv' }))}">CSV</a></p>`
    : '';
  return page(
    name,
    `<a href="/dump">dump</a> / <b>${escapeHtml(name)}</b>`,
    `<h1>${escapeHtml(name)}</h1>
<p class="summary">${escapeHtml(o.summary)}</p>
${renderPickers(o, action)}
${error}
<dl class="facts">${facts.join('')}</dl>
${formats}
${content}`,
  );
}

/** An error for a request that names no handler (or a refused one): the reason and the closest names. */
export function renderErrorPage(status: number, message: string, suggestions: string[], requested?: string): string {
  const links = suggestions.map((s) => `<li><a href="/dump/${escapeHtml(s)}">${escapeHtml(s)}</a></li>`).join('');
  const list = links === '' ? '' : `<p>Closest handlers:</p><ul class="suggestions">${links}</ul>`;
  const href = requested ? `/dump${query({ q: requested })}` : '';
  const search = requested ? `<a href="${escapeHtml(href)}">Search the list for ${escapeHtml(requested)}</a> · ` : '';
  return page(
    `${status}`,
    `<a href="/dump">dump</a> / <b>${status}</b>`,
    `<h1>${status}</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>
${list}
<p>${search}<a href="/dump">All the files that can be dumped</a></p>`,
  );
}

/** The index's filter and the pickers' submit-on-change: the only script, served by the exporter (CSP script-src 'self'). */
export const DUMP_SCRIPT = `'use strict';
(function () {
  var filter = document.getElementById('filter');
  if (filter) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-filter]'));
    var sections = Array.prototype.slice.call(document.querySelectorAll('section[data-area]'));
    var shown = document.getElementById('shown');
    var apply = function () {
      var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var count = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute('data-filter');
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) count++;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector('tr[data-filter]:not([hidden])');
      });
      shown.textContent = count + ' of ' + rows.length;
    };
    filter.addEventListener('input', apply);
    filter.form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
    apply();
    filter.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll('select[data-submit]'), function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
})();
`;

export const DUMP_STYLE = `:root { color-scheme: light dark; --line: #8884; --muted: #777; --accent: #2a6fdb; --stripe: #8881; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; }
main { padding: 0 1.5rem 2rem; }
.crumbs { padding: .6rem 1.5rem; border-bottom: 1px solid var(--line); }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 1.5rem; margin: 1rem 0 .25rem; font-family: ui-monospace, monospace; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h2 .count { color: var(--muted); font-weight: normal; }
code, td, .facts dd { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
.summary, .note { color: var(--muted); }
.error { border-left: 4px solid #d33; padding: .4rem .8rem; background: #d331; }
form.filter, form.pickers { margin: .75rem 0; display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; }
input[type=search] { font: inherit; padding: .3rem .5rem; min-width: 22rem; }
select, button { font: inherit; }
#shown { color: var(--muted); }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .2rem .45rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: Canvas; font-family: ui-monospace, monospace; font-size: 12px; }
tbody tr:nth-child(even) { background: var(--stripe); }
table.index td:first-child { white-space: nowrap; }
table.records { margin: .5rem 0 1.5rem; }
table.records caption { text-align: left; font-weight: bold; padding: .25rem 0; }
td.n { text-align: right; }
td.index, th.index { color: var(--muted); text-align: right; }
td { white-space: nowrap; }
td.long { white-space: normal; min-width: 18rem; max-width: 36rem; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table.nested th { font-weight: normal; color: var(--muted); }
table.nested { margin: .2rem 0; }
details summary { cursor: pointer; color: var(--accent); }
ol { margin: .2rem 0; padding-left: 2.2rem; }
.withheld { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .75rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.pager { color: var(--muted); }
`;
