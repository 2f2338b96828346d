// The consent form's fields as a person reads them, for sentences beside each field and for the one-line
// refusal when a consent is recorded without the form (the studio CLI, a script).
import { fieldErrors, type FieldSpecs } from '../util/fieldErrors';
import { ConsentRecord, isPlaceholderHash } from './consent';
import type { ConsentDraft } from './actions';
import { CONSENT_TYPE, DISCLOSURE_SCHEMA_VERSION } from './vocab';

export const CONSENT_FIELDS: FieldSpecs = {
  'performer.name': { label: 'Performer', missing: "Enter the performer's name." },
  'performer.status': { label: 'Status', missing: 'Choose whether the performer is a private person, a public figure or deceased.' },
  'representative.name': { label: 'Representative', missing: "Enter the representative's name." },
  'representative.capacity': { label: 'Capacity', missing: 'Enter the capacity the representative signs in, such as executor of the estate.' },
  alteration: { label: 'Alteration', missing: 'Choose the alteration the performer agreed to.' },
  intendedUse: { label: 'Intended use', missing: 'Describe the specific intended use: which shots, what change, what for.' },
  useScope: { label: 'Use', missing: 'Choose whether the result may reach the final cut.' },
  'projectScope.detail': { label: 'Project scope' },
  signedDate: { label: 'Signed on', missing: 'Enter the date the consent was signed.', invalid: 'Enter the date it was signed, such as 2026-11-30.' },
  signedBy: { label: 'Signed by', missing: 'Enter who signed the consent.' },
  documentSha256: { label: 'Signed document', missing: 'Attach the signed consent document.', invalid: 'Attach the signed consent document.' },
  expires: { label: 'Expires', invalid: 'Enter the expiry date such as 2027-11-30, or leave it empty.' },
};

/** The problems of a consent form's draft, one sentence per field (empty when it may be recorded). */
export function consentDraftErrors(draft: Omit<ConsentDraft, 'consentId'>): Record<string, string> {
  const r = ConsentRecord.safeParse(
    // the parts the app fills in when it records are stand-ins here: only what the person typed is checked
    { ...draft, consentId: 'draft', type: CONSENT_TYPE, schemaVersion: DISCLOSURE_SCHEMA_VERSION, recordedBy: { name: 'draft', role: 'legal', keyId: '' }, recordedAt: '' },
    { reportInput: true },
  );
  const out = r.success ? {} : fieldErrors(r.error.issues, CONSENT_FIELDS);
  if (!out.documentSha256 && isPlaceholderHash(draft.documentSha256)) out.documentSha256 = CONSENT_FIELDS.documentSha256!.missing!;
  return out;
}
