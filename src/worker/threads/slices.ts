/**
 * How a batch is cut between threads. Each slice's gradient is the gradient of the mean loss over
 * its own rows; the batch's is the mean over all rows, so each slice counts in proportion to its
 * rows (its `share`). With equal slices this is a plain average; with a last, smaller batch
 * (60,000 is not a multiple of 128) the shares differ, and a plain average would be wrong.
 */
export interface Slice {
  start: number;
  end: number;
  /** (end − start) / rows: the weight of this slice's mean in the batch's mean. */
  share: number;
}

/** `rows` cut into `parts` runs of consecutive rows whose sizes differ by at most one. */
export function sliceRows(rows: number, parts: number): Slice[] {
  const slices: Slice[] = [];
  const base = Math.floor(rows / parts);
  const extra = rows % parts;
  let start = 0;
  for (let i = 0; i < parts; i++) {
    const end = start + base + (i < extra ? 1 : 0);
    slices.push({ start, end, share: rows === 0 ? 0 : (end - start) / rows });
    start = end;
  }
  return slices;
}

/**
 * `rows` cut into `parts` slices of which the first (the training worker's) has `firstRows` rows,
 * clamped to the batch, and the others share the rest as sliceRows does. Shares stay each slice's
 * rows over the batch's, so any cut gives the same batch gradient.
 */
export function sliceBatch(rows: number, parts: number, firstRows: number): Slice[] {
  const first = Math.max(0, Math.min(rows, Math.round(firstRows)));
  const share = (n: number) => (rows === 0 ? 0 : n / rows);
  const rest = sliceRows(rows - first, parts - 1).map((slice) => ({
    start: slice.start + first,
    end: slice.end + first,
    share: share(slice.end - slice.start),
  }));
  return [{ start: 0, end: first, share: share(first) }, ...rest];
}
