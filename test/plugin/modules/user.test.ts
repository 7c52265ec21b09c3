import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { linked } from '../../data.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

describe('AP.user and AP.getLocation over the link', () => {
  it('reports the configured user, time zone and locale', async () => {
    const { ap, host: h } = await linked({ user: { accountId: '5b10a2844c20165700ede21g', timeZone: 'Europe/Paris', locale: 'fr-FR' } });
    host = h;
    expect(await ap.user.getCurrentUser()).toEqual({ atlassianAccountId: '5b10a2844c20165700ede21g' });
    expect(await new Promise((resolve) => ap.user.getCurrentUser(resolve))).toEqual({ atlassianAccountId: '5b10a2844c20165700ede21g' });
    expect(await ap.user.getTimeZone()).toBe('Europe/Paris');
    expect(await new Promise((resolve) => ap.user.getLocale(resolve))).toBe('fr-FR');
    expect(await ap.user.getUser()).toEqual({ id: '5b10a2844c20165700ede21g', key: '5b10a2844c20165700ede21g', fullName: '' });
    expect(await new Promise((resolve) => ap.getLocation(resolve))).toBe(window.location.href);
  });

  it('falls back to the browser for zone and locale, and refuses getCurrentUser when anonymous', async () => {
    const { ap, host: h } = await linked({});
    host = h;
    expect(await ap.user.getTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await ap.user.getLocale()).toBe(window.navigator.language);
    expect(await ap.user.getCurrentUser().catch((e: { code: string }) => e.code)).toBe('NOT_SUPPORTED');
  });
});
