import { run } from './main.js';

// The runner starts `node dist/index.js`; everything else happens in run(), which never throws.
await run();
