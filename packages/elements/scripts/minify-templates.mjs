// The one-tag bundle's template literals, minified at bundle time (the
// minifier leaves a template's text alone): Lit's `css` sheets through
// Lightning CSS, Lit's `html` templates with each line break and its
// indentation folded into one space (HTML collapses white space the same way;
// no element here renders pre-formatted text). Only the static text between
// `${…}` changes, never an expression.
import MagicString from 'magic-string';
import { transform as transformCss } from 'lightningcss';
import { parseSync } from 'oxc-parser';

/** A line break and the indentation around it → one space; nothing else changes. */
export function foldHtml(text) {
  return text.replace(/[ \t]*\r?\n\s*/g, ' ');
}

/** Comments out, white space folded, the spaces a browser ignores around punctuation removed. */
function foldCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

/** One static part of a `css` literal: a whole style sheet here, so Lightning CSS minifies it; else folded. */
export function minifyCss(text) {
  if (text.trim() === '') return '';
  try {
    const { code } = transformCss({ filename: 'template.css', code: Buffer.from(text), minify: true, errorRecovery: false });
    return code.toString();
  } catch {
    return foldCss(text);
  }
}

const TAGS = { html: foldHtml, css: minifyCss };

/** Rewrites the static parts of every `html`…`` and `css`…`` literal of one TypeScript module. */
export function minifyTemplates(code, id) {
  if (!/\b(html|css)`/.test(code)) return undefined;
  const ast = parseSync(id, code);
  const out = new MagicString(code);
  let changed = false;
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS[node.tag.name]) {
      const quasis = node.quasi.quasis;
      // The `css` text is minified sheet by sheet only when each part is a sheet of its own.
      for (const quasi of quasis) {
        const start = quasi.start + 1;
        const end = quasi.end - (quasi.tail ? 1 : 2);
        const raw = code.slice(start, end);
        if (raw !== quasi.value.raw) continue;
        const minified = TAGS[node.tag.name](raw);
        if (minified !== raw) {
          if (minified === '') out.remove(start, end);
          else out.overwrite(start, end, minified);
          changed = true;
        }
      }
    }
    for (const key in node) if (key !== 'parent') visit(node[key]);
  };
  visit(ast.program);
  return changed ? { code: out.toString(), map: null } : undefined;
}

/** The Vite plugin: the elements' own sources only (dependencies ship their templates as they are). */
export function minifyTemplatesPlugin() {
  return {
    name: 'clr-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/.test(id) || /\.(test|stories)\.ts$/.test(id)) return undefined;
      return minifyTemplates(code, id);
    },
  };
}
