// `npm run build -w @clr/elements` → custom-elements.json, read from the
// TypeScript sources (Lit's experimental decorators: `@property`, `@state`,
// `@consume`) by @custom-elements-manifest/analyzer with its Lit plugin.
//
// Two things the analyzer cannot see on its own, added by the plugin below:
// - tags are registered through `defineElement('clr-x', ClrX)` in
//   `src/define/*.ts`, not `customElements.define`: each call becomes the
//   definition export of its define module and the class's `tagName`;
// - the `--clr-*` tokens are documented once on `tokens` (shared/tokens.styles.ts)
//   and apply to every element: each element lists them in `cssProperties`.
import { posix } from 'node:path';

const TOKENS_MODULE = 'src/shared/tokens.styles.ts';
const DEFINE_HELPER_MODULE = 'src/shared/define.ts';

function clrDefinitionsPlugin() {
  /** Tokens documented as `@cssproperty --clr-x - Description.` on `tokens`. */
  let tokenProperties = [];
  return {
    name: 'clr-define-element-and-tokens',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile && moduleDoc.path === TOKENS_MODULE) {
        tokenProperties = [...node.text.matchAll(/@cssproperty\s+(--clr-[\w-]+)\s+-\s+(.+)/g)].map(([, name, description]) => ({
          name,
          description: description.trim(),
        }));
      }
      if (node.kind !== ts.SyntaxKind.CallExpression) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !ts.isStringLiteral(tagArg) || !classArg || !ts.isIdentifier(classArg)) return;
      const className = classArg.text;
      // The class is imported: `import { ClrX } from '../x/x.js'`.
      let module = moduleDoc.path;
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const named = statement.importClause?.namedBindings;
        if (named && ts.isNamedImports(named) && named.elements.some((element) => element.name.text === className)) {
          module = posix.join(posix.dirname(moduleDoc.path), statement.moduleSpecifier.text).replace(/\.js$/, '.ts');
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer lists modules in the order its file walk happens to return
      // them, which varies from run to run: sort them so the manifest is stable.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const modules = customElementsManifest.modules;
      for (const module of modules) {
        // `customElements.define(tag, ctor)` inside the helper is not a definition.
        if (module.path === DEFINE_HELPER_MODULE) {
          module.exports = (module.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition');
        }
      }
      for (const module of modules) {
        for (const definition of module.exports ?? []) {
          if (definition.kind !== 'custom-element-definition') continue;
          const target = modules.find((candidate) => candidate.path === definition.declaration.module);
          const declaration = target?.declarations?.find((candidate) => candidate.name === definition.declaration.name);
          if (!declaration) continue;
          declaration.tagName = definition.name;
          declaration.customElement = true;
          const own = new Set((declaration.cssProperties ?? []).map((property) => property.name));
          declaration.cssProperties = [
            ...(declaration.cssProperties ?? []),
            ...tokenProperties.filter((property) => !own.has(property.name)).map((property) => ({ ...property, inheritedFrom: { name: 'tokens', module: TOKENS_MODULE } })),
          ];
        }
      }
      // `this.dispatchEvent(new ClrXEvent(detail))`: the analyzer takes the
      // constructor's first argument for the event's name. The name is the
      // event class's `static readonly type = 'clr-x'`; merge with `@fires clr-x`.
      const eventTypes = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          const type = declaration.kind === 'class' && declaration.members?.find((member) => member.static && member.name === 'type');
          const name = type?.default?.match(/^['"](clr-[\w-]+)['"]$/)?.[1];
          if (name) eventTypes.set(declaration.name, name);
        }
      }
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.events) continue;
          const merged = new Map();
          for (const event of declaration.events) {
            const name = eventTypes.get(event.type?.text) ?? event.name;
            if (!name) continue;
            const previous = merged.get(name) ?? {};
            merged.set(name, { ...previous, ...event, ...(previous.description ? { description: previous.description } : {}), name });
          }
          const classOf = (name) => [...eventTypes].find(([, type]) => type === name)?.[0];
          declaration.events = [...merged.values()].map((event) =>
            event.type || !classOf(event.name) ? event : { ...event, type: { text: classOf(event.name) } },
          );
        }
      }
      // The base class is no element of its own: it has no tag.
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind === 'class' && declaration.customElement && !declaration.tagName) delete declaration.customElement;
        }
      }
      // The manifest ships in the pack beside dist/: every module it names is the
      // built file a partner imports (`dist/x/x.js`), not the TypeScript source.
      const toDist = (value) => value.replace(/^src\/(.+)\.ts$/, 'dist/$1.js');
      const walk = (node) => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value);
          else walk(value);
        }
      };
      walk(modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/translations/**', 'src/react/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [clrDefinitionsPlugin()],
};
