// `backlog init`: the files of a starter backlog — one small file per collection with one
// example each, commented, consistent with each other so that it validates clean — plus editor
// settings and a copy of the JSON Schema the files point at. (The CI is in ci-files.ts.)
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { backlogJsonSchema } from '../../schemas/json-schema.js';
import { formatYaml } from './format-yaml.js';

const SCHEMA_COPY = '.backlog/backlog.schema.json';
const MODELINE = `# yaml-language-server: $schema=${SCHEMA_COPY}`;

/** Drafts beside the backlog's files: left out of it from the start. */
const DRAFTS = '*.draft.yaml';

const yamlQuoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The root file: `leftOut`, more globs for `exclude`. */
const rootFile = (leftOut: readonly string[]) => `${MODELINE}
#
# The root of the migration backlog. Every *.yaml file in this folder and below is part of it;
# each holds collections (workloads:, servers:, ...). Check it with \`backlog validate\`.
project:
  name: Our datacenter exit
  description: Move the on-premises estate to the cloud, one wave at a time.
  # Files that are not part of the backlog (globs; without a slash, any folder).
  exclude: [${[DRAFTS, ...leftOut].map(yamlQuoted).join(', ')}]
  defaults:
    max_servers_per_wave: 20   # what the migration team can cut over in one wave
  # Severities can be changed per rule (see \`backlog rules\`); for example:
  # rules:
  #   MISSING_OWNER: error
`;

const FILES: Record<string, string> = {
  'workloads.yaml': `${MODELINE}
#
# The backlog items: one entry per application or service to migrate. A large backlog often
# keeps one file per workload, with its servers beside it.
workloads:
  - id: intranet                       # unique, compared without case; other entities refer to it
    name: Intranet
    owner: comms@example.com           # the business owner who decides and accepts
    technical_owner: it-apps@example.com
    criticality: high
    priority: high                     # high, medium, low; \`rank\` orders equal priorities
    drivers: [dc-exit]                 # the business priorities behind it
    strategy: rehost                   # rehost, replatform, refactor, ..., retire, retain, tbd
    status: assessing
    wave: wave-1
    environment: production
    depends_on: [external:identity-provider]   # workload ids, server:ID or external:NAME
`,
  'servers.yaml': `${MODELINE}
#
# The assets, each with the workloads it serves (a shared server lists several).
servers:
  - id: INTRA01
    workloads: [intranet]
    os: Windows Server 2019
    os_family: windows
    platform: vmware
    cores: 4
    memory_gb: 16
    ips: [10.0.0.10]
`,
  'dependencies.yaml': `${MODELINE}
#
# Edges between workloads, servers and the outside: \`from\` depends on \`to\`. Only \`app\`
# dependencies bind workloads into move groups and order the waves.
dependencies:
  - from: server:INTRA01
    to: external:identity-provider
    port: 443
    protocol: https
    classification: external          # app, shared-infra, external or noise
`,
  'priorities.yaml': `${MODELINE}
#
# Business priorities: why the backlog is in this order. The team must be able to explain each.
priorities:
  - id: dc-exit
    title: Leave the datacenter before the lease ends
    rank: 1                            # 1 is the most important; unique
    type: critical-business-event
    rationale: The lease ends and will not be renewed.
    outcomes: [datacenter-closed]
`,
  'assumptions.yaml': `${MODELINE}
#
# Core assumptions the plan relies on, to be validated (or invalidated) by their review date.
assumptions:
  - id: licences
    statement: Our software licences allow running in the cloud.
    owner: procurement@example.com
    status: open                       # open, validated, invalidated
    review_by: 2099-12-31
    applies_to: [intranet]
`,
  'outcomes.yaml': `${MODELINE}
#
# Business outcomes and the metrics (KPIs) that say whether the migration is working.
outcomes:
  - id: datacenter-closed
    title: The datacenter is closed on time
    category: fiscal
    stakeholder: CFO
    metrics:
      - id: migrated
        name: Share of workloads migrated
        kind: progress
        measure: percent-workloads-migrated   # computed by \`backlog report\`
        target: 100
`,
  'waves.yaml': `${MODELINE}
#
# Migration waves, in order. Dependencies must move in the same or an earlier wave.
waves:
  - id: wave-1
    name: Pilot
    order: 1
    status: planning
    max_servers: 10
`,
  'remediations.yaml': `${MODELINE}
#
# The remediation plan: what must be fixed before a workload moves.
remediations:
  - id: rem-1
    title: Upgrade the intranet to a supported release
    source: assessment
    severity: medium
    status: open
    owner: it-apps@example.com
    workloads: [intranet]
`,
  'risks.yaml': `${MODELINE}
#
# Risks to the migration, with who owns them and how they are mitigated.
risks:
  - id: risk-1
    title: Key people are not available during the cut-over
    category: project
    severity: medium
    status: open
    owner: pmo@example.com
    mitigation: Book the cut-over weekend with the team two months ahead.
    workloads: [intranet]
`,
};

/**
 * The starter files, by path relative to the new backlog's folder. `leftOut`: globs of the YAML
 * files of something else already in that folder (docker-compose.yml), written into `exclude`
 * so that the new backlog validates clean.
 */
export function starterFiles(leftOut: readonly string[] = []): Map<string, string> {
  const texts = { 'backlog.yaml': rootFile(leftOut), ...FILES };
  // Written in the layout `backlog fmt` keeps, so that a new backlog passes `fmt --check`.
  const files = new Map(Object.entries(texts).map(([path, text]) => [path, path.endsWith('.yaml') ? formatYaml(text) : text]));
  const backlogFiles = ['backlog.yaml', ...COLLECTION_NAMES.map((name) => `${name}.yaml`), ...COLLECTION_NAMES.map((name) => `${name}/**/*.yaml`)];
  files.set('.vscode/settings.json', `${JSON.stringify({ 'yaml.schemas': { [`./${SCHEMA_COPY}`]: backlogFiles } }, null, 2)}\n`);
  files.set(SCHEMA_COPY, `${JSON.stringify(backlogJsonSchema(), null, 2)}\n`);
  return files;
}
