/**
 * Awaits independent work in parallel, but fails as sequential code would: with the error of the
 * first (by position) that failed, so error messages do not depend on which process was faster.
 */
export async function inOrder<T extends readonly unknown[]>(work: { readonly [K in keyof T]: Promise<T[K]> }): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  await Promise.allSettled(work);
  // Everything has settled: `Promise.all` now sees the rejections in position order.
  return Promise.all(work);
}
