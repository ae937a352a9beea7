import { describe, expect, it } from 'vitest';
import {
  ignoreLectureKey,
  lectureKeyBindings,
  sheetKeys,
} from '../../../../src/page/classroom/lectureKeys';
import { findBinding, type KeyLike } from '../../../../src/page/latent/useLatentKeys';

const key = (k: string, target: Partial<{ tagName: string; type: string }> | null = null) =>
  ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: k === '?',
    defaultPrevented: false,
    target: target as EventTarget | null,
  }) satisfies KeyLike;

describe('lecture keys', () => {
  it('lets "?" through although it needs Shift, but not Ctrl+S', () => {
    expect(ignoreLectureKey(key('?'))).toBe(false);
    expect(ignoreLectureKey({ ...key('s'), ctrlKey: true })).toBe(true);
  });

  it('leaves every key alone in a text field, and Space on a button', () => {
    expect(ignoreLectureKey(key('p', { tagName: 'INPUT', type: 'text' }))).toBe(true);
    expect(ignoreLectureKey(key(' ', { tagName: 'BUTTON' }))).toBe(true);
    expect(ignoreLectureKey(key('r', { tagName: 'BUTTON' }))).toBe(false);
  });

  it('has one row per action, with readable keys', () => {
    const noop = () => undefined;
    const bindings = lectureKeyBindings({
      trainOrPause: noop,
      step: noop,
      reset: noop,
      stop: noop,
      togglePresenter: noop,
      toggleFullscreen: noop,
      openSheet: noop,
      nextChapter: noop,
      previousChapter: noop,
    });
    expect(bindings.map(sheetKeys)).toEqual(['Space', '.', 'R', 'S', 'P', 'F', 'N', 'B', '?']);
    expect(findBinding(bindings, 'p')?.description).toMatch(/Presenter/);
  });
});
