// The element tests on the zod the one-tag bundle ships (zod-on-mini.js)
// instead of classic zod:
//   npx wtr --config packages/elements/scripts/wtr-zod-mini.config.mjs --files '…'
// Same runner, same mocks (which keep their own zod); only the elements'
// `import … from 'zod'`, the domain's and the SDK's, resolve to zod-entry.js.
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  plugins: [
    {
      name: 'clr-zod-on-mini',
      resolveImport({ source }) {
        return source === 'zod' ? '/packages/elements/scripts/zod-entry.js' : undefined;
      },
    },
    ...base.plugins,
  ],
};
