// Connect app code for the UI modules, written against @types/atlassian-connect-js and compiled
// against apbridge's AP too (see connect-app.ts for how the two tsconfigs use it).

function dialogs(): void {
  const dialog = AP.dialog.create({
    key: 'confirm',
    size: 'small',
    chrome: true,
    header: 'Delete issue?',
    submitText: 'Delete',
    cancelText: 'Keep',
    customData: { issueKey: 'DEMO-1' },
    closeOnEscape: true,
    buttons: [{ text: 'Archive instead', identifier: 'archive' }],
    hint: 'This cannot be undone',
  });
  dialog.on('close', () => console.log('closed'));
  AP.dialog.create({ key: 'wide', width: '80%', height: 500 });
  AP.dialog.create({ key: 'big', size: 'FULLSCREEN' });
  AP.dialog.close({ confirmed: true });
  AP.dialog.close();
  AP.dialog.getCustomData((data: object) => console.log(data));
  AP.dialog.disableCloseOnSubmit();
  AP.dialog.isCloseOnEscape((enabled: boolean) => console.log(enabled));
  const custom = AP.dialog.createButton();
  custom.disable();
  AP.events.on('dialog.close', (data: object) => console.log(data));
}

function buttons(): void {
  // (getButton is typed `DialogButton | {}` by Connect, so apps use createButton's type.)
  const submit = AP.dialog.createButton();
  submit.enable();
  submit.disable();
  submit.toggle();
  submit.hide();
  submit.show();
  submit.trigger();
  submit.isEnabled((enabled: boolean) => console.log(enabled));
  submit.isHidden((hidden: boolean) => console.log(hidden));
}

function flags(): void {
  const flag = AP.flag.create({
    title: 'Imported',
    body: '12 issues',
    type: 'success',
    close: 'auto',
    actions: { undo: 'Undo', open: 'Open' },
  });
  flag.close();
  AP.flag.create({ title: 'Minimal' });
  AP.events.on('flag.action', (data: object) => console.log(data));
}

function sizing(): void {
  AP.resize('100%', '300px');
  AP.resize();
  AP.sizeToParent(true);
}

function navigation(): void {
  AP.navigator.go('issue', { issueKey: 'DEMO-1' });
  AP.navigator.go('addonModule', { addonKey: 'my-app', moduleKey: 'settings', customData: { tab: 'general' } });
  AP.navigator.reload();
  AP.navigator.getLocation((location) => console.log(location.target, location.context));
}

void [dialogs, buttons, flags, sizing, navigation];
