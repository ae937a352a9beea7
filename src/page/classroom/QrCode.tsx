/**
 * A QR code of the page's link, drawn on a canvas in the browser. The qrcode package is loaded
 * only when a code is first shown, so it costs nothing on first load.
 */
import { useEffect, useRef, useState } from 'react';

export interface QrCodeProps {
  link: string;
}

export function QrCode({ link }: QrCodeProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('qrcode')
      .then(async (qr) => {
        const canvas = ref.current;
        if (!current || !canvas) return;
        await qr.toCanvas(canvas, link, { width: 280, margin: 3, errorCorrectionLevel: 'M' });
        setFailed(false);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [link]);

  return (
    <figure className="ll-qr">
      <canvas ref={ref} className="ll-qr__canvas" role="img" aria-label={`QR code of ${link}`} />
      <figcaption className="ll-qr__caption">
        {failed
          ? 'The QR code could not be drawn; use Copy link instead.'
          : 'Point a phone or laptop camera here to open this setup.'}
        <span className="ll-qr__link ll-mono">{link}</span>
      </figcaption>
    </figure>
  );
}
