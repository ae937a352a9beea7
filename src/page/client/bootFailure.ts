/**
 * What the page shows when the app's own code cannot be loaded (a dropped connection, or a
 * deploy that replaced the files mid-visit): the static first screen stays, with a note under
 * it that says what happened and how to recover, so the page is never silently dead.
 */
export function showBootFailure(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const note = document.createElement('p');
  note.className = 'll-banner ll-banner--error';
  note.setAttribute('role', 'alert');
  note.textContent =
    `Latent Lab could not load the rest of its code (${reason}). ` +
    'Check your connection and reload the page.';
  const app = document.querySelector('#root .ll-app') ?? document.body;
  app.append(note);
}
