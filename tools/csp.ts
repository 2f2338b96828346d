// The app's Content-Security-Policy, one definition for the built index.html (a <meta> for static hosts),
// `npm run preview` and the local server the export CLI and e2e tests use (as a header, which also covers
// workers and frame-ancestors). No inline or eval'd script; WebAssembly compiles ('wasm-unsafe-eval');
// network only to this origin and the studio server.
//
// The studio server is chosen by the user at run time, which a static policy cannot know. A deployment
// names its server(s) at build time: PREVIS_STUDIO_ORIGINS="wss://studio.example.com https://studio.example.com".
// Without that, WebSocket connections (ws:, wss:) to any host stay allowed so a user-chosen server works;
// plain fetches stay limited to this origin either way: the app signs in and moves assets over the project's
// WebSocket (src/sync/studioSignIn.ts, assetChannel.ts), so it never needs an HTTP connection to the server.
export function studioOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = (env.PREVIS_STUDIO_ORIGINS ?? '').trim();
  if (!raw) return ['ws:', 'wss:'];
  return raw.split(/[\s,]+/).map((o) => {
    const u = new URL(o);
    if (!/^(wss?|https?):$/.test(u.protocol) || u.pathname !== '/' || u.search || u.hash) throw new Error(`PREVIS_STUDIO_ORIGINS: "${o}" is not an origin (scheme://host[:port])`);
    return u.origin.replace(/^http/, u.protocol.startsWith('ws') ? 'ws' : 'http');
  });
}

export function contentSecurityPolicy(opts: { studio?: string[]; header?: boolean } = {}): string {
  const studio = opts.studio ?? studioOrigins();
  const d: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", 'data:', 'blob:', ...studio],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    // React sets style attributes; no style can run script
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
  // a <meta> policy may not carry frame-ancestors (browsers ignore it there and warn)
  if (opts.header) d['frame-ancestors'] = ["'none'"];
  return Object.entries(d).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}
