// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { conditionsHold, unknownConditions } from '../../demo/server/conditions.js';
import { matchesJql } from '../../demo/server/jql.js';
import { USERS, type Issue } from '../../demo/server/store.js';

const [admin, alice] = USERS as [(typeof USERS)[0], (typeof USERS)[0]];
const issue: Issue = {
  id: '10001', key: 'DEMO-1', projectKey: 'DEMO', summary: 'Checkout times out', description: '', status: 'In Progress', issueType: 'Bug',
  priority: 'High', assigneeId: alice.accountId, reporterId: admin.accountId, created: '', updated: '', attachments: [],
};

describe('module conditions', () => {
  it('holds with no conditions, and needs every listed one', () => {
    expect(conditionsHold({}, alice, {})).toBe(true);
    expect(conditionsHold({ conditions: [{ condition: 'user_is_logged_in' }, { condition: 'user_is_admin' }] }, alice, {})).toBe(false);
    expect(conditionsHold({ conditions: [{ condition: 'user_is_logged_in' }, { condition: 'user_is_admin' }] }, admin, {})).toBe(true);
  });

  it('inverts, and nests and/or', () => {
    const notAdmin = { conditions: [{ condition: 'user_is_admin', invert: true }] };
    expect(conditionsHold(notAdmin, alice, {})).toBe(true);
    expect(conditionsHold(notAdmin, admin, {})).toBe(false);
    const either = { conditions: [{ or: [{ condition: 'user_is_admin' }, { condition: 'is_issue_assigned_to_current_user' }] }] };
    expect(conditionsHold(either, alice, { issue })).toBe(true);
    expect(conditionsHold(either, alice, {})).toBe(false);
    expect(conditionsHold({ conditions: [{ and: [{ condition: 'user_is_logged_in' }, { condition: 'is_issue_reported_by_current_user' }] }] }, admin, { issue })).toBe(true);
  });

  it('reads permissions and applications from params', () => {
    const del = { conditions: [{ condition: 'has_issue_permission', params: { permission: 'DELETE_ISSUES' } }] };
    const edit = { conditions: [{ condition: 'has_issue_permission', params: { permission: 'EDIT_ISSUES' } }] };
    expect(conditionsHold(del, alice, { issue })).toBe(false);
    expect(conditionsHold(del, admin, { issue })).toBe(true);
    expect(conditionsHold(edit, alice, { issue })).toBe(true);
    expect(conditionsHold(edit, alice, {})).toBe(false);
    expect(conditionsHold({ conditions: [{ condition: 'has_project_permission', params: { permission: 'ADMINISTER_PROJECTS' } }] }, alice, { projectKey: 'DEMO' })).toBe(false);
    expect(conditionsHold({ conditions: [{ condition: 'can_use_application', params: { applicationKey: 'jira-software' } }] }, alice, {})).toBe(true);
    expect(conditionsHold({ conditions: [{ condition: 'can_use_application', params: { applicationKey: 'jira-servicedesk' } }] }, alice, {})).toBe(false);
  });

  it('fails closed on a condition it does not evaluate, inverted or not, and names it', () => {
    const unknown = { conditions: [{ condition: 'jira_expression', params: { expression: 'true' } }] };
    expect(conditionsHold(unknown, admin, {})).toBe(false);
    expect(conditionsHold({ conditions: [{ condition: 'jira_expression', invert: true }] }, admin, {})).toBe(false);
    expect(conditionsHold({ conditions: 'user_is_admin' }, admin, {})).toBe(false);
    expect(unknownConditions({ conditions: [{ or: [{ condition: 'jira_expression' }, { condition: 'user_is_admin' }] }] })).toEqual(['jira_expression']);
  });
});

describe('webhook JQL filters', () => {
  it('matches project, key, status, issuetype and text, joined with AND', () => {
    expect(matchesJql(issue, 'issuetype = Bug')).toBe(true);
    expect(matchesJql(issue, 'issuetype = Story')).toBe(false);
    expect(matchesJql(issue, 'project = DEMO AND status = "In Progress"')).toBe(true);
    expect(matchesJql(issue, 'project = DEMO AND key = DEMO-2')).toBe(false);
    expect(matchesJql(issue, 'text ~ "checkout" ORDER BY created DESC')).toBe(true);
  });
});
