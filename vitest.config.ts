import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup.ts'],
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
  },
});
