import { describe, expect, it } from 'vitest';
import { hostAllowed, metaHosts, parseDataOptions, readPageOptions } from '../../src/plugin/options.js';

describe('parseDataOptions', () => {
  it("parses Connect's key:value;key:value format", () => {
    expect(parseDataOptions('resize:false; margin:true;timeout:2500;sizeToParent')).toEqual({
      resize: false,
      margin: true,
      timeout: 2500,
      sizeToParent: true,
    });
  });

  it('splits only on the first colon and reads hosts as a list', () => {
    expect(parseDataOptions('hosts:https://a.example, https://*.b.example;x:y:z')).toEqual({
      hosts: ['https://a.example', 'https://*.b.example'],
      x: 'y:z',
    });
  });

  it('ignores prototype keys and empty input', () => {
    expect(Object.keys(parseDataOptions('__proto__:1;constructor:2;;'))).toEqual([]);
    expect(parseDataOptions(null)).toEqual({});
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });
});

describe('hostAllowed', () => {
  const patterns = ['https://jira.example.com', 'https://*.atlassian.net'];
  it.each([
    ['https://jira.example.com', true],
    ['https://acme.atlassian.net', true],
    ['http://acme.atlassian.net', false],
    ['https://a.b.atlassian.net', false],
    ['https://acme.atlassian.net.evil.test', false],
    ['https://evilatlassian.net', false],
    ['https://jira.example.com:8443', false],
  ])('%s → %s', (origin, expected) => {
    expect(hostAllowed(origin, patterns)).toBe(expected);
  });
});

describe('metaHosts', () => {
  it('reads <meta name="ap-allowed-hosts">', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.head.innerHTML = '<meta name="ap-allowed-hosts" content="https://a.example, https://b.example">';
    expect(metaHosts(doc)).toEqual(['https://a.example', 'https://b.example']);
    expect(metaHosts(undefined)).toEqual([]);
  });
});

describe("data-options from Connect's three places", () => {
  function page(html: string): Document {
    const doc = document.implementation.createHTMLDocument('app');
    doc.body.innerHTML = html;
    return doc;
  }

  it('merges a loader script, #ac-iframe-options and the all.js tag, the all.js tag winning', () => {
    const doc = page(
      '<script id="connect-loader" data-options="sizeToParent:true;margin:false;base:true"></script>' +
        '<div id="ac-iframe-options" data-options="hideFooter:true;margin:true"></div>' +
        '<script id="all" data-options="resize:false"></script>',
    );
    expect(readPageOptions(doc, doc.getElementById('all'))).toEqual({
      sizeToParent: true,
      margin: true,
      base: true,
      hideFooter: true,
      resize: false,
    });
    expect(readPageOptions(page('<div id="ac-iframe-options" data-options="hideFooter:true"></div>'), null)).toEqual({ hideFooter: true });
    expect(readPageOptions(page(''), null)).toEqual({});
  });
});
