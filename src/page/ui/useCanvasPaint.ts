import { useLayoutEffect, useRef, type RefObject } from 'react';
import { cancelDraw, drawInFrame, drawSoon } from './frameWork';

/**
 * Paints a canvas through frameWork whenever `paint` changes (memoise it on what it draws).
 * The canvas keeps its last picture until the new one is painted, so nothing flickers; a newer
 * paint replaces one still waiting, in its place in the line.
 */
export function useCanvasPaint(
  ref: RefObject<HTMLCanvasElement | null>,
  paint: (context: CanvasRenderingContext2D) => void,
): void {
  const painted = useRef(false);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const job = () => {
      // A canvas the CPU paints: a GPU-backed one per digit costs more to create and to
      // composite than these 28x28 pictures cost to draw.
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (context) paint(context);
    };
    // A new canvas waits for a frame: drawn inside React's commit, its context would make the
    // browser work out the styles of everything the commit just added, in the same long task.
    // A canvas already on the page repaints at once when the budget allows (a slider's drag).
    if (painted.current) drawSoon(canvas, job);
    else drawInFrame(canvas, job);
    painted.current = true;
  }, [ref, paint]);

  // Only on unmount: a changed picture need not cancel the waiting one (it replaces it).
  useLayoutEffect(() => {
    const canvas = ref.current;
    return () => {
      if (canvas) cancelDraw(canvas);
    };
  }, [ref]);
}
