// The app's Content-Security-Policy: what it allows, and that a deployment's studio-server setting cannot
// be used to smuggle extra directives or sources into it.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, studioOrigins } from '../../tools/csp';

const directives = (p: string) => new Map(p.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('Content-Security-Policy', () => {
  it('no inline or eval script, wasm allowed, network to self and the studio server only', () => {
    const d = directives(contentSecurityPolicy({ studio: ['wss://studio.example.com'] }));
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'data:', 'blob:', 'wss://studio.example.com']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
    for (const [k, v] of d) if (k !== 'style-src') expect(v, k).not.toContain("'unsafe-inline'");
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
    expect([...d.values()].flat()).not.toContain('*');
    // frame-ancestors only where it is honoured: the header
    expect(d.has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicy({ studio: [], header: true })).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('takes studio origins from PREVIS_STUDIO_ORIGINS, else WebSockets to any host (a user-chosen server)', () => {
    expect(studioOrigins({ PREVIS_STUDIO_ORIGINS: 'wss://studio.example.com:8443 https://studio.example.com' })).toEqual(['wss://studio.example.com:8443', 'https://studio.example.com']);
    expect(studioOrigins({})).toEqual(['ws:', 'wss:']);
  });

  it('refuses anything in PREVIS_STUDIO_ORIGINS that is not a bare origin', () => {
    for (const bad of ["wss://a.example; script-src 'unsafe-inline'", 'https://a.example/path', 'javascript:alert(1)', 'wss://a.example?x=1', '*', 'data:text/html,x']) {
      expect(() => studioOrigins({ PREVIS_STUDIO_ORIGINS: bad }), bad).toThrow();
    }
  });
});
