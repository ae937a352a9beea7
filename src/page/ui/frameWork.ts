/**
 * Main-thread drawing spread over animation frames. At each epoch's end the latent and
 * playground sections get new data at once: some 170 small canvases to repaint, a 10,000-dot
 * map and about ten chart.js charts. Done in the same task that was one long task (60-130 ms on
 * a busy two-core machine), and the loss chart and the buttons froze meanwhile. Each piece of
 * work here is keyed by what it draws, so a newer job for the same canvas replaces one still
 * waiting (only the newest data is ever drawn), and each frame runs jobs for about BUDGET_MS.
 */

type Job = () => void;

/** Drawing time per frame: leaves most of a 60 Hz frame for everything else. */
const BUDGET_MS = 6;
/** How long a budget lasts when work is done at once rather than in a frame. */
const WINDOW_MS = 16;

const queue = new Map<object, Job>();
let windowStart = -Infinity;
let used = 0;
let frameRequested = false;

function scheduleFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(callback);
  } else {
    // Hidden tabs get no animation frames; draw anyway so the page is right when it returns.
    setTimeout(callback, 100);
  }
}

function runTimed(job: Job): void {
  const start = performance.now();
  try {
    job();
  } finally {
    used += performance.now() - start;
  }
}

function flush(): void {
  frameRequested = false;
  windowStart = performance.now();
  used = 0;
  try {
    // Jobs queued while this loop runs (a long drawing's next slice) join its end.
    for (const [key, job] of queue) {
      if (used >= BUDGET_MS) break;
      queue.delete(key);
      runTimed(job);
    }
  } finally {
    // Even after a job threw, the others still get their frames.
    if (queue.size > 0) requestFrame();
  }
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  scheduleFrame(flush);
}

/**
 * Runs `job` now if nothing is waiting and this frame's budget has room (so one canvas after a
 * slider move shows at once), else in a coming frame. A job still waiting for `key` is replaced,
 * keeping its place in the line.
 */
export function drawSoon(key: object, job: Job): void {
  const now = performance.now();
  if (now - windowStart >= WINDOW_MS) {
    windowStart = now;
    used = 0;
  }
  if (queue.size === 0 && used < BUDGET_MS) {
    runTimed(job);
    return;
  }
  queue.set(key, job);
  requestFrame();
}

/**
 * Runs `job` in a coming frame, never now: for work that must not run inside React's commit
 * (it calls flushSync), or that should wait for its turn behind drawings already queued.
 */
export function drawInFrame(key: object, job: Job): void {
  queue.set(key, job);
  requestFrame();
}

/** Forgets the job waiting for `key`, e.g. when its canvas leaves the page. */
export function cancelDraw(key: object): void {
  queue.delete(key);
}
