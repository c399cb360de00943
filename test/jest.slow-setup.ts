// Integration and e2e suites start real services: their tests get a minute, not Jest's 5 s.
jest.setTimeout(60_000);
