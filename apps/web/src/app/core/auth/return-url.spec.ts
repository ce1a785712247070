import { userWith } from '../../../testing/identity-fixtures';
import { landingUrl, safeReturnUrl } from './return-url';

describe('return addresses', () => {
  it.each([
    ['/admin?tab=1', '/admin?tab=1'],
    ['/board', '/board'],
    ['https://evil.example/', null],
    ['//evil.example/path', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['/login?returnUrl=%2Fadmin', null],
    ['', null],
    [null, null],
  ])('accepts %p as %p', (value, expected) => {
    expect(safeReturnUrl(value)).toBe(expected);
  });

  it('lands on the return address when the role may open it', () => {
    expect(landingUrl(userWith('manager'), '/board?quarter=2025-Q1')).toBe('/board?quarter=2025-Q1');
    expect(landingUrl(userWith('manager'), '/status')).toBe('/status');
  });

  it('lands on the home area when there is no usable return address', () => {
    expect(landingUrl(userWith('admin'), null)).toBe('/admin');
    expect(landingUrl(userWith('startup'), '//evil.example')).toBe('/startup');
    expect(landingUrl(userWith('board'), '/')).toBe('/board');
  });

  it("lands on the home area rather than in an area the role may not open (another user's session ended there)", () => {
    expect(landingUrl(userWith('startup'), '/admin')).toBe('/startup');
    expect(landingUrl(userWith('board'), '/manage/leases')).toBe('/board');
  });
});
