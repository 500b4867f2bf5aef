/**
 * A module loaded on first need, with asynchronous set-up (a WebAssembly grammar): every caller
 * awaits the same load, and a failed load is forgotten so a later call retries. `loaded()` is
 * the module once `load()` has completed, for synchronous code that runs after it.
 */
export function lazyModule<M>(importAndSetUp: () => Promise<M>): { load: () => Promise<void>; loaded: () => M | null } {
  let module: M | null = null;
  let pending: Promise<void> | null = null;
  return {
    load: () => {
      pending ??= importAndSetUp()
        .then((value) => {
          module = value;
        })
        .catch((error: unknown) => {
          pending = null;
          throw error;
        });
      return pending;
    },
    loaded: () => module,
  };
}
