// The IIFE entry (dist/all.js): the one place that touches window.AP.
import { buildAP } from './ap.js';
import { parseDataOptions } from './options.js';

const script = document.currentScript ?? document.querySelector('script[data-options]');
const { ap, start } = buildAP({ options: parseDataOptions(script?.getAttribute('data-options')) });
(window as unknown as { AP: typeof ap }).AP = ap;
start();
