import { useEffect, useRef } from 'react';
import type { Ink } from '../../shared/mnistPreprocess';

export interface DrawingPadProps {
  /** The ink so far (after each stroke piece), or null once the pad is cleared. */
  onInk(ink: Ink | null): void;
}

const SIZE = 280;
/** About a 2-pixel MNIST stroke once the digit is scaled down to 20 pixels. */
const PEN = 22;
/** While drawing, hand over the ink at most this often. */
const EVERY_MS = 60;

function inkOf(canvas: HTMLCanvasElement): Ink | null {
  const context = canvas.getContext('2d');
  if (!context) return null;
  const { data } = context.getImageData(0, 0, SIZE, SIZE);
  const values = new Float32Array(SIZE * SIZE);
  // The pen draws white on transparent: alpha is the ink.
  for (let i = 0; i < values.length; i++) values[i] = data[i * 4 + 3] / 255;
  return { values, width: SIZE, height: SIZE };
}

/** A square to draw a digit on, with mouse, pen or finger (pointer events). */
export function DrawingPad({ onInk }: DrawingPadProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const sentAt = useRef(0);

  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = PEN;
    context.strokeStyle = '#ffffff';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * SIZE,
      y: ((event.clientY - rect.top) / rect.height) * SIZE,
    };
  };

  const line = (to: { x: number; y: number }) => {
    const context = ref.current?.getContext('2d');
    const from = last.current ?? to;
    if (!context) return;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y);
    context.stroke();
    last.current = to;
  };

  const send = (force: boolean) => {
    const now = performance.now();
    if (!ref.current || (!force && now - sentAt.current < EVERY_MS)) return;
    sentAt.current = now;
    onInk(inkOf(ref.current));
  };

  const clear = () => {
    const canvas = ref.current;
    canvas?.getContext('2d')?.clearRect(0, 0, SIZE, SIZE);
    onInk(null);
  };

  return (
    <div className="ll-pad">
      <canvas
        ref={ref}
        className="ll-pad__canvas"
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label="Drawing pad: draw a digit here with the mouse, a pen or a finger"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          last.current = null;
          line(point(event));
          send(false);
        }}
        onPointerMove={(event) => {
          if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
          line(point(event));
          send(false);
        }}
        onPointerUp={() => {
          last.current = null;
          send(true);
        }}
      />
      <button type="button" className="ll-btn" onClick={clear}>
        Clear the pad
      </button>
    </div>
  );
}
