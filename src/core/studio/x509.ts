// The one door to @peculiar/x509: it resolves its algorithm providers through tsyringe, which needs the
// reflect-metadata polyfill loaded before it, and it is told to use the platform's WebCrypto (browser or Node).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
