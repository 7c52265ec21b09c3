// Connect app code as written against @types/atlassian-connect-js. It is compiled twice:
// tsconfig.connect.json checks it against those types (so it really is Connect code), and
// tsconfig.apbridge.json against apbridge's `AP` (so apbridge accepts it unchanged).
// A script, not a module: `AP` is the global, as in an app page.

function showIssue(issueKey: string): void {
  AP.request(`/rest/api/3/issue/${issueKey}`, {
    success: (response: string) => {
      const issue = JSON.parse(response) as { fields: { summary: string } };
      document.title = issue.fields.summary;
    },
    error: (xhr: XMLHttpRequest, statusText: string, errorThrown: unknown) => {
      console.error(xhr.status, statusText, errorThrown);
    },
  });
}

async function createIssue(summary: string): Promise<string> {
  const { body, xhr } = await AP.request({
    url: '/rest/api/3/issue',
    type: 'POST',
    contentType: 'application/json',
    data: JSON.stringify({ fields: { summary, project: { key: 'DEMO' } } }),
    headers: { Accept: 'application/json', 'If-Match': '*', 'If-None-Match': '' },
    experimental: true,
    cache: false,
  });
  console.log(xhr.status, xhr.getResponseHeader('content-type'), xhr.getAllResponseHeaders(), xhr.responseText);
  return (JSON.parse(body) as { key: string }).key;
}

async function downloadAttachment(id: string): Promise<number> {
  const { body } = await AP.request(`/rest/api/3/attachment/content/${id}`, { binaryAttachment: true });
  return body.byteLength;
}

function downloadWithCallback(id: string): void {
  AP.request({
    url: `/rest/api/3/attachment/content/${id}`,
    binaryAttachment: true,
    success: (data: ArrayBuffer) => console.log(new Uint8Array(data).length),
  });
}

// (Annotating the result as `Promise<{ body: string; xhr: XMLHttpRequest }>` does not compile against
// apbridge: its xhr is an honest read-only snapshot, not a live XMLHttpRequest.)
function searchWithObjectData(): Promise<string> {
  return AP.request('/rest/api/3/search', { type: 'GET', data: { jql: 'project = DEMO' } }).then((r) => r.body);
}

function uploadAttachment(file: File): void {
  AP.request({
    url: '/rest/api/3/issue/DEMO-1/attachments',
    type: 'POST',
    contentType: 'multipart/form-data',
    data: { file },
  }).then(
    (result) => console.log(result.body),
    (failure: unknown) => console.error(failure),
  );
}

function cookies(): void {
  AP.cookie.save('theme', 'dark', 30);
  AP.cookie.read('theme', (value: string) => console.log(value));
  AP.cookie.erase('theme');
}

async function context(): Promise<void> {
  AP.context.getToken((token: string) => console.log(token.split('.').length));
  const token: string = await AP.context.getToken();
  AP.context.getContext((ctx: any) => console.log(ctx.jira.issue.key, token));
  const ctx = await AP.context.getContext();
  console.log(ctx.jira.project.key);
}

function user(): void {
  AP.user.getCurrentUser((u: { atlassianAccountId: string }) => console.log(u.atlassianAccountId));
  AP.user.getTimeZone((zone: string) => console.log(zone));
  AP.user.getLocale((locale: string) => console.log(locale));
  AP.user.getUser((u: { id: string; key: string; fullName: string }) => console.log(u.id, u.key, u.fullName));
  AP.getLocation((location: string) => console.log(new URL(location).pathname));
}

function events(): void {
  const onSaved = (data: object): void => console.log(data);
  const onAnything = (name: string, data: object): void => console.log(name, data);
  AP.events.on('issue-saved', onSaved);
  AP.events.once('issue-saved', onSaved);
  AP.events.onAny(onAnything);
  AP.events.off('issue-saved', onSaved);
  AP.events.offAll('issue-saved');
  AP.events.offAny(onAnything);
  AP.events.emit('issue-saved', ['DEMO-1']);
  AP.events.emit('refresh');
  AP.events.onPublic('theme', onSaved, (sender: any) => sender.addonKey === 'theme-app');
  AP.events.oncePublic('theme', onSaved, () => true);
  AP.events.onAnyPublic(onAnything, (sender: any) => Boolean(sender));
  AP.events.offPublic('theme', onSaved);
  AP.events.offAllPublic('theme');
  AP.events.offAnyPublic(onAnything);
  AP.events.emitPublic('theme', ['dark']);
}

function legacyRequire(): void {
  AP.request('/rest/api/3/myself').then(({ body }) => console.log(JSON.parse(body)));
}

// Referenced so that noUnusedLocals-style checks (and readers) see the whole app is exercised.
void [showIssue, createIssue, downloadAttachment, downloadWithCallback, searchWithObjectData, uploadAttachment, cookies, context, user, events, legacyRequire, moreModules];

// The rest of the Connect JS API, as the survey's apps call it.
function moreModules(): void {
  const state: string = AP.history.getState();
  AP.history.getState('hash', (hash: string) => console.log(hash, state));
  AP.history.getState('all', (all) => console.log(all.href, all.hash, all.key, all.title));
  AP.history.pushState('page2');
  AP.history.pushState({ tab: 2 }, 'Tab 2', 'tab-2');
  AP.history.replaceState('page3');
  AP.history.back();
  AP.history.forward();
  AP.history.go(-2);
  AP.history.popState((event) => console.log(event.newURL, event.oldURL, event.hash));

  AP.jira.refreshIssuePage();
  AP.jira.openCreateIssueDialog((issues: object[]) => console.log(issues.length), { pid: 10000, issueType: 1, fields: { summary: 'Hi' } });
  AP.jira.openIssueDialog('DEMO-1', (key: string) => console.log(key));
  AP.jira.openIssueDialog('DEMO-1');
  AP.jira.isDashboardItemEditable((editable: boolean) => console.log(editable));
  AP.jira.setDashboardItemTitle('Open bugs');
  AP.jira.isNativeApp((native: boolean) => console.log(native));
  const due = document.createElement('input');
  AP.jira.openDatePicker({ element: due, date: '2026-12-02', showTime: false, onSelect: (iso: string, date: Date) => console.log(iso, date.getTime()) });
  AP.jira.openDatePicker({ position: { top: 10, left: 20 }, onSelect: (iso: string) => (due.value = iso) });
  AP.jira.initJQLEditor();
  AP.jira.showJQLEditor((result: { jql: string }) => console.log(result.jql), { jql: 'project = DEMO', header: 'Filter', descriptionText: 'Pick issues', submitText: 'Use', cancelText: 'Back' });

  const editComponent = AP.customContent.getEditComponent();
  editComponent.intercept('confluence.customcontent.submit');
  AP.events.on('confluence.customcontent.submit', () => editComponent.submitCallback('<p>Body</p>'));
  editComponent.submitCallback(false);
  editComponent.submitCallback({ title: 'T', space: { key: 'DS' } });
  editComponent.submitSuccessCallback(false, 'Stay here');
  editComponent.submitErrorCallback(true);
  editComponent.cancelCallback(true);

  interface MacroParams { color: string }
  AP.confluence.getMacroData<MacroParams>((data) => console.log(data.color));
  AP.confluence.getMacroBody((body: string) => console.log(body));
  AP.confluence.saveMacro({ color: 'blue' }, 'body');
  AP.confluence.saveMacro({ color: 'blue' });
  AP.confluence.closeMacroEditor();
  AP.confluence.onMacroPropertyPanelEvent({ settings: () => console.log('clicked') });
  AP.confluence.closeMacroPropertyPanel();
  AP.confluence.getContentProperty('key', (property) => console.log(property.key, property.value));
  AP.confluence.setContentProperty({ key: 'key', value: { a: 1 }, version: { number: 1 } }, (result) => console.log(result));
  AP.confluence.syncPropertyFromServer('key', (property) => console.log(property.value));

  AP.inlineDialog.hide();
  AP.scrollPosition.getPosition((position) => console.log(position.scrollY, position.height));
  AP.scrollPosition.setVerticalPosition(100, (position) => console.log(position.scrollY));
  AP.host.getSelectedText((text: string) => console.log(text));
  AP.theming.initializeTheming();
  AP.hideFooter(true);
}
