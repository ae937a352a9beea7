/** The "?" sheet: every lecture key and what it does, read from the same tables the keys use. */
import { useEffect, useId, useRef } from 'react';
import { sheetKeys } from './lectureKeys';
import type { KeyBinding } from '../latent/useLatentKeys';

export interface ShortcutSheetProps {
  open: boolean;
  bindings: KeyBinding[];
  onClose: () => void;
}

export function ShortcutSheet({ open, bindings, onClose }: ShortcutSheetProps) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // A modal <dialog> traps focus and closes on Escape without any code of ours.
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="ll-sheet" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className="ll-sheet__title">
        Keyboard shortcuts
      </h2>
      <table className="ll-sheet__table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {bindings.map((binding) => (
            <tr key={binding.description}>
              <td>
                <kbd className="ll-sheet__key">{sheetKeys(binding)}</kbd>
              </td>
              <td>{binding.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ll-sheet__note">
        The keys do nothing while you type in a box. Every one has a button on the page too.
      </p>
      <button type="button" className="ll-btn" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
