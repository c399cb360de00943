import { DomainError } from '@dvc/contracts';
import { portalReturnPath } from './return-to';

describe('portalReturnPath', () => {
  it.each(['/tai-khoan', '/ho-so/1?tab=a#x', '/thu-tuc/1.000001'])(
    'keeps the portal path %s',
    (p) => {
      expect(portalReturnPath(p)).toBe(p);
    },
  );

  it('sends the citizen home when no path is given', () => {
    expect(portalReturnPath(undefined)).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    'tai-khoan',
    '/\t/evil.example',
    `/${'a'.repeat(600)}`,
  ])('refuses %s (no open redirect)', (p) => {
    expect(() => portalReturnPath(p)).toThrow(DomainError);
  });
});
