/**
 * The one setting for where the built app lives on its host: BASE_PATH (e.g. `/latent-lab/` for
 * GitHub Pages), or './' by default so dist/ works from any folder without rebuilding.
 */

export const DEFAULT_BASE_PATH = './';

// Plain path segments only: anything else (spaces, '?', '#', '..') would turn into a broken or
// surprising URL once Vite pastes the base in front of every file name.
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

export class BasePathError extends Error {
  override name = 'BasePathError';
}

/** The base Vite should use, from the BASE_PATH environment variable (unset or empty: './'). */
export function resolveBasePath(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return DEFAULT_BASE_PATH;
  if (value === DEFAULT_BASE_PATH) return value;
  const problem = basePathProblem(value);
  if (problem) {
    throw new BasePathError(
      `BASE_PATH="${value}" ${problem}. Use './' (works in any folder) or a path that starts ` +
        `and ends with '/', e.g. BASE_PATH=/latent-lab/ npm run build.`,
    );
  }
  return value;
}

function basePathProblem(value: string): string | null {
  if (!value.startsWith('/')) return "does not start with '/'";
  if (!value.endsWith('/')) return "does not end with '/'";
  // '//host/' would be read by browsers as another server, not a folder.
  if (value.startsWith('//')) return "starts with '//', which browsers read as another host";
  if (value === '/') return null;
  const segments = value.slice(1, -1).split('/');
  for (const segment of segments) {
    if (segment === '') return "has an empty folder name ('//')";
    if (segment === '.' || segment === '..') return `has a '${segment}' folder`;
    if (!SEGMENT.test(segment)) {
      return `has the folder name "${segment}", which may only use letters, digits, '.', '_', '~' and '-'`;
    }
  }
  return null;
}
