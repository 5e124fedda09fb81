/**
 * Storybook for `@clr/elements`, on the mocks (`@clr/mocks` through MSW's
 * service worker, see preview.ts). `npm run storybook` serves it,
 * `npm run build-storybook` builds it offline into `storybook-static/`.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// MSW's worker script is served from a folder generated here, never committed:
// it always matches the installed msw.
const generated = join(here, '.generated');
mkdirSync(generated, { recursive: true });
copyFileSync(join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js'), join(generated, 'mockServiceWorker.js'));

const config: StorybookConfig = {
  stories: ['./*.stories.ts', '../packages/elements/src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [{ from: './.generated', to: '/' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Lit's decorators are TypeScript's experimental ones (STACK.md): Vite 8
    // leaves standard decorators untransformed and the bundle then fails in the
    // browser. The repository's tsconfig says so for the files it includes;
    // this makes it hold for every file Storybook bundles.
    return {
      ...viteConfig,
      // The packages' TypeScript sources (their exports' `@clr/source` condition), not their built dist/.
      resolve: { ...viteConfig.resolve, conditions: ['@clr/source', ...defaultClientConditions] },
      oxc: { ...(typeof viteConfig.oxc === 'object' ? viteConfig.oxc : {}), decorator: { legacy: true } },
      // Storybook's manager and preview need no network; keep Vite quiet about chunk sizes.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 4096 },
    };
  },
};

export default config;
