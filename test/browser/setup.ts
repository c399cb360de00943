// A browser journey starts every service and drives a real Chromium: minutes, not Jest's 5 s.
jest.setTimeout(120_000);
