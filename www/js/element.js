// <exchange-calc policy="xinyu-2022" lang="en" tools="grades,credits" policy-src="my-uni.json">
// One module script tag embeds the calculator in any page. It renders in Shadow DOM, so the
// host page's CSS cannot break it and it cannot break the host.
//
// When it is ready it says so: data-ready="true" and an `exchange-calc-ready` event (detail:
// { policy: { id, hash }, warnings }) once the calculator works — a policy-src that could not
// be read is a warning, shown as a notice, and the preset is used; data-ready="error" and an
// `exchange-calc-error` event (detail: { code, reason }) when the calculator itself could not
// load. Both bubble and cross the shadow boundary (they are dispatched on the element).
// From a script, `element.policyDocument = { extends: …, … }` gives the policy as an object in
// place of policy-src (the embed builder's live preview).
import { createApp } from './shell.js';
import { h } from './dom.js';

const css = new URL('../css/app.css', import.meta.url).href;

class ExchangeCalcElement extends HTMLElement {
  static observedAttributes = ['policy', 'lang', 'tools', 'policy-src'];

  #version = 0;
  #policyDocument = null;

  /** A policy or overrides given as an object, in place of policy-src (the embed builder's preview). */
  get policyDocument() { return this.#policyDocument; }
  set policyDocument(doc) {
    this.#policyDocument = doc ?? null;
    if (this.shadowRoot) this.#render();
  }

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback(name, before, after) {
    if (before !== after && this.shadowRoot) this.#render();
  }

  async #render() {
    const version = ++this.#version;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const host = h('div', { class: 'xc-host' });
    shadow.replaceChildren(h('link', { rel: 'stylesheet', href: css }), host);
    delete this.dataset.ready;
    const warnings = [];
    let policyDocument = this.#policyDocument;
    const src = this.getAttribute('policy-src');
    if (src && !policyDocument) {
      try {
        const res = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        policyDocument = await res.json();
      } catch (e) {
        // The calculator still works on the preset; a notice in the page's language says so.
        warnings.push({ code: 'policy_src', key: 'policySrcFailed', vars: { src }, reason: String(e.message || e) });
      }
    }
    if (version !== this.#version) return; // a newer attribute change took over
    const tools = (this.getAttribute('tools') || '').split(',').map((s) => s.trim()).filter(Boolean);
    // Each embed autosaves under its own key: the page, and the element's id if it has one.
    const storageKey = `exchange-calc:embed:${location.pathname}#${this.id || 'default'}`;
    let app = null;
    let failure = null;
    try {
      app = await createApp(host, {
        policy: this.getAttribute('policy') || undefined,
        // The element's own lang, else the page's: a Chinese page gets a Chinese calculator.
        lang: this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || undefined,
        tools,
        policyDocument,
        warnings,
        storageKey,
      });
    } catch (e) {
      failure = e;
    }
    if (version !== this.#version) return;
    if (!app) {
      this.dataset.ready = 'error';
      this.dispatchEvent(new CustomEvent('exchange-calc-error', { bubbles: true, composed: true, detail: { code: 'load_failed', reason: String(failure?.message || failure || 'the calculator module could not load') } }));
      return;
    }
    this.dataset.ready = 'true';
    this.dispatchEvent(new CustomEvent('exchange-calc-ready', {
      bubbles: true,
      composed: true,
      detail: { policy: app.policy, warnings: app.warnings.map(({ code, reason, vars }) => ({ code, reason: reason ?? null, src: vars?.src ?? null })) },
    }));
  }
}

if (!customElements.get('exchange-calc')) customElements.define('exchange-calc', ExchangeCalcElement);
