import type { Issue } from './store.js';

/**
 * A small JQL: `project = KEY`, `key = KEY-1`, `status = "To Do"`, `issuetype = Bug`,
 * `text ~ "words"`, joined with AND; `ORDER BY` is ignored. Clauses it cannot read are ignored too,
 * so a search widens rather than fails (webhook filters say which clauses they use in the README).
 */
export function matchesJql(issue: Issue, jql: string): boolean {
  for (const clause of jql.replace(/ORDER BY.*$/i, '').split(/\s+AND\s+/i)) {
    const match = /^\s*(project|key|text|status|issuetype)\s*(=|~)\s*"?([^"]*?)"?\s*$/i.exec(clause);
    if (!match) continue;
    const [, rawField = '', , value = ''] = match;
    const field = rawField.toLowerCase();
    const v = value.toLowerCase();
    const ok =
      field === 'project' ? issue.projectKey.toLowerCase() === v
        : field === 'key' ? issue.key.toLowerCase() === v
          : field === 'status' ? issue.status.toLowerCase() === v
            : field === 'issuetype' ? issue.issueType.toLowerCase() === v
              : `${issue.summary} ${issue.description}`.toLowerCase().includes(v);
    if (!ok) return false;
  }
  return true;
}

export function searchJql(issues: readonly Issue[], jql: string): Issue[] {
  return issues.filter((issue) => matchesJql(issue, jql));
}
