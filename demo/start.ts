// `npm start`: the host simulator. Builds happen before this runs (see package.json "start").
import { readConfig } from './server/config.js';
import { startSimulator } from './simulator.js';

try {
  const config = readConfig(process.argv.slice(2), process.env);
  const simulator = await startSimulator(config);
  console.log(`Acme Tracker (apbridge host simulator) on ${simulator.productUrl}`);
  console.log(`Acme Code (Bitbucket Cloud) on ${simulator.productUrl}/bitbucket`);
  console.log(`Acme Wiki on ${simulator.wikiUrl}`);
  if (simulator.appUrl) console.log(`Sample app on ${simulator.appUrl} (descriptor ${simulator.appUrl}/atlassian-connect.json)`);
  console.log(`Log in: ${simulator.productUrl}/login?user=admin  ·  data in ${config.dataDir}`);
  for (const problem of simulator.installErrors) console.error(`Could not install ${problem}`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`apbridge simulator: ${(error as Error).message}`);
  process.exit(1);
}
