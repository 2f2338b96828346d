// What an attacker with the source code does to certificates: edits fields and re-encodes the DER, keeping the
// issuer's signature (which then no longer covers what the certificate says).
import * as asn1js from 'asn1js';
import { encodeRoles, ROLES_EXTENSION_OID, type StudioRole } from './roles';
import { x509 } from './x509';

export function editRoles(certificatePem: string, roles: StudioRole[]): string {
  const der = new x509.X509Certificate(certificatePem).rawData;
  const cert = asn1js.fromBER(der).result as asn1js.Sequence;
  const tbs = cert.valueBlock.value[0] as asn1js.Sequence;
  const extsWrapper = tbs.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 3) as asn1js.Constructed;
  const exts = extsWrapper.valueBlock.value[0] as asn1js.Sequence;
  for (const ext of exts.valueBlock.value as asn1js.Sequence[]) {
    const [oid] = ext.valueBlock.value;
    if ((oid as asn1js.ObjectIdentifier).valueBlock.toString() !== ROLES_EXTENSION_OID) continue;
    const last = ext.valueBlock.value.length - 1;
    ext.valueBlock.value[last] = new asn1js.OctetString({ valueHex: encodeRoles(roles) });
  }
  return x509.PemConverter.encode(cert.toBER(false), 'CERTIFICATE');
}
