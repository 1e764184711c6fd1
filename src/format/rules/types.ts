/** A rule as `backlog rules` lists it; `configured` only inside a backlog that changes severities. */
export interface RuleRow {
  code: string;
  severity: string;
  configured?: string;
  description: string;
}
