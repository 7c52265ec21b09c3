// The global `AP` of an app page that loads apbridge's all.js, typed from the plugin's sources.
declare const AP: typeof import('../../src/plugin/index.js').AP;
