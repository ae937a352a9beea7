/**
 * Keyboard control for the lecture: 0-9 choose a digit, ArrowLeft / ArrowRight step through
 * its samples. A table from key to action, so presenter mode (a later issue) can add keys and
 * print the same table as its shortcut sheet.
 */
import { useEffect, useRef } from 'react';

export interface KeyBinding {
  /** KeyboardEvent.key values, e.g. ['ArrowRight']. */
  keys: string[];
  /** For a shortcut sheet, e.g. "Next samples". */
  description: string;
  run: (key: string) => void;
}

export interface LatentKeyActions {
  chooseDigit(digit: number): void;
  next(): void;
  previous(): void;
}

const DIGIT_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function latentKeyBindings(actions: LatentKeyActions): KeyBinding[] {
  return [
    {
      keys: DIGIT_KEYS,
      description: 'Show that digit',
      run: (key) => actions.chooseDigit(Number(key)),
    },
    { keys: ['ArrowRight'], description: 'Next samples', run: () => actions.next() },
    { keys: ['ArrowLeft'], description: 'Previous samples', run: () => actions.previous() },
  ];
}

/** What a key event needs to be judged; a real KeyboardEvent fits. */
export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Inputs that use neither digits nor arrows: a checkbox clicked a moment ago keeps focus. */
const KEY_FREE_INPUTS = new Set(['checkbox', 'button', 'submit', 'reset']);

/**
 * Keys belong to the page, not to us, when a modifier is held (browser shortcuts), when
 * someone else already handled them, or when focus is where typing or arrows mean something
 * (a text field, a select, an editable region, a slider).
 */
export function shouldIgnoreKey(event: KeyLike): boolean {
  if (event.defaultPrevented) return true;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return true;
  const target = event.target as
    (EventTarget & { tagName?: string; type?: string; isContentEditable?: boolean }) | null;
  if (!target || typeof target.tagName !== 'string') return false;
  if (target.isContentEditable === true) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'INPUT' && KEY_FREE_INPUTS.has(String(target.type).toLowerCase())) return false;
  return TYPING_TAGS.has(tag);
}

export function findBinding(bindings: KeyBinding[], key: string): KeyBinding | undefined {
  return bindings.find((binding) => binding.keys.includes(key));
}

/**
 * Listens on the window while `enabled`; always calls the newest bindings. `ignore` says which
 * key presses belong to something else (typing in a field, by default).
 */
export function useKeyBindings(
  bindings: KeyBinding[],
  enabled: boolean,
  ignore: (event: KeyboardEvent) => boolean = shouldIgnoreKey,
): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  }, [bindings]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (ignore(event)) return;
      const binding = findBinding(latest.current, event.key);
      if (!binding) return;
      // Arrows and Space would otherwise scroll the page away from the charts being discussed.
      event.preventDefault();
      binding.run(event.key);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, ignore]);
}
