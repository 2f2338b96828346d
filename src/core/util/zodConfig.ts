// zod compiles fast object parsers with `new Function` when the page allows eval; the app's CSP does not,
// and zod's probe for it would be reported as a CSP violation. Parse without code generation everywhere.
import { z } from 'zod';

z.config({ jitless: true });
