// Calls apbridge's `AP` must reject at compile time (each line must be an error, or tsc fails on the
// unused directive). A script compiled with apbridge-ap.d.ts only.

// @ts-expect-error a cookie name is a string
AP.cookie.save(42, 'v');
// @ts-expect-error request needs a url
AP.request({ type: 'GET' });
// @ts-expect-error a binary request's body is an ArrayBuffer, not a string
AP.request('/rest/x', { binaryAttachment: true }).then(({ body }) => body.toUpperCase());
// @ts-expect-error getToken yields a string
AP.context.getToken().then((token: number) => token);
// @ts-expect-error the user is { atlassianAccountId }
AP.user.getCurrentUser((user: { accountId: number }) => user);
// @ts-expect-error event names are strings
AP.events.on(1, () => {});
