window.__first = { result: performance.now() };
