import { describe, expect, it } from 'vitest';
import { BasePathError, DEFAULT_BASE_PATH, resolveBasePath } from '../../../scripts/lib/basePath';

describe('resolveBasePath', () => {
  it("defaults to './' when BASE_PATH is unset or empty", () => {
    expect(resolveBasePath(undefined)).toBe(DEFAULT_BASE_PATH);
    expect(resolveBasePath('')).toBe('./');
    expect(resolveBasePath('  ')).toBe('./');
  });

  it('keeps the relative base and absolute folder paths as they are', () => {
    for (const ok of ['./', '/', '/latent-lab/', '/school/latent-lab/', '/~jdoe/ml_2.0/']) {
      expect(resolveBasePath(ok)).toBe(ok);
    }
  });

  it.each([
    ['latent-lab/', "does not start with '/'"],
    ['/latent-lab', "does not end with '/'"],
    ['.', "does not start with '/'"],
    ['../', "does not start with '/'"],
    ['https://example.org/app/', "does not start with '/'"],
    ['//cdn.example.org/', 'another host'],
    ['/a//b/', 'empty folder name'],
    ['/a/../b/', "'..' folder"],
    ['/my app/', 'may only use letters'],
    ['/app?x=1/', 'may only use letters'],
  ])('refuses %s with a message that says why and what to use', (value, why) => {
    expect(() => resolveBasePath(value)).toThrow(BasePathError);
    expect(() => resolveBasePath(value)).toThrow(why);
    expect(() => resolveBasePath(value)).toThrow(/BASE_PATH=\/latent-lab\/ npm run build/);
  });
});
