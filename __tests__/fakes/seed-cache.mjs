// Saves arbitrary bytes as the action's snapshot file under a cache key, with the real @actions/cache,
// to plant old-format or corrupt snapshots. Run with cwd = GITHUB_WORKSPACE and the cache env set.
// Usage: node seed-cache.mjs KEY FILE
import { mkdirSync, copyFileSync } from 'node:fs';
import * as cache from '@actions/cache';

const [key, source] = process.argv.slice(2);
mkdirSync('.m365-alerts-cache', { recursive: true });
copyFileSync(source, '.m365-alerts-cache/snapshot.json.gz');
const id = await cache.saveCache(['.m365-alerts-cache'], key);
if (id === -1) process.exit(1);
