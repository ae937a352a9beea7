import type { ReactNode } from 'react';
import { ChapterNav } from './ChapterNav';
import type { ChapterId } from './chapters';

export interface MastheadProps {
  current: ChapterId;
  /** The lecture tools (presenter mode, full screen, shortcuts, link, QR code). */
  tools: ReactNode;
  /** The chapter on screen in a sentence or two. */
  lead: ReactNode;
}

/** The page's top: its name, the chapters, the chapter's lead, and the lecturer's tools. */
export function Masthead({ current, tools, lead }: MastheadProps) {
  return (
    <header className="ll-masthead">
      <h1 className="ll-masthead__title">Latent Lab</h1>
      <ChapterNav current={current} />
      <div className="ll-masthead__lead">{lead}</div>
      {tools}
    </header>
  );
}
