import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each rule test builds real git repositories; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
