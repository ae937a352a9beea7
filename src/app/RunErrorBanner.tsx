/** A problem with the run or the worker, said plainly, above everything else. */
export function RunErrorBanner({ message }: { message: string }) {
  return (
    <div className="ll-banner ll-banner--error" role="alert">
      {message}
    </div>
  );
}
