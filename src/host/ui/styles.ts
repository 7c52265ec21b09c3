/**
 * The host UI's stylesheet. It lives inside shadow roots only, so product styles do not reach our
 * elements and ours do not reach the product; `all: initial` on the shadow host stops inherited
 * properties (font, color, line-height) crossing the boundary too. Colours are custom properties
 * with a light and a dark set; `data-theme="auto"` follows `prefers-color-scheme`.
 */
const LIGHT = `
  --apb-bg: #ffffff; --apb-fg: #172b4d; --apb-subtle: #44546f; --apb-border: #dcdfe4;
  --apb-raised: #ffffff; --apb-shadow: 0 8px 12px rgba(9,30,66,.15), 0 0 1px rgba(9,30,66,.31);
  --apb-primary: #0c66e4; --apb-primary-hover: #0055cc; --apb-on-primary: #ffffff;
  --apb-neutral: #091e420f; --apb-neutral-hover: #091e4224; --apb-focus: #388bff;
  --apb-info: #0c66e4; --apb-success: #1f845a; --apb-warning: #b38600; --apb-error: #c9372c;
  --apb-generic: #626f86; --apb-hint: #6e5dc6; --apb-backdrop: rgba(9,30,66,.54);
  color-scheme: light;`;
const DARK = `
  --apb-bg: #22272b; --apb-fg: #dee4ea; --apb-subtle: #9fadbc; --apb-border: #454f59;
  --apb-raised: #282e33; --apb-shadow: 0 8px 12px rgba(3,4,4,.36), 0 0 1px rgba(3,4,4,.5);
  --apb-primary: #579dff; --apb-primary-hover: #85b8ff; --apb-on-primary: #1d2125;
  --apb-neutral: #a1bdd914; --apb-neutral-hover: #a6c5e229; --apb-focus: #85b8ff;
  --apb-info: #579dff; --apb-success: #4bce97; --apb-warning: #f5cd47; --apb-error: #f87168;
  --apb-generic: #8c9bab; --apb-hint: #9f8fef; --apb-backdrop: rgba(16,18,20,.7);
  color-scheme: dark;`;

export const UI_CSS = `
:host { all: initial; ${LIGHT}
  font: 14px/20px -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif;
  color: var(--apb-fg); }
:host([data-theme="dark"]) { ${DARK} }
@media (prefers-color-scheme: dark) { :host([data-theme="auto"]) { ${DARK} } }
*, *::before, *::after { box-sizing: border-box; }
/* Product rules that match our shadow host (say \`* { font-family: ... }\`) beat :host and would be
   inherited; the top-level boxes set the inherited basics again. */
dialog.apb-dialog, .apb-notices, .apb-status { font: 14px/20px -apple-system, BlinkMacSystemFont,
  "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif; color: var(--apb-fg); text-align: left;
  letter-spacing: normal; word-spacing: normal; text-transform: none; font-style: normal; }
[hidden] { display: none !important; }
button { font: inherit; border: 0; border-radius: 3px; padding: 6px 12px; cursor: pointer;
  background: var(--apb-neutral); color: var(--apb-fg); font-weight: 500; }
button:hover { background: var(--apb-neutral-hover); }
button:focus-visible, .apb-link:focus-visible { outline: 2px solid var(--apb-focus); outline-offset: 2px; }
button:disabled { opacity: .5; cursor: not-allowed; }
button.apb-primary { background: var(--apb-primary); color: var(--apb-on-primary); }
button.apb-primary:hover:not(:disabled) { background: var(--apb-primary-hover); }
button.apb-subtle { background: transparent; }
button.apb-subtle:hover:not(:disabled) { background: var(--apb-neutral-hover); }

/* Dialogs: native <dialog> in the top layer, so the page behind is inert and Tab stays inside. */
dialog.apb-dialog { padding: 0; border: 0; border-radius: 3px; background: var(--apb-bg);
  color: var(--apb-fg); box-shadow: var(--apb-shadow); display: flex; flex-direction: column;
  max-width: calc(100vw - 40px); max-height: calc(100vh - 60px); overflow: hidden; pointer-events: auto; }
dialog.apb-dialog:not([open]) { display: none; }
dialog.apb-dialog::backdrop { background: rgba(9,30,66,.54); }
/* ::backdrop does not inherit custom properties everywhere, so the dark backdrop is spelled out. */
:host([data-theme="dark"]) dialog.apb-dialog::backdrop { background: rgba(16,18,20,.7); }
@media (prefers-color-scheme: dark) { :host([data-theme="auto"]) dialog.apb-dialog::backdrop { background: rgba(16,18,20,.7); } }
dialog.apb-size-fullscreen { width: 100vw; height: 100vh; max-width: 100vw; max-height: 100vh; border-radius: 0; }
.apb-dialog-header { display: flex; align-items: center; gap: 8px; padding: 20px 24px 12px; }
.apb-dialog-title { margin: 0; font-size: 20px; line-height: 24px; font-weight: 500; flex: 1;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.apb-dialog-app { color: var(--apb-subtle); font-size: 12px; }
.apb-dialog-body { position: relative; flex: 1; min-height: 0; display: flex; }
.apb-dialog-body > iframe { flex: 1; width: 100%; height: 100%; }
.apb-dialog-footer { display: flex; align-items: center; gap: 8px; padding: 12px 24px 20px; }
.apb-dialog-hint { flex: 1; color: var(--apb-subtle); font-size: 12px; }
.apb-dialog-buttons { display: flex; gap: 8px; margin-left: auto; }

/* Flags and messages: one polite live region, newest first, bottom left. */
.apb-notices { position: fixed; left: 24px; bottom: 24px; width: min(400px, calc(100vw - 48px));
  display: flex; flex-direction: column-reverse; gap: 8px; pointer-events: none; z-index: 2147483000; }
.apb-notice { pointer-events: auto; display: grid; grid-template-columns: 24px 1fr auto; gap: 4px 12px;
  padding: 16px; border-radius: 3px; background: var(--apb-raised); color: var(--apb-fg);
  box-shadow: var(--apb-shadow); border-left: 4px solid var(--apb-accent, var(--apb-info)); }
.apb-notice[data-type="info"] { --apb-accent: var(--apb-info); }
.apb-notice[data-type="success"] { --apb-accent: var(--apb-success); }
.apb-notice[data-type="warning"] { --apb-accent: var(--apb-warning); }
.apb-notice[data-type="error"] { --apb-accent: var(--apb-error); }
.apb-notice[data-type="generic"] { --apb-accent: var(--apb-generic); }
.apb-notice[data-type="hint"] { --apb-accent: var(--apb-hint); }
.apb-notice-icon { width: 20px; height: 20px; border-radius: 50%; background: var(--apb-accent);
  color: var(--apb-raised); font: 700 13px/20px sans-serif; text-align: center; margin-top: 2px; }
.apb-notice-text { min-width: 0; overflow-wrap: anywhere; }
.apb-notice-title { display: block; font-weight: 600; margin: 0; }
.apb-notice-body { margin: 4px 0 0; color: var(--apb-fg); white-space: pre-line; }
.apb-notice-app { display: block; margin-top: 6px; color: var(--apb-subtle); font-size: 12px; }
.apb-notice-actions { grid-column: 2 / 4; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.apb-link { background: none; padding: 0; color: var(--apb-primary); font-weight: 500; }
.apb-link:hover { background: none; text-decoration: underline; }
.apb-close { width: 28px; height: 28px; padding: 0; line-height: 28px; background: transparent;
  color: var(--apb-subtle); font-size: 18px; }

/* A view's loading and not-responding states. */
.apb-status { display: flex; align-items: center; gap: 10px; padding: 10px 12px;
  color: var(--apb-subtle); background: var(--apb-bg); border: 1px dashed var(--apb-border); border-radius: 3px; }
.apb-status[data-overlay] { position: absolute; inset: 0; border: 0; justify-content: center; }
.apb-status[data-state="unresponsive"] { color: var(--apb-fg); border-style: solid; border-color: var(--apb-warning); }
.apb-spinner { width: 16px; height: 16px; border-radius: 50%; border: 2px solid var(--apb-border);
  border-top-color: var(--apb-primary); animation: apb-spin .8s linear infinite; }
@keyframes apb-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .apb-spinner { animation-duration: 2.4s; } }
`;
