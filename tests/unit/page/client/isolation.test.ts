import { describe, expect, it } from 'vitest';
import {
  reloadForIsolation,
  type IsolationReloadDeps,
} from '../../../../src/page/client/isolation';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

function page(overrides: Partial<IsolationReloadDeps> = {}) {
  let reloads = 0;
  const deps: IsolationReloadDeps = {
    isolated: false,
    storage: memoryStorage(),
    canReload: () => true,
    reload: () => reloads++,
    ...overrides,
  };
  return { deps, reloads: () => reloads };
}

describe('the reload that isolates a page from a host without headers', () => {
  it('reloads once, and never again in the same tab', () => {
    const tab = page();
    expect(reloadForIsolation(tab.deps)).toBe(true);
    // The reload did not isolate the page (a browser that ignores the headers): no loop.
    expect(reloadForIsolation(tab.deps)).toBe(false);
    expect(tab.reloads()).toBe(1);
  });

  it('does not reload a page that is already isolated', () => {
    const tab = page({ isolated: true });
    expect(reloadForIsolation(tab.deps)).toBe(false);
    expect(tab.reloads()).toBe(0);
  });

  it('does not reload while something has been trained', () => {
    const tab = page({ canReload: () => false });
    expect(reloadForIsolation(tab.deps)).toBe(false);
    expect(tab.reloads()).toBe(0);
  });

  it('does not reload where it cannot remember having done so', () => {
    const none = page({ storage: null });
    expect(reloadForIsolation(none.deps)).toBe(false);
    const throwing = page({
      storage: {
        getItem: () => {
          throw new Error('blocked');
        },
        setItem: () => undefined,
      },
    });
    expect(reloadForIsolation(throwing.deps)).toBe(false);
    expect(none.reloads() + throwing.reloads()).toBe(0);
  });
});
