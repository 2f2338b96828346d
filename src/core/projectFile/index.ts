export * from './admit';
export * from './read';
