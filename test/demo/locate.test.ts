// Where the command and the test kit say an app's modules render, in the product they went into.
import { describe, expect, it } from 'vitest';
import { moduleLocations } from '../../demo/locate.js';
import { validateDescriptor } from '../../demo/server/descriptor.js';

const base = { key: 'app', baseUrl: 'https://app.example' };

describe('moduleLocations', () => {
  it("lists a tracker app's pages at the tracker's paths", () => {
    const descriptor = validateDescriptor({ ...base, modules: { generalPages: [{ key: 'p', url: '/p' }], webPanels: [{ key: 'w', url: '/w', location: 'atl.jira.view.issue.right.context' }] } });
    expect(moduleLocations(descriptor, { productType: 'jira', contextPath: '' })).toEqual([
      { type: 'generalPages', key: 'p', path: '/plugins/servlet/ac/app/p' },
      { type: 'webPanels', key: 'w', path: '/browse/DEMO-1' },
    ]);
  });

  it("lists a wiki app's general pages under /wiki, and nothing for its macros", () => {
    const descriptor = validateDescriptor({ ...base, modules: { generalPages: [{ key: 'p', url: '/p' }], dynamicContentMacros: [{ key: 'm', url: '/m' }] } });
    expect(moduleLocations(descriptor, { productType: 'confluence', contextPath: '/wiki' })).toEqual([
      { type: 'generalPages', key: 'p', path: '/wiki/plugins/servlet/ac/app/p' },
    ]);
  });
});
