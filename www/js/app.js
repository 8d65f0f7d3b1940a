// The stand-alone page: one app instance that owns the document.
import { createApp } from './shell.js';

createApp(document.getElementById('app'), { page: true }).then(() => {
  document.body.dataset.ready = 'true';
});
