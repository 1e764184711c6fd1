// The formats of `backlog rules`, by the name `-f` takes.
import type { RowsContext } from '../rows/types.js';
import type { RulesFormat } from './formats.js';
import { rulesJson } from './json.js';
import { rulesTable } from './table.js';
import type { RuleRow } from './types.js';

export const RULES_FORMATTERS: Record<RulesFormat, (rules: readonly RuleRow[], context: RowsContext) => string> = { table: rulesTable, json: rulesJson };
