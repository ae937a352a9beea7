import { useLayoutEffect, type RefObject } from 'react';
import { cancelDraw, drawSoon } from './frameWork';

/**
 * Paints a canvas through frameWork whenever `paint` changes (memoise it on what it draws).
 * The canvas keeps its last picture until the new one is painted, so nothing flickers; a newer
 * paint replaces one still waiting, in its place in the line.
 */
export function useCanvasPaint(
  ref: RefObject<HTMLCanvasElement | null>,
  paint: (context: CanvasRenderingContext2D) => void,
): void {
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    drawSoon(canvas, () => {
      const context = canvas.getContext('2d');
      if (context) paint(context);
    });
  }, [ref, paint]);

  // Only on unmount: a changed picture need not cancel the waiting one (it replaces it).
  useLayoutEffect(() => {
    const canvas = ref.current;
    return () => {
      if (canvas) cancelDraw(canvas);
    };
  }, [ref]);
}
