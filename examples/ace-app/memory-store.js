// An in-memory store adapter for atlassian-connect-express. ACE's default store is sequelize with
// sqlite3, a native module whose prebuilt binary is downloaded from GitHub at install time; this keeps
// `npm ci` to the npm registry. Installations are lost when the app stops: `apbridge-simulator`
// re-installs an app it sees come back. Use a real database (ACE's sequelize, redis, mongodb or
// dynamodb adapters) in production.
export function memoryStore() {
  const values = new Map();
  const keyOf = (key, clientKey) => JSON.stringify([clientKey ?? null, key]);
  const store = {
    async get(key, clientKey) {
      return values.has(keyOf(key, clientKey)) ? structuredClone(values.get(keyOf(key, clientKey))) : null;
    },
    async set(key, value, clientKey) {
      values.set(keyOf(key, clientKey), structuredClone(typeof value === 'string' ? JSON.parse(value) : value));
      return store.get(key, clientKey);
    },
    async del(key, clientKey) {
      values.delete(keyOf(key, clientKey));
    },
    async saveInstallation(value, clientKey) {
      return store.set('clientInfo', value, clientKey);
    },
    async getAllClientInfos() {
      return [...values].filter(([key]) => JSON.parse(key)[1] === 'clientInfo').map(([, value]) => structuredClone(value));
    },
    isMemoryStore: () => true,
    // Forge-associated installs are not used by a Connect-only app.
    async associateInstallations() {},
    async deleteAssociation() {},
    async getClientSettingsForForgeInstallation() {
      return null;
    },
  };
  return store;
}
