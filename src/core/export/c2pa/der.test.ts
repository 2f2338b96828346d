// The DER writer and the certificate it builds, against known encodings and a third-party parser (openssl).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHex } from '../bindBytes';
import { CborMap, CborTag, encodeCbor } from './cbor';
import { coseReserveSize, coseSign1 } from './cose';
import { createC2paCredential, LOCAL_CA_NAME } from './credential';
import { namedBits, oid, time, unsignedInt } from './der';
import { chunkOffsetsWithout } from './units';

const hasOpenssl = existsSync('/usr/bin/openssl');

describe('DER', () => {
  it('encodes OIDs, integers, named bits and times as X.690 says', () => {
    expect(toHex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(toHex(oid('1.3.6.1.5.5.7.3.36'))).toBe('06082b06010505070324');
    expect(toHex(unsignedInt(new Uint8Array([0x00, 0x00, 0x7f])))).toBe('02017f');
    expect(toHex(unsignedInt(new Uint8Array([0x80])))).toBe('02020080');
    expect(toHex(namedBits([0]))).toBe('03020780'); // digitalSignature
    expect(toHex(namedBits([5, 6]))).toBe('03020106'); // keyCertSign, cRLSign
    expect(new TextDecoder().decode(time(new Date(Date.UTC(2049, 11, 31, 23, 59, 59))).subarray(2))).toBe('491231235959Z');
    expect(new TextDecoder().decode(time(new Date(Date.UTC(2050, 0, 1))).subarray(2))).toBe('20500101000000Z');
  });
});

describe('CBOR / COSE', () => {
  it('uses the shortest heads and fills the reserved size exactly', async () => {
    expect(toHex(encodeCbor(new CborTag(18, [new Uint8Array(0), new CborMap([[1, -7]]), null, 'a'])))).toBe('d28440a10126f66161');
    const cred = await createC2paCredential('Cose');
    const reserve = coseReserveSize([cred.certificate]);
    const cose = await coseSign1(new Uint8Array(300), { chain: [cred.certificate], privateKey: cred.keyPair.privateKey }, reserve);
    expect(cose.length).toBe(reserve);
    expect(cose[0]).toBe(0xd2); // tag 18
  });
});

describe.skipIf(!hasOpenssl)('certificate', () => {
  it('openssl reads the profile we claim and verifies the chain', async () => {
    const cred = await createC2paCredential('Ada Artist');
    const dir = mkdtempSync(join(tmpdir(), 'previs-c2pa-cert-'));
    writeFileSync(join(dir, 'ee.der'), cred.certificate);
    writeFileSync(join(dir, 'ca.der'), cred.caCertificate);
    const text = execFileSync('/usr/bin/openssl', ['x509', '-inform', 'der', '-in', join(dir, 'ee.der'), '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toMatch(/Version: 3/);
    expect(text).toMatch(/Signature Algorithm: ecdsa-with-SHA256/);
    expect(text).toMatch(/NIST CURVE: P-256/);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\s/);
    expect(text).toMatch(/Extended Key Usage:\s+1\.3\.6\.1\.5\.5\.7\.3\.36, E-mail Protection/);
    expect(text).toMatch(/Authority Key Identifier/);
    expect(text).toMatch(/Subject: O = Previs Sandbox, CN = Ada Artist/);
    for (const f of ['ee', 'ca']) execFileSync('/usr/bin/openssl', ['x509', '-inform', 'der', '-in', join(dir, `${f}.der`), '-out', join(dir, `${f}.pem`)]);
    const ok = execFileSync('/usr/bin/openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', join(dir, 'ee.pem')], { encoding: 'utf8' });
    expect(ok).toMatch(/ee\.pem: OK/);
    const ca = execFileSync('/usr/bin/openssl', ['x509', '-in', join(dir, 'ca.pem'), '-noout', '-subject', '-nameopt', 'utf8'], { encoding: 'utf8' });
    expect(ca).toContain(LOCAL_CA_NAME);
  });
});

describe('chunk offsets past a C2PA unit', () => {
  const box = (type: 'stco' | 'co64', entries: number[]) => {
    const w = type === 'co64' ? 8 : 4;
    const b = new Uint8Array(16 + entries.length * w);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, b.length);
    b.set(new TextEncoder().encode(type), 4);
    dv.setUint32(12, entries.length);
    entries.forEach((e, i) => (w === 8 ? dv.setBigUint64(16 + i * 8, BigInt(e)) : dv.setUint32(16 + i * 4, e)));
    return b;
  };
  it('moves back only offsets past the unit, in stco and co64 alike', () => {
    expect(chunkOffsetsWithout(box('stco', [40, 1100, 5000]), 'stco', 8, 100, 1000)).toEqual(box('stco', [40, 100, 4000]));
    expect(chunkOffsetsWithout(box('co64', [40, 2 ** 33 + 1000]), 'co64', 8, 100, 1000)).toEqual(box('co64', [40, 2 ** 33]));
    expect(() => chunkOffsetsWithout(box('stco', [1]).subarray(0, 18), 'stco', 8, 0, 1)).toThrow(/shorter/);
  });
});
