#!/usr/bin/env node
// `apbridge-simulator` (and `npm start`): the host simulator on the command line. See USAGE.
import { spawn } from 'node:child_process';
import { readConfig, USAGE, UsageError, type SimulatorConfig } from './server/config.js';
import { startSimulator, type InstallEvent } from './simulator.js';

function printEvent(productUrl: string, config: SimulatorConfig, event: InstallEvent): void {
  if (event.kind === 'failed') {
    console.error(`Could not install ${event.url}: ${event.message}`);
    for (const problem of event.problems) console.error(`  ${problem}`);
    return;
  }
  console.log(`${event.update ? 'Re-installed' : 'Installed'} ${event.name} (${event.key}) from ${event.url}`);
  if (event.addedScopes.length > 0) {
    console.log(`  The update asks for more: ${event.addedScopes.join(', ')} (shown to the admin at ${productUrl}/admin/apps)`);
  }
  for (const page of event.pages) console.log(`  ${page.type} ${page.key}: ${loginLink(productUrl, config.user, page.path)}`);
}

function loginLink(productUrl: string, user: string, path: string): string {
  return `${productUrl}/login?user=${user}&next=${encodeURIComponent(path).replace(/%2F/g, '/')}`;
}

// No dependency for this: each desktop has its own opener, and a failure only costs the convenience.
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.once('error', () => console.error(`Could not open a browser (${command}); open ${url} yourself.`));
  child.unref();
}

let config: SimulatorConfig | null;
try {
  config = readConfig(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`apbridge-simulator: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
if (!config) {
  console.log(USAGE);
  process.exit(0);
}
const running = config;
try {
  let productUrl = `http://127.0.0.1:${running.port}`;
  console.log(`apbridge simulator: Acme Tracker on ${productUrl} · data in ${running.dataDir}`);
  const simulator = await startSimulator(running, (event) => printEvent(productUrl, running, event));
  productUrl = simulator.productUrl;
  if (simulator.appUrl) console.log(`Sample app on ${simulator.appUrl} (descriptor ${simulator.appUrl}/atlassian-connect.json)`);
  console.log(`Acme Wiki (Confluence) on ${simulator.wikiUrl} · Acme Code (Bitbucket Cloud) on ${productUrl}/bitbucket`);
  if (running.watch && running.apps.length > 0) console.log(`Watching ${running.apps.length === 1 ? 'the descriptor' : `${running.apps.length} descriptors`} for changes.`);
  console.log(`Log in: ${productUrl}/login?user=${running.user}  ·  Ctrl+C stops`);
  if (running.open) {
    const first = simulator.installs.find((e) => e.url !== (simulator.appUrl && `${simulator.appUrl}/atlassian-connect.json`) && e.kind === 'installed');
    const page = first?.kind === 'installed' ? first.pages[0] : undefined;
    openBrowser(loginLink(productUrl, running.user, page?.path ?? '/'));
  }
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`apbridge-simulator: ${(error as Error).message}`);
  process.exit(1);
}
