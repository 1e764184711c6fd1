// What every finding code means: default severity, a one-line summary (`backlog rules`, SARIF
// short descriptions) and the longer text of `backlog explain` (SARIF help).
import type { DiagnosticCode, Severity } from '../../schemas/diagnostic-codes.js';

export interface CodeInfo {
  severity: Severity;
  summary: string;
  /** Why it matters. */
  explanation: string;
  /** A small YAML example that triggers it. */
  example: string;
  fix: string;
}

export const CODES: Record<DiagnosticCode, CodeInfo> = {
  YAML_SYNTAX: {
    severity: 'error',
    summary: 'The file is not parseable YAML, or not UTF-8 text.',
    explanation:
      'Every error of the YAML parser is reported with its position. A file that is binary, UTF-16 or not valid UTF-8 is reported once, at the first byte that is wrong. Nothing else in a document with syntax errors is checked.',
    example: 'workloads:\n  - id: crm\n    name: "CRM\n    owner: Ana   # the closing quote of the name is missing',
    fix: 'Correct the YAML at the position shown. Save the file as UTF-8.',
  },
  MERGE_CONFLICT: {
    severity: 'error',
    summary: 'Unresolved git merge-conflict markers.',
    explanation:
      'A file with `<<<<<<<`, `=======` or `>>>>>>>` lines holds both sides of a conflict; neither side is read until it is resolved.',
    example: 'workloads:\n  - id: crm\n    name: CRM\n<<<<<<< HEAD\n    wave: wave-2\n=======\n    wave: wave-3\n>>>>>>> planning',
    fix: 'Keep the right side and delete the marker lines.',
  },
  DUPLICATE_KEY: {
    severity: 'error',
    summary: 'The same key twice in one mapping.',
    explanation:
      'YAML keeps only the last of two equal keys, so the first value is silently lost. The finding points at the second key; the first is a related location.',
    example: 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    owner: Ben',
    fix: 'Delete one of the two keys.',
  },
  UNSUPPORTED_YAML: {
    severity: 'error',
    summary: 'Merge keys, custom tags, too many aliases or too deep nesting.',
    explanation:
      'Backlog files are plain data that any tool (and any reviewer) can read the same way. Merge keys (`<<`) and custom tags (`!thing`) change meaning depending on the reader; more than 100 aliases in a document or nesting deeper than 64 levels are refused to protect against alias bombs and stack exhaustion.',
    example: 'workloads:\n  - &crm { id: crm, name: CRM, owner: Ana }\n  - <<: *crm\n    id: crm-test',
    fix: 'Write the values out in full. A file that is very large can be split (one file per workload).',
  },
  UNKNOWN_COLLECTION: {
    severity: 'error',
    summary: 'A top-level key that is not a collection.',
    explanation:
      'The top level of a file holds collections only: workloads, servers, dependencies, priorities, assumptions, outcomes, waves, remediations, risks (and project in the root backlog.yaml).',
    example: 'workload:\n  - id: crm\n    name: CRM',
    fix: 'Use one of the collection names (the hint says which one is closest).',
  },
  UNKNOWN_FIELD: {
    severity: 'error',
    summary: 'A field the entity does not have.',
    explanation:
      'Entities are strict, so that a misspelt field is caught instead of silently ignored. Fields starting with `x-` are custom columns and are always allowed.',
    example: 'workloads:\n  - id: crm\n    name: CRM\n    prority: high',
    fix: 'Correct the name (see the hint), or prefix a custom field with `x-`.',
  },
  MISSING_FIELD: {
    severity: 'error',
    summary: 'A required field is absent.',
    explanation:
      'Each entity has required fields: every entity an `id` (but dependencies), workloads a `name`, priorities a `title` and `rank`, waves an `order`, dependencies `from` and `to`, and so on.',
    example: 'workloads:\n  - id: crm\n    owner: Ana',
    fix: 'Add the field.',
  },
  INVALID_VALUE: {
    severity: 'error',
    summary: 'A value of the wrong type, outside its enumeration or range, or badly formed.',
    explanation:
      'Values are checked against the schema: enumerations (status, strategy, ...), numbers and their ranges, dates (YYYY-MM-DD, a day that exists), IP addresses, ids. A document that is not a mapping and a collection that is not a list are reported here too. An id that YAML reads as a number (`id: 0012`) must be quoted.',
    example: 'workloads:\n  - id: crm\n    name: CRM\n    priority: urgent\n    milestone: 2025-02-30',
    fix: 'Use a value the field accepts (the message lists them; the hint suggests the closest).',
  },
  DUPLICATE_ID: {
    severity: 'error',
    summary: 'Two entities of one collection share an id.',
    explanation:
      'Ids are compared case-insensitively (server names come in any case), across all files. A reference to a duplicated id would be ambiguous. Dependencies without an id are identified by from, to, port and protocol, so the same edge written twice is reported too.',
    example: 'servers:\n  - id: SQL01\n  - id: sql01',
    fix: 'Rename one of them, or merge the two entries.',
  },
  UNKNOWN_REFERENCE: {
    severity: 'error',
    summary: 'A reference to no entity.',
    explanation:
      'References name entities by id: `drivers` name priorities, `wave` a wave, `depends_on`, `from` and `to` a workload (or `server:ID`; `external:NAME` is never resolved). A reference to an id that exists nowhere is usually a typo or an entity that was removed.',
    example: 'workloads:\n  - id: crm\n    name: CRM\n    depends_on: [payrol]',
    fix: 'Correct the id (see the hint), add the missing entity, or mark an outside system `external:NAME`.',
  },
  DUPLICATE_RANK: {
    severity: 'error',
    summary: 'Two priorities share a rank, or two waves an order.',
    explanation:
      'Business priorities are ranked so that the order of the backlog can be explained; two priorities with one rank leave the order undecided. Two waves with one order leave their sequence undecided.',
    example: 'priorities:\n  - { id: dc-exit, title: Exit the datacenter, rank: 1 }\n  - { id: cost, title: Cut cost, rank: 1 }',
    fix: 'Give each priority its own rank, and each wave its own order.',
  },
  SPLIT_MOVE_GROUP: {
    severity: 'error',
    summary: 'Workloads bound in a cycle of app dependencies are in different waves.',
    explanation:
      'Workloads that depend on each other in a cycle (through `app` dependencies, directly or through their servers) form a move group: none of them can move before the others. Members that stay (retain, retire) or have already moved are not counted.',
    example: 'waves:\n  - { id: wave-1, order: 1 }\n  - { id: wave-2, order: 2 }\nworkloads:\n  - { id: crm, name: CRM, strategy: rehost, wave: wave-1, depends_on: [erp] }\n  - { id: erp, name: ERP, strategy: rehost, wave: wave-2, depends_on: [crm] }',
    fix: 'Put every member of the group in one wave, or reclassify a dependency that does not bind them.',
  },
  WAVE_ORDER: {
    severity: 'warning',
    summary: 'A workload is in an earlier wave than a workload it depends on, or that one has no wave.',
    explanation:
      'A workload that moves before something it depends on (through an `app` dependency) has to reach back across the network, or waits. Dependencies on workloads that stay (retain, retire) or have already moved (migrated, optimized) are fine.',
    example: 'waves:\n  - { id: wave-1, order: 1 }\n  - { id: wave-2, order: 2 }\nworkloads:\n  - { id: web, name: Web, strategy: rehost, wave: wave-1, depends_on: [db] }\n  - { id: db, name: DB, strategy: rehost, wave: wave-2 }',
    fix: 'Move the dependency to the same or an earlier wave, move the workload later, or classify the dependency (`shared-infra`, `external`, `noise`) if it does not bind them.',
  },
  WAVE_CAPACITY: {
    severity: 'warning',
    summary: 'A wave holds more servers than its max_servers.',
    explanation:
      'A wave can move only so many servers; the capacity is the wave\'s `max_servers`, or `project.defaults.max_servers_per_wave`. A server shared by several workloads of the wave is counted once.',
    example: 'waves:\n  - { id: wave-1, order: 1, max_servers: 2 }\nworkloads:\n  - { id: crm, name: CRM, strategy: rehost, wave: wave-1 }\nservers:\n  - { id: CRM01, workloads: [crm] }\n  - { id: CRM02, workloads: [crm] }\n  - { id: CRM03, workloads: [crm] }',
    fix: 'Move workloads to another wave, or raise the capacity.',
  },
  UNRATIONALIZED_IN_WAVE: {
    severity: 'warning',
    summary: 'A workload with strategy tbd (or none) is in a wave.',
    explanation:
      'Scheduling a workload before deciding how it moves (rehost, replatform, ... or retire) plans work that may not happen.',
    example: 'waves:\n  - { id: wave-1, order: 1 }\nworkloads:\n  - { id: crm, name: CRM, wave: wave-1, strategy: tbd }',
    fix: 'Decide the strategy, or take the workload out of the wave.',
  },
  ORPHAN_SERVER: {
    severity: 'warning',
    summary: 'A server that belongs to no workload.',
    explanation:
      'Every server should belong to a workload, or it will never be planned into a wave (and may be forgotten in the datacenter).',
    example: 'servers:\n  - id: OLDFS01',
    fix: 'Set its `workloads`, or add a workload (possibly with strategy retire) for it.',
  },
  MISSING_OWNER: {
    severity: 'warning',
    summary: 'A workload without an owner.',
    explanation: 'Every workload needs a business owner who can make decisions about it and accept it after the move.',
    example: 'workloads:\n  - { id: crm, name: CRM }',
    fix: 'Set `owner` (a name or an e-mail).',
  },
  MISSING_RATIONALE: {
    severity: 'warning',
    summary: 'A business priority without a rationale.',
    explanation: 'The team must be able to explain why a priority matters; the rationale is what they say.',
    example: 'priorities:\n  - { id: dc-exit, title: Exit the datacenter, rank: 1 }',
    fix: 'Write the `rationale`.',
  },
  INVALIDATED_ASSUMPTION: {
    severity: 'warning',
    summary: 'A workload that is not yet migrated relies on an invalidated assumption.',
    explanation:
      'A workload relies on an assumption when it lists it in `assumptions` or the assumption lists the workload in `applies_to`. When the assumption turns out false, the plan for the workload needs a second look.',
    example: 'workloads:\n  - { id: crm, name: CRM, status: assessing }\nassumptions:\n  - { id: a1, statement: CRM runs on SQL 2019, status: invalidated, applies_to: [crm] }',
    fix: 'Revisit the workload\'s plan, then remove the link to the assumption.',
  },
  STALE_ASSUMPTION: {
    severity: 'warning',
    summary: 'An open assumption past its review_by date.',
    explanation:
      'Open assumptions must be validated or invalidated by their review date. "Today" is the local date, or --as-of / BACKLOG_AS_OF.',
    example: 'assumptions:\n  - { id: a1, statement: Licences move with us, review_by: 2024-01-31 }',
    fix: 'Validate or invalidate it, or set a new `review_by`.',
  },
  STATUS_MISMATCH: {
    severity: 'warning',
    summary: 'A workload is migrated while one of its servers is not.',
    explanation:
      'A workload with status migrated or optimized should have every server migrated or decommissioned; otherwise one of the two statuses is wrong.',
    example: 'workloads:\n  - { id: crm, name: CRM, status: migrated }\nservers:\n  - { id: CRM01, workloads: [crm], status: replicating }',
    fix: 'Update the server statuses, or the workload status.',
  },
  OPEN_REMEDIATION: {
    severity: 'warning',
    summary: 'A scheduled or migrating workload has an open high-severity remediation.',
    explanation:
      'High-severity remediations found in assessment or testing must be done (or the risk accepted) before the move. A remediation concerns a workload directly or through one of its servers; it is open unless it is done, wont-fix or accepted-risk.',
    example: 'workloads:\n  - { id: crm, name: CRM, status: scheduled }\nremediations:\n  - { id: r1, title: Upgrade .NET, severity: high, status: open, workloads: [crm] }',
    fix: 'Finish the remediation, accept the risk explicitly, or postpone the workload.',
  },
  SELF_DEPENDENCY: {
    severity: 'warning',
    summary: 'A dependency whose from and to are the same entity.',
    explanation:
      'An entity depending on itself says nothing and is usually a copy-paste slip. (An edge between two servers of one workload is normal and not this.)',
    example: 'workloads:\n  - { id: crm, name: CRM }\ndependencies:\n  - { from: crm, to: crm }',
    fix: 'Correct `from` or `to`, or delete the dependency.',
  },
};
