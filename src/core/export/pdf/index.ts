export * from './pdfWriter';
export * from './sheetFonts';
export * from './textFit';
export * from './planSheet';
export * from './storyboardSheet';
