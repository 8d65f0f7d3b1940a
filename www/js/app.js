// The stand-alone page: one app instance that owns the document.
import { createApp } from './shell.js';

createApp(document.getElementById('app'), { page: true }).then(() => {
  document.body.dataset.ready = 'true';
  // Registered once the tool is usable and the browser is idle: installing the worker fetches
  // every asset again (the precache), which should not compete with the first load.
  const idle = window.requestIdleCallback ?? ((fn) => setTimeout(fn, 200));
  idle(registerServiceWorker, { timeout: 3000 });
});

// Offline after one visit (http(s) only: a service worker cannot run from file://). Each load
// asks for an update, so a new build is fetched on the next load and used from then on.
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register('sw.js')
    .then((reg) => reg.update())
    .catch(() => { /* private mode, or offline: the cached version keeps working */ });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) document.body.dataset.updated = 'true';
  });
}
