// UI-module calls apbridge's `AP` must reject at compile time (see must-fail.ts).

// @ts-expect-error a dialog needs its module key
AP.dialog.create({ size: 'small' });
// @ts-expect-error sizes are Connect's presets
AP.dialog.create({ key: 'k', size: 'huge' });
// @ts-expect-error custom buttons have text and an identifier
AP.dialog.create({ key: 'k', buttons: [{ label: 'x' }] });
// @ts-expect-error flag types are info, success, warning, error
AP.flag.create({ title: 't', type: 'danger' });
// @ts-expect-error flags close 'manual' or 'auto'
AP.flag.create({ title: 't', close: 'never' });
// @ts-expect-error message options are { closeable, fadeout, delay }
AP.messages.info('t', 'b', { fadeout: 'yes' });
// @ts-expect-error isCloseOnEscape yields a boolean
AP.dialog.isCloseOnEscape((enabled: string) => enabled);
