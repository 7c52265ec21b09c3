import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

/** How the simulator was asked to run, from flags first, then environment, then defaults. */
export interface SimulatorConfig {
  port: number;
  appPort: number;
  /** Descriptor URLs to install (or re-install) at start-up. */
  apps: string[];
  dataDir: string;
  /** Serve the bundled sample app on appPort (off with --no-sample-app). */
  sampleApp: boolean;
}

function toPort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${name} must be a TCP port, got "${value}"`);
  return port;
}

/**
 * Reads `--port`, `--app-port`, `--app <url>` (repeatable), `--data-dir`, `--no-sample-app`, and the
 * environment equivalents `APB_PORT`, `APB_APP_PORT`, `APB_APPS` (comma-separated), `APB_DATA_DIR`.
 */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): SimulatorConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'app-port': { type: 'string' },
      app: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      'no-sample-app': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  const envApps = (env.APB_APPS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    port: toPort(values.port ?? env.APB_PORT, 4000, '--port'),
    appPort: toPort(values['app-port'] ?? env.APB_APP_PORT, 4001, '--app-port'),
    apps: [...envApps, ...(values.app ?? [])],
    dataDir: resolve(values['data-dir'] ?? env.APB_DATA_DIR ?? '.data'),
    sampleApp: !values['no-sample-app'],
  };
}
