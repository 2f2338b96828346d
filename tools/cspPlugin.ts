// Puts the Content-Security-Policy into the built index.html and onto `npm run preview`'s responses.
// The dev server gets none: Vite's hot reload injects inline script.
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './csp';

export function cspPlugin(): Plugin {
  return {
    name: 'previs-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        return { html, tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() }, injectTo: 'head-prepend' }] };
      },
    },
    configurePreviewServer(server) {
      const policy = contentSecurityPolicy({ header: true });
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
