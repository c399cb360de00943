import { PORTAL_CSP, isPortalPage } from './portal-static';

describe('the portal at /', () => {
  it('answers page addresses of the portal with its index, whatever the depth', () => {
    for (const url of [
      '/',
      '/thu-tuc/3.000347',
      '/ho-so/2d0c…/nop?buoc=form',
      '/activate?token=x',
    ]) {
      expect(isPortalPage(url, 'text/html,application/xhtml+xml,*/*;q=0.8')).toBe(true);
    }
  });

  it('leaves the API, the docs and the ops endpoints to their own 404s', () => {
    const html = 'text/html';
    for (const url of [
      '/api/v1/nothing',
      '/api',
      '/docs',
      '/docs-json',
      '/health/ready',
      '/metrics',
    ]) {
      expect(isPortalPage(url, html)).toBe(false);
    }
    // A client that does not ask for a page gets the API's problem+json 404 too.
    expect(isPortalPage('/ho-so/1', 'application/json')).toBe(false);
    expect(isPortalPage('/ho-so/1', undefined)).toBe(false);
    // Paths that only start like an API prefix are portal pages.
    expect(isPortalPage('/apis-and-more', html)).toBe(true);
  });

  it('allows no inline or evaluated script and no framing', () => {
    expect(PORTAL_CSP).toContain("script-src 'self'");
    expect(PORTAL_CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(PORTAL_CSP).toContain("frame-ancestors 'none'");
    expect(PORTAL_CSP).toContain("object-src 'none'");
  });
});
