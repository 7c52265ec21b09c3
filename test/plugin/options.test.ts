import { describe, expect, it } from 'vitest';
import { hostAllowed, metaHosts, parseDataOptions } from '../../src/plugin/options.js';

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
