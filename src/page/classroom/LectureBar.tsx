/**
 * The lecturer's buttons: presenter mode, full screen, the shortcut sheet, Copy link and the QR
 * code. Presentational: Classroom.tsx gives it the state and the verbs, and index.html holds a
 * static copy of its first render (tests/unit/page/shell/staticShell.test.ts).
 */
export interface LectureBarProps {
  presenter: boolean;
  fullscreen: boolean;
  qr: boolean;
  /** The last Copy link outcome, said politely. */
  copyNote: string;
  onPresenter(): void;
  onFullscreen(): void;
  onShortcuts(): void;
  onCopyLink(): void;
  onQr(): void;
}

export function LectureBar(props: LectureBarProps) {
  return (
    <nav className="ll-classbar" aria-label="Lecture tools">
      <button
        type="button"
        className="ll-btn"
        aria-pressed={props.presenter}
        title="Big text and only the essentials, for a projector (key P)"
        onClick={props.onPresenter}
      >
        Presenter mode
      </button>
      <button
        type="button"
        className="ll-btn"
        aria-pressed={props.fullscreen}
        title="Fill the screen (key F)"
        onClick={props.onFullscreen}
      >
        Full screen
      </button>
      <button
        type="button"
        className="ll-btn"
        aria-label="Keyboard shortcuts"
        title="All keyboard shortcuts (key ?)"
        onClick={props.onShortcuts}
      >
        Shortcuts
      </button>
      <button type="button" className="ll-btn" onClick={props.onCopyLink}>
        Copy link
      </button>
      <button type="button" className="ll-btn" aria-expanded={props.qr} onClick={props.onQr}>
        QR code
      </button>
      <span className="ll-classbar__note" role="status">
        {props.copyNote}
      </span>
    </nav>
  );
}
