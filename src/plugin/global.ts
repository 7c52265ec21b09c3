// The IIFE entry (dist/all.js): the one place that touches window.AP.
import { buildAP } from './ap.js';
import { readPageOptions } from './options.js';

const { ap, start } = buildAP({ options: readPageOptions(document, document.currentScript), connectFirst: true });
(window as unknown as { AP: typeof ap }).AP = ap;
start();
