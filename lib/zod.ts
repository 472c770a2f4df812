import { z } from 'zod';

// Extension pages forbid eval (CSP): tell zod not to try compiling validators with `new Function`.
z.config({ jitless: true });

export { z };
