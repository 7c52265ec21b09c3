import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { USERS } from './store.js';

/** How the simulator was asked to run, from flags first, then environment, then defaults. */
export interface SimulatorConfig {
  port: number;
  appPort: number;
  /** Descriptor URLs to install (or re-install) at start-up. */
  apps: string[];
  dataDir: string;
  /** Serve the bundled sample app on appPort: by default only when no `--app` is given. */
  sampleApp: boolean;
  /** Re-install an `--app` whose descriptor changed (polled every `watchInterval` ms). */
  watch: boolean;
  watchInterval: number;
  /** Open the browser at the first app page once started. */
  open: boolean;
  /** Who the printed links and `--open` log in as. */
  user: string;
}

/** Thrown for a command line the simulator cannot run with; the CLI prints it and the usage. */
export class UsageError extends Error {}

export const USAGE = `Usage: apbridge-simulator [--app <descriptor URL>]... [options]

  --app <url>          install this app (repeatable); its descriptor is watched and re-installed when it changes
  --port <n>           the product's port (default 4000)
  --app-port <n>       the bundled sample app's port (default 4001)
  --data-dir <dir>     installs, shared secrets, issues and keys (default ./.data)
  --user <name>        log in as ${USERS.map((u) => u.name).join(' or ')} in printed links and --open (default admin)
  --open               open the browser at the app's first page
  --no-watch           install once, do not watch descriptors
  --sample-app         also serve the bundled sample app when --app is given
  --no-sample-app      never serve the bundled sample app
  --help               this text

Environment: APB_PORT, APB_APP_PORT, APB_APPS (comma-separated), APB_DATA_DIR, APB_USER.`;

function toPort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UsageError(`${name} must be a TCP port, got "${value}"`);
  return port;
}

/** Reads the command line (see {@link USAGE}) and the environment equivalents; `null` means `--help`. */
export function readConfig(argv: string[], env: NodeJS.ProcessEnv): SimulatorConfig | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'app-port': { type: 'string' },
        app: { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
        user: { type: 'string' },
        open: { type: 'boolean' },
        'no-watch': { type: 'boolean' },
        'watch-interval': { type: 'string' },
        'sample-app': { type: 'boolean' },
        'no-sample-app': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const envApps = (env.APB_APPS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const apps = [...envApps, ...(values.app ?? [])];
  const user = values.user ?? env.APB_USER ?? 'admin';
  if (!USERS.some((u) => u.name === user)) throw new UsageError(`--user must be ${USERS.map((u) => u.name).join(' or ')}, got "${user}"`);
  const interval = Number(values['watch-interval'] ?? 1000);
  if (!Number.isFinite(interval) || interval < 100) throw new UsageError(`--watch-interval must be at least 100 (ms), got "${values['watch-interval']}"`);
  return {
    port: toPort(values.port ?? env.APB_PORT, 4000, '--port'),
    appPort: toPort(values['app-port'] ?? env.APB_APP_PORT, 4001, '--app-port'),
    apps,
    dataDir: resolve(values['data-dir'] ?? env.APB_DATA_DIR ?? '.data'),
    sampleApp: values['no-sample-app'] ? false : values['sample-app'] === true || apps.length === 0,
    watch: !values['no-watch'],
    watchInterval: interval,
    open: values.open === true,
    user,
  };
}
