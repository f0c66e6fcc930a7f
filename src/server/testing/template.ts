// Where the migrated PGlite template lives between global setup and the test files.
import os from 'node:os';
import path from 'node:path';

export const templatePath = path.join(
  os.tmpdir(),
  `ketenlens-test-template-${process.ppid}-${process.pid}.tar`,
);
export const templateEnvName = 'KETENLENS_TEST_TEMPLATE';
