/**
 * « Fondations »: how the elements are embedded (define modules, client,
 * language, theming), the story parameters every element story uses, a live
 * check of the decorator (client logged in on the mocks, `lang`), and the
 * reference generated from `custom-elements.json`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import manifest from '@clr/elements/custom-elements.json';
import type { ClrLoaded } from './preview.js';

interface Documented {
  name?: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  privacy?: string;
  kind?: string;
  static?: boolean;
  attribute?: string;
}

interface ElementDoc {
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Documented[];
  members?: Documented[];
  events?: Documented[];
  slots?: Documented[];
  cssParts?: Documented[];
  cssProperties?: Documented[];
}

const elements: ElementDoc[] = (manifest.modules as { declarations?: (ElementDoc & { customElement?: boolean })[] }[])
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => (a.tagName ?? '').localeCompare(b.tagName ?? ''));

const page = css`
  :host {
    display: block;
    max-width: 62rem;
    font: 0.9375rem/1.5 system-ui, sans-serif;
    color: #1f2430;
  }
  h1 {
    font-size: 1.6rem;
  }
  h2 {
    font-size: 1.2rem;
    margin-top: 2rem;
  }
  code,
  pre {
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
  }
  pre {
    background: #f3f5f8;
    padding: 0.75rem 1rem;
    border-radius: 6px;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin: 0.5rem 0 1rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    border-bottom: 1px solid #d5dae1;
    padding: 0.3rem 0.5rem;
  }
  th {
    background: #f3f5f8;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    font-weight: 600;
  }
`;

/** A page of prose with the stories' styles (shadow DOM keeps Storybook's CSS out). */
class ClrStoryPage extends LitElement {
  static override styles = page;
  content: TemplateResult | typeof nothing = nothing;
  static override properties = { content: { attribute: false } };

  override render() {
    return this.content;
  }
}
if (!customElements.get('clr-story-page')) customElements.define('clr-story-page', ClrStoryPage);

const asPage = (content: TemplateResult) => html`<clr-story-page .content=${content}></clr-story-page>`;

const meta: Meta = {
  title: 'Fondations',
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;

export const Introduction: Story = {
  render: () =>
    asPage(html`
      <h1>@clr/elements</h1>
      <p>
        Les composants web de CLR Admin, que les partenaires intègrent à leur intranet et dont le site d'administration de
        référence est fait. Chaque élément est une classe Lit ; son enregistrement vit dans un module <code>define</code>
        qu'on importe seul :
      </p>
      <pre>
import '@clr/elements/define/clr-candidates-table.js';
import { ContextProvider } from '@lit/context';
import { clrClientContext } from '@clr/elements';
import { createClient } from '@clr/sdk';

const client = createClient({ baseUrl: '', auth: { kind: 'session' } });
new ContextProvider(document.body, { context: clrClientContext, initialValue: client });
// ou, pour un élément seul : document.querySelector('clr-candidates-table').client = client;</pre
      >
      <dl>
        <dt>Langue</dt>
        <dd>Le français ou l'anglais, lu sur l'attribut <code>lang</code> le plus proche (la page du portail en décide).</dd>
        <dt>Thème</dt>
        <dd>Les jetons <code>--clr-*</code> sur n'importe quel ancêtre ; les <code>::part(…)</code> documentés de chaque élément.</dd>
        <dt>Événements</dt>
        <dd><code>clr-…</code>, <code>bubbles</code> et <code>composed</code> ; seuls les événements de demande sont annulables.</dd>
      </dl>

      <h2>Les histoires</h2>
      <p>
        Chaque histoire tourne sur les mocks (<code>@clr/mocks</code> par le service worker de MSW) : un magasin créé pour
        l'histoire, un client connecté en administrateur de l'espace « Démo », fourni par le contexte, et la langue de la
        barre d'outils. Une histoire règle son état par ses paramètres :
      </p>
      <pre>
parameters: {
  clr: {
    state: 'demo' | 'empty' | { candidates: 100000 },   // 'demo' par défaut
    locale: 'fr' | 'en',                                   // sinon la barre d'outils
    login: false,                                          // sans session
    latency: 300,                                          // ms ajoutées à chaque réponse
  },
  msw: { handlers: { overrides: [
    http.get('/api/v1/candidates', () => HttpResponse.json(problem, { status: 500 })),  // une erreur
    http.get('/api/v1/candidates', () => delay('infinite')),                             // le chargement
  ] } },
}</pre
      >
      <p>Les <code>overrides</code> passent avant les mocks. <code>context.loaded.clr</code> donne le client, le magasin et le worker.</p>
    `),
};

/** The decorator's work, shown: the client from the context answers as the demo administrator; `lang` follows the toolbar. */
export const ClientEtLangue: Story = {
  name: 'Client et langue',
  render: (_args, context) => {
    const loaded = context.loaded.clr as ClrLoaded;
    const figures = loaded.client.dashboard.get().then(
      (dashboard) => html`<p data-check="dashboard">
        ${dashboard.stock.total} certifications en stock, ${dashboard.candidates.total} candidats.
      </p>`,
      (error: unknown) => html`<p role="alert">${error instanceof Error ? error.message : String(error)}</p>`,
    );
    return asPage(html`
      <h1>Client et langue</h1>
      <p>Langue de la page : <code>${document.documentElement.lang}</code>.</p>
      ${until(figures, html`<p>Chargement…</p>`)}
    `);
  },
};

/** The same with the API answering 500: the overrides of a story come before the mocks. */
export const ErreurDeLApi: Story = {
  name: "Erreur de l'API",
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.get('/api/v1/dashboard', () =>
            HttpResponse.json(
              { type: 'about:blank', title: 'Erreur interne', status: 500, detail: 'Le serveur a rencontré une erreur.', code: 'internal' },
              { status: 500, headers: { 'content-type': 'application/problem+json' } },
            ),
          ),
        ],
      },
    },
  },
  render: ClientEtLangue.render,
};

function list(items: Documented[] | undefined, describe: (item: Documented) => unknown = () => nothing) {
  if (!items?.length) return html`<p>—</p>`;
  return html`<table>
    <tbody>
      ${items.map((item) => html`<tr><th><code>${item.name}</code></th><td>${describe(item)}${item.description ?? item.summary ?? ''}</td></tr>`)}
    </tbody>
  </table>`;
}

/** Generated from custom-elements.json (`npm run build -w @clr/elements`). */
export const Reference: Story = {
  name: 'Référence (custom-elements.json)',
  render: () =>
    asPage(html`
      <h1>Référence</h1>
      <p>Tirée de <code>custom-elements.json</code>, généré depuis la JSDoc des sources.</p>
      ${elements.map(
        (element) => html`
          <h2><code>&lt;${element.tagName}&gt;</code> — ${element.name}</h2>
          <p>${element.summary ?? element.description ?? ''}</p>
          <h3>Attributs</h3>
          ${list(element.attributes, (item) => (item.fieldName ? html`<code>.${item.fieldName}</code> ` : nothing))}
          <h3>Propriétés</h3>
          ${list(
            element.members?.filter((member) => member.kind === 'field' && !member.static && !member.privacy && !member.name?.startsWith('#')),
            (item) => (item.type?.text ? html`<code>${item.type.text}</code> ` : nothing),
          )}
          <h3>Événements</h3>
          ${list(element.events, (item) => (item.type?.text ? html`<code>${item.type.text}</code> ` : nothing))}
          <h3>Emplacements (slots)</h3>
          ${list(element.slots)}
          <h3>Parties (::part)</h3>
          ${list(element.cssParts)}
          <h3>Propriétés CSS</h3>
          ${list(element.cssProperties)}
        `,
      )}
    `),
};
