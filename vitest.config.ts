import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const INCLUDE = ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'components/**/*.test.tsx'];
/**
 * Files that replace a module with vi.mock: a mock only takes when the file has a module graph of
 * its own, so these run isolated. Every other file shares its worker's modules with the files
 * before it (isolate: false), which spares re-importing the readers, Dexie and React for each of
 * some ninety files: the suite runs in about a third of the time. A test that leaves state behind
 * for the next file is a bug either way.
 */
const MOCKING = ['lib/teach/limits.test.ts', 'components/options/import-section.test.tsx'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'shared', include: INCLUDE, exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
