import { contractViolations } from './contract';

jest.setTimeout(120_000);

// A response that does not match the OpenAPI document fails the test file (see contract.ts), listing each mismatch.
afterAll(() => {
  const violations = [...new Set(contractViolations())];
  contractViolations().length = 0;
  if (violations.length) {
    throw new Error(
      `${violations.length} response(s) do not match the OpenAPI document (/docs/openapi.json):\n  ` +
        violations.join('\n  '),
    );
  }
});
