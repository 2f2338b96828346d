// Controlled vocabularies the records speak: C2PA actions, IPTC digital source types, review roles.
// Full IPTC URIs, so a downstream reader (C2PA tools, XMP readers) needs no mapping table of ours.

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const DigitalSourceType = {
  /** made by a learned model with no real capture in it */
  trainedAlgorithmicMedia: `${IPTC}trainedAlgorithmicMedia`,
  /** made by a procedural algorithm (a simulation, a hand-written graph) with no learned model */
  algorithmicMedia: `${IPTC}algorithmicMedia`,
  /** real capture altered or composited with learned-model output */
  compositeWithTrainedAlgorithmicMedia: `${IPTC}compositeWithTrainedAlgorithmicMedia`,
  /** real capture composited with synthetic (procedural) elements */
  compositeSynthetic: `${IPTC}compositeSynthetic`,
} as const;
export type DigitalSourceTypeUri = (typeof DigitalSourceType)[keyof typeof DigitalSourceType];
export const DIGITAL_SOURCE_TYPES = Object.values(DigitalSourceType) as [DigitalSourceTypeUri, ...DigitalSourceTypeUri[]];

export const C2PA_ACTIONS = ['c2pa.created', 'c2pa.edited', 'c2pa.placed'] as const;
export type C2paAction = (typeof C2PA_ACTIONS)[number];

/** Relationship of an ingredient to the output, as C2PA names them. */
export const RELATIONSHIPS = ['parentOf', 'componentOf', 'inputTo'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The roles a studio grants in member certificates (src/core/studio); a role claimed anywhere else grants nothing. */
export const REVIEW_ROLES = ['artist', 'vfx-supervisor', 'producer', 'legal', 'performer-rep'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];
/** roles whose approval counts; an artist cannot approve work */
export const APPROVER_ROLES: readonly ReviewRole[] = ['vfx-supervisor', 'producer', 'legal'];

export const SOFTWARE_NAME = 'Previs Sandbox';

export const RECORD_TYPE = 'previs-sandbox/disclosure-record';
export const REVIEW_TYPE = 'previs-sandbox/review-event';
export const CONSENT_TYPE = 'previs-sandbox/consent';
export const REVOCATION_TYPE = 'previs-sandbox/consent-revocation';
export const KEY_TYPE = 'previs-sandbox/signing-key';
export const MEMBER_TYPE = 'previs-sandbox/member-certificate';
export const BUNDLE_TYPE = 'previs-sandbox/disclosure-bundle';
export const DISCLOSURE_SCHEMA_VERSION = 1;
export const PURGE_TYPE = 'previs-sandbox/take-purge';
