import { describe, expect, it } from 'vitest';
import { productTypeOf, validateDescriptor, DescriptorError } from '../../demo/server/descriptor.js';
import { CqlError, parseCql } from '../../demo/server/wiki/cql.js';
import { joinAppUrl, wikiVariables } from '../../demo/server/wiki/modules.js';
import { macroStorage, renderStorage, sanitizeStaticMacro, splitStorage, storageFromEditor } from '../../demo/server/wiki/storage.js';
import type { WikiPage } from '../../demo/server/wiki/store.js';
import { USERS } from '../../demo/server/store.js';

const MACRO = '<ac:structured-macro ac:name="chart" ac:macro-id="m1"><ac:parameter ac:name="color">red &amp; &lt;b&gt;</ac:parameter>'
  + '<ac:plain-text-body><![CDATA[a <b> ]]]]><![CDATA[> z]]></ac:plain-text-body></ac:structured-macro>';

describe('Acme Wiki storage format', () => {
  it('splits macros out of storage with their parameters and bodies, and sanitises the rest', () => {
    const { pieces, macros } = splitStorage(`<p onclick="x()">Hi<script>alert(1)</script></p>${MACRO}<p>after</p>`);
    expect(pieces).toEqual(['<p>Hi</p>', '<p>after</p>']);
    expect(macros).toEqual([{ name: 'chart', macroId: 'm1', params: { color: 'red & <b>' }, body: 'a <b> ]]> z', bodyType: 'plain-text' }]);
  });

  it('keeps a macro nested in a rich-text body inside that body', () => {
    const storage = '<ac:structured-macro ac:name="outer"><ac:rich-text-body><p>x<ac:structured-macro ac:name="inner"/></p></ac:rich-text-body></ac:structured-macro>';
    const { macros } = splitStorage(storage);
    expect(macros.map((m) => m.name)).toEqual(['outer']);
    expect(macros[0]!.body).toContain('ac:name="inner"');
    // Storage without ids gets the same id on every read.
    expect(splitStorage(storage).macros[0]!.macroId).toBe(macros[0]!.macroId);
  });

  it('text in a page can never pose as a macro slot', () => {
    const out = renderStorage('<p><span apbslot0="0"></span>text</p>', () => '[macro]');
    expect(out).not.toContain('[macro]');
  });

  it('writes macros back as storage that reads the same', () => {
    const [macro] = splitStorage(MACRO).macros;
    const written = macroStorage(macro!);
    expect(written).toBe('<ac:structured-macro ac:name="chart" ac:schema-version="1" ac:macro-id="m1"><ac:parameter ac:name="color">red &amp; &lt;b&gt;</ac:parameter><ac:plain-text-body><![CDATA[a <b> ]]]]><![CDATA[> z]]></ac:plain-text-body></ac:structured-macro>');
    expect(splitStorage(written).macros).toEqual([macro]);
  });

  it('builds storage from the editor: its HTML sanitised, placeholders replaced by macros, unknown ones dropped', () => {
    const [macro] = splitStorage(MACRO).macros;
    const storage = storageFromEditor('<p>one <span data-macro="0"></span></p><p><img src="javascript:alert(1)"><span data-macro="7"></span></p>', [macro!]);
    expect(storage).toBe(`<p>one ${macroStorage(macro!)}</p><p><img /></p>`);
  });

  it('sanitises static macro HTML with sanitize-html', () => {
    const clean = sanitizeStaticMacro('<div class="ok" style="color:red" onmouseover="x()"><a href="javascript:alert(1)">a</a><a href="https://example.com">b</a><iframe src="https://e.com"></iframe><script>1</script><form><input></form></div>');
    expect(clean).toBe('<div class="ok"><a rel="noopener noreferrer" target="_blank">a</a><a href="https://example.com" rel="noopener noreferrer" target="_blank">b</a></div>');
  });
});

describe('Acme Wiki CQL', () => {
  const page = (title: string, body: string, spaceKey = 'DEMO'): WikiPage => ({ id: '1', spaceKey, title, body, version: 1, parentId: null, authorId: '', created: '', updated: '', attachments: [], properties: [] });
  it('matches space, type, title ~ and text ~ joined by AND', () => {
    const match = parseCql('space = "DEMO" AND type = page and title ~ "notes" order by created desc');
    expect(match(page('Meeting notes', ''))).toBe(true);
    expect(match(page('Meeting notes', '', 'OTHER'))).toBe(false);
    expect(parseCql('text ~ "agenda"')(page('x', '<h2>Agenda</h2>'))).toBe(true);
    expect(parseCql('title != "x"')(page('x', ''))).toBe(false);
  });
  it('says what it does not understand', () => {
    expect(() => parseCql('creator = currentUser()')).toThrow(CqlError);
    expect(() => parseCql('space = DEMO OR space = X')).toThrow(/AND only/);
    expect(() => parseCql('')).toThrow(/empty/);
  });
});

describe('Confluence descriptors', () => {
  const base = { key: 'app', baseUrl: 'https://app.example' };
  it('installs into the product its modules belong to, and refuses a mix', () => {
    expect(productTypeOf(validateDescriptor({ ...base, modules: { dynamicContentMacros: [{ key: 'm', url: '/m' }] } }))).toBe('confluence');
    expect(productTypeOf(validateDescriptor({ ...base, modules: { generalPages: [{ key: 'p', url: '/p' }] } }))).toBe('jira');
    expect(() => validateDescriptor({ ...base, modules: { dynamicContentMacros: [{ key: 'm', url: '/m' }], jiraIssueGlances: [{ key: 'g' }] } })).toThrow(DescriptorError);
  });
  it('says what a macro declaration lacks', () => {
    expect(() => validateDescriptor({ ...base, modules: { dynamicContentMacros: [{ key: 'm', editor: {}, parameters: [{ type: 'string' }] }] } })).toThrow(
      'Invalid descriptor: $.modules.dynamicContentMacros[0].url: missing; $.modules.dynamicContentMacros[0].editor.url: missing; $.modules.dynamicContentMacros[0].parameters: must be a list of { identifier, type }',
    );
  });
  it('joins a relative macro URL to the baseUrl with one slash, and keeps absolute ones on it', () => {
    expect(joinAppUrl('https://app.example/base', 'viewer.html?pageId=1').href).toBe('https://app.example/base/viewer.html?pageId=1');
    expect(joinAppUrl('https://app.example/base/', '/viewer.html').href).toBe('https://app.example/base/viewer.html');
    expect(() => joinAppUrl('https://app.example/base', 'https://evil.example/x')).toThrow();
  });
  it('gives macro URLs the macro body truncated to 128 characters, and declared parameters by identifier', () => {
    const vars = wikiVariables({ macro: { name: 'm', macroId: 'id1', params: { color: 'red', 'page.id': 'spoof' }, body: 'x'.repeat(200), bodyType: 'plain-text' } }, USERS[0]!);
    expect(vars['macro.body']).toHaveLength(128);
    expect(vars['macro.truncated']).toBe('true');
    expect(vars.color).toBe('red');
    // A parameter cannot replace a context value.
    expect(vars['page.id']).toBe('');
  });
});
