// <exchange-calc policy="xinyu-2022" lang="en" tools="grades,credits" policy-src="my-uni.json">
// One module script tag embeds the calculator in any page. It renders in Shadow DOM, so the
// host page's CSS cannot break it and it cannot break the host.
import { createApp } from './shell.js';
import { h } from './dom.js';

const css = new URL('../css/app.css', import.meta.url).href;

class ExchangeCalcElement extends HTMLElement {
  static observedAttributes = ['policy', 'lang', 'tools', 'policy-src'];

  #version = 0;

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
    let policyDocument = null;
    const src = this.getAttribute('policy-src');
    if (src) {
      try {
        const res = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
        policyDocument = await res.json();
      } catch (e) {
        host.replaceChildren(h('p', { class: 'error', role: 'alert' }, `policy-src: ${e.message}`));
        return;
      }
    }
    if (version !== this.#version) return; // a newer attribute change took over
    const tools = (this.getAttribute('tools') || '').split(',').map((s) => s.trim()).filter(Boolean);
    // Each embed autosaves under its own key: the page, and the element's id if it has one.
    const storageKey = `exchange-calc:embed:${location.pathname}#${this.id || 'default'}`;
    await createApp(host, {
      policy: this.getAttribute('policy') || undefined,
      lang: this.getAttribute('lang') || undefined,
      tools,
      policyDocument,
      storageKey,
    });
    this.dataset.ready = 'true';
    this.dispatchEvent(new CustomEvent('exchange-calc-ready', { bubbles: true }));
  }
}

if (!customElements.get('exchange-calc')) customElements.define('exchange-calc', ExchangeCalcElement);
