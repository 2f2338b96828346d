// Who is signing: name and role, this browser's public key (exportable as JWK for colleagues and the
// verifier), and the colleagues' keys this user pins as trusted.
import { useEffect, useState } from 'react';
import { identityStore, signerFor, useIdentity } from '../../store/signingKeys';
import { editorStore } from '../../store/editorStore';
import { downloadBytes } from '../../store/projectFile';
import { isPublicKeyJwk, keyIdOf, REVIEW_ROLES, type ReviewRole } from '../../core/disclosure';

export function IdentityBar() {
  const name = useIdentity((s) => s.name);
  const role = useIdentity((s) => s.role);
  const trusted = useIdentity((s) => s.trustedKeys);
  const [keyId, setKeyId] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  useEffect(() => {
    let live = true;
    setKeyId(null);
    signerFor(name).then(
      (s) => live && setKeyId(s.keyId),
      (e: Error) => editorStore.getState().notify('error', `Signing key unavailable: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [name]);

  const exportKey = async () => {
    const s = await signerFor(name);
    const text = JSON.stringify({ holder: name, keyId: s.keyId, publicKeyJwk: s.publicKeyJwk }, null, 1);
    downloadBytes(`${name.replace(/[^\w.-]+/g, '_')}.publickey.json`, new TextEncoder().encode(text), 'application/json');
  };

  const trust = async () => {
    try {
      const v = JSON.parse(paste) as { publicKeyJwk?: unknown };
      const jwk = isPublicKeyJwk(v.publicKeyJwk) ? v.publicKeyJwk : isPublicKeyJwk(v) ? v : null;
      if (!jwk) throw new Error('expected an EC P-256 public key (JWK)');
      identityStore.getState().trustKey({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
      editorStore.getState().notify('info', `Trusted key ${(await keyIdOf(jwk)).slice(0, 12)}…`);
      setPaste('');
    } catch (e) {
      editorStore.getState().notify('error', `Key not added: ${(e as Error).message}`);
    }
  };

  return (
    <div className="identity">
      <label>
        Signing as{' '}
        <input aria-label="reviewer name" defaultValue={name} key={name} onBlur={(e) => identityStore.getState().setIdentity({ name: e.target.value })} />
      </label>
      <select aria-label="reviewer role" value={role} onChange={(e) => identityStore.getState().setIdentity({ role: e.target.value as ReviewRole })}>
        {REVIEW_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <details>
        <summary className="mono">key {keyId ? `${keyId.slice(0, 12)}…` : '…'}</summary>
        <p className="dim">Private key stays in this browser (not extractable). Share the public key so others can verify your signatures.</p>
        <button onClick={() => void exportKey()}>Export public key</button>
        <div className="row">
          <textarea rows={2} placeholder="paste a colleague's public key JSON to trust it" value={paste} onChange={(e) => setPaste(e.target.value)} />
          <button disabled={!paste.trim()} onClick={() => void trust()}>
            Trust
          </button>
        </div>
        {trusted.map((k) => (
          <div key={k.x} className="mono dim">
            trusted {k.x.slice(0, 12)}… <button onClick={() => identityStore.getState().untrustKey(k.x)}>remove</button>
          </div>
        ))}
      </details>
    </div>
  );
}
