/**
 * What scripts/test.sh hands to the tests (the one place tests read the environment).
 */
export interface TestEnv {
  databaseUrl: string;
  temporalTestServerPath: string;
  temporalCliPath: string;
  /** libfaketime, to start the time-skipping server on a past date. */
  faketimeLib: string;
  dataDir: string;
  workflowBundlePath: string;
}

export function testEnv(): TestEnv {
  const need = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set: run the tests through \`npm test\` (scripts/test.sh)`);
    return v;
  };
  const dataDir = need('CCHC_TEST_DATA_DIR');
  return {
    databaseUrl: need('TEST_DATABASE_URL'),
    temporalTestServerPath: need('TEMPORAL_TEST_SERVER_PATH'),
    temporalCliPath: need('TEMPORAL_CLI_PATH'),
    faketimeLib: need('FAKETIME_LIB'),
    dataDir,
    workflowBundlePath: `${dataDir}/workflow-bundle.js`,
  };
}

export const TEMPLATE_DB = 'cchc_test_template';
export const TEST_DB_PREFIX = 'cchctest_';

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
