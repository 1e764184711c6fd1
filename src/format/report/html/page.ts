// `backlog report -f html`: the dashboard as one self-contained page. Its stylesheet and script
// are inline and allowed by their hashes alone (Content-Security-Policy), so the page loads
// nothing and runs nothing else, from file:// as from a web server.
import { createHash } from 'node:crypto';
import type { BuiltFrom } from '../../../git/built-from.js';
import type { HistoryPoint } from '../../../git/kpi-history.js';
import type { BacklogTable } from '../../../query/dashboard/backlog-table.js';
import type { Dashboard } from '../../../query/dashboard/dashboard.js';
import type { DependencyPictures } from '../../../query/dashboard/dependency-pictures.js';
import type { WavePlanEntry } from '../../../query/dashboard/wave-plan.js';
import backlogTableScript from './client/backlog-table.js?raw';
import { clientData } from './client-data.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { attentionSection } from './sections/attention.js';
import { backlogSection } from './sections/backlog.js';
import { dependenciesSection } from './sections/dependencies.js';
import { findingsSection } from './sections/findings.js';
import { DEFAULT_TITLE, headerSection } from './sections/header.js';
import { outcomesSection } from './sections/outcomes.js';
import { prioritiesSection } from './sections/priorities.js';
import { wavePlanSection } from './sections/wave-plan.js';
import style from './style.css?raw';

export interface HtmlReport {
  dashboard: Dashboard;
  /** The commit the files are at; undefined outside git. */
  builtFrom: BuiltFrom | undefined;
  /** The KPIs over time, with `--history`. */
  history: readonly HistoryPoint[] | undefined;
  parts: ModelParts;
}

/**
 * The page's parts that depend on the model alone, not on the day, so a caller may keep them:
 * the backlog's section, the data its script draws the rows from, and the dependency pictures.
 */
export interface ModelParts {
  backlog: string;
  backlogData: string;
  dependencies: string;
}

export function modelParts(table: BacklogTable, pictures: DependencyPictures, waves: readonly WavePlanEntry[]): ModelParts {
  const order = waveOrder(waves);
  return { backlog: backlogSection(table, order), backlogData: jsonForScript(clientData(table, order)), dependencies: dependenciesSection(pictures) };
}

const SECTIONS = [
  ['outcomes', 'Outcomes and KPIs'],
  ['waves', 'Wave plan'],
  ['priorities', 'Priorities'],
  ['backlog', 'The backlog'],
  ['dependencies', 'Dependencies'],
  ['attention', 'Needs attention'],
  ['findings', 'Findings'],
] as const;

export function reportHtml({ dashboard, builtFrom, history, parts }: HtmlReport, context: { toolVersion: string }): string {
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(backlogTableScript)}'`,
    `style-src '${sha256(style)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const name = dashboard.project.name;
  const title = name ? `${name}: migration backlog as of ${dashboard.as_of}` : `${DEFAULT_TITLE} as of ${dashboard.as_of}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="backlog ${escapeHtml(context.toolVersion)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the content</a>',
    headerSection(dashboard, builtFrom),
    `<nav class="sections" aria-label="Sections"><ul>${SECTIONS.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>`,
    '<main id="main">',
    outcomesSection(dashboard.report, history),
    wavePlanSection(dashboard.waves, dashboard.as_of),
    prioritiesSection(dashboard.priorities),
    parts.backlog,
    parts.dependencies,
    attentionSection(dashboard.attention),
    findingsSection(dashboard.validation.findings),
    '</main>',
    `<footer>Made by <code>backlog report -f html</code> (backlog ${escapeHtml(context.toolVersion)}) from the YAML files of the backlog. It loads nothing from any network.</footer>`,
    `<script type="application/json" id="backlog-data">${parts.backlogData}</script>`,
    `<script>${backlogTableScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The ids of the waves that have an order, in it. */
function waveOrder(waves: readonly WavePlanEntry[]): string[] {
  return waves.filter((wave) => wave.order !== null).map((wave) => wave.id);
}

/** A CSP source that allows exactly this inline text. */
function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
