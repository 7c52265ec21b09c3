// The options a host gives one iframe (in window.name and the welcome), with the one reader both
// sides use, so a name means the same thing on both ends of the wire.

/** Options the host sends to the plugin for one view; products may add their own keys. */
export interface ViewOptions {
  /** The view is a dialog's content: the host sizes it; `AP.dialog` acts on that dialog. */
  isDialog?: boolean;
  /** The view shows a full-page module (general page, admin page...): `sizeToParent`, `history`. */
  isFullPage?: boolean;
  /** Inside a dialog: whether Escape closes it (default true). */
  closeOnEscape?: boolean;
  [key: string]: unknown;
}

/** The view kinds, read strictly (only `true` counts) from options a peer or a product supplied. */
export interface ViewKind {
  isDialog: boolean;
  isFullPage: boolean;
  closeOnEscape: boolean;
}

/** Reads the view options' flags; anything but a boolean `true` (or `false` for Escape) is the default. */
export function viewKind(options: Readonly<Record<string, unknown>>): ViewKind {
  return {
    isDialog: options.isDialog === true,
    isFullPage: options.isFullPage === true,
    closeOnEscape: options.closeOnEscape !== false,
  };
}
