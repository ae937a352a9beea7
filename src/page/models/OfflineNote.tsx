import type { OfflineStatus } from '../store/reliabilityState';

const TEXT = {
  checking: 'Saving the app and the digits for offline use…',
  ready: 'Ready for offline use: the app and the digits are saved in this browser.',
} as const;

/** One line on whether the page will work without a network next time. */
export function OfflineNote({ offline }: { offline: OfflineStatus }) {
  let text: string;
  if (offline.status === 'checking') text = TEXT.checking;
  else if (offline.status === 'ready')
    text = offline.persisted
      ? `${TEXT.ready} The browser promised to keep them.`
      : `${TEXT.ready} The browser may clear them if it runs short of space.`;
  else text = offline.reason;
  return (
    <p className={`ll-offline ll-offline--${offline.status}`} role="status">
      {text}
    </p>
  );
}
