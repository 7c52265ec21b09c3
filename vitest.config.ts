import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'happy-dom',
    // CI runs on 2 shared cores; a slow machine must not turn a correct test red.
    testTimeout: 120_000,
    // happy-dom logs every iframe it is told not to load; the tests stand in for the app windows.
    onConsoleLog: (log) => !log.includes('Iframe page loading is disabled'),
    environmentOptions: {
      happyDOM: {
        url: 'https://product.example',
        settings: { disableIframePageLoading: true, disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true },
      },
    },
  },
});
