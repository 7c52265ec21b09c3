// Builds the host simulator (demo/) into dist/simulator for the `apbridge-simulator` command and the
// `apbridge/simulator` and `apbridge/testing` entry points: tsc compiles every .ts file under demo/,
// and every other file there (the product's and the sample app's static files) is copied beside the
// output, so a file added under demo/ ships without a change here.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.simulator.json'], { stdio: 'inherit' });
cpSync('demo', 'dist/simulator', {
  recursive: true,
  filter: (source) => statSync(source).isDirectory() || !source.endsWith('.ts'),
});
// npm sets the bin's mode when it installs a package; this is for running it from a checkout.
chmodSync('dist/simulator/start.js', 0o755);
