// core/shotgrammar: shot grammar (words → shot description), framing maths (description → camera), moves as
// keyframes, coverage of two actors, and the pure edits that put the result in the document.
export * from './vocabulary';
export * from './description';
export * from './tokens';
export * from './parse';
export * from './body';
export * from './framingTable';
export * from './project';
export * from './place';
export * from './camera';
export * from './lensChoice';
export * from './obstacles';
export * from './solve';
export * from './ots';
export * from './insert';
export * from './coverage';
export * from './moves';
export * from './chips';
export * from './apply';
export * from './compose';
