export * from './pdfWriter';
export * from './pdfInspect';
export * from './winAnsi';
export * from './helvetica';
export * from './planSheet';
export * from './storyboardSheet';
