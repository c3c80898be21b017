export const id = 46;
export const ids = [46];
export const modules = {

/***/ 1046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCacheSnapshotStore: () => (/* binding */ ActionsCacheSnapshotStore)
/* harmony export */ });
/* unused harmony exports CACHE_DIR, cacheKeyPrefix, cacheSaveKey */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1863);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3801);





/**
 * The snapshot in the GitHub Actions cache. Cache entries are immutable, so every run saves under a
 * key of its own (`<prefix>-<tenant>-<run id>-<attempt>`) and restores the newest entry by prefix.
 *
 * restoreCache answers `undefined` both for "no entry" and for "the service failed" (it only logs a
 * warning). The two must not be confused: an outage taken for a first run would post every alert of
 * the look-back window again. So the warnings it writes while restoring are watched.
 */
const CACHE_DIR = '.m365-alerts-cache';
const FILE_NAME = 'snapshot.json.gz';
function cacheKeyPrefix(prefix, scope) {
    return `${prefix}-${scope}-`;
}
function cacheSaveKey(prefix, scope, env = process.env) {
    const runId = env.GITHUB_RUN_ID || `local${Date.now()}`;
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    return `${cacheKeyPrefix(prefix, scope)}${runId}-${attempt}`;
}
/** Runs `work` while copying what it writes to stdout, returning the failure lines @actions/cache logged. */
async function watchCacheWarnings(work) {
    const failures = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        for (const line of text.split(/\r?\n/)) {
            if (/^::(warning|error)::Failed to restore/.test(line))
                failures.push(line.replace(/^::\w+::/, ''));
        }
        return original(chunk, ...rest);
    });
    try {
        return { result: await work(), failures };
    }
    finally {
        process.stdout.write = original;
    }
}
class ActionsCacheSnapshotStore {
    prefix;
    identity;
    env;
    kind = 'actions-cache';
    filePath = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(CACHE_DIR, FILE_NAME);
    constructor(prefix, identity, env = process.env) {
        this.prefix = prefix;
        this.identity = identity;
        this.env = env;
    }
    /** Paths are given to @actions/cache relative to the workspace, as the same literal string every time. */
    get absoluteFile() {
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(this.env.GITHUB_WORKSPACE || process.cwd(), this.filePath);
    }
    async load(now) {
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(this.absoluteFile), { recursive: true, force: true });
        let matchedKey;
        try {
            const watched = await watchCacheWarnings(() => _actions_cache__WEBPACK_IMPORTED_MODULE_3__.restoreCache([CACHE_DIR], cacheKeyPrefix(this.prefix, this.identity.scope)));
            matchedKey = watched.result;
            if (!matchedKey && watched.failures.length > 0) {
                return { status: 'unavailable', reason: watched.failures.join('; ') };
            }
        }
        catch (error) {
            return { status: 'unavailable', reason: error.message };
        }
        if (!matchedKey)
            return { status: 'missing' };
        let bytes;
        try {
            const { size } = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.stat(this.absoluteFile);
            // gzip compresses JSON about ten times; a file this big is no snapshot this action wrote.
            if (size > _format_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_SNAPSHOT_BYTES */ .qB / 4)
                return { status: 'untrusted', reason: `its ${FILE_NAME} is ${Math.round(size / 1024 / 1024)} MiB`, key: matchedKey };
            bytes = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(this.absoluteFile);
        }
        catch (error) {
            return {
                status: 'untrusted',
                reason: `the entry holds no ${FILE_NAME} (${error.code ?? error.message})`,
                key: matchedKey
            };
        }
        try {
            const text = (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .gunzipSnapshot */ .OS)(bytes);
            // The signature names the key the entry was saved under: one uploaded again under another key fails here.
            const { snapshot, resign } = (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .checkSnapshot */ .Po)(text, { ...this.identity, now, boundTo: matchedKey });
            return { status: 'found', snapshot, key: matchedKey, digest: (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .contentDigest */ .eZ)(text), resign };
        }
        catch (error) {
            if (error instanceof _format_js__WEBPACK_IMPORTED_MODULE_4__/* .SnapshotUntrustedError */ .ds)
                return { status: 'untrusted', reason: error.message, key: matchedKey };
            throw error;
        }
        finally {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(this.absoluteFile), { recursive: true, force: true });
        }
    }
    async save(snapshot, json) {
        const key = cacheSaveKey(this.prefix, this.identity.scope, this.env);
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(this.absoluteFile), { recursive: true });
        await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.writeFile(this.absoluteFile, (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.gzipSync)((0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .serializeSnapshot */ .DP)(snapshot, this.identity.signingKeys[0], json, key)));
        try {
            const cacheId = await _actions_cache__WEBPACK_IMPORTED_MODULE_3__.saveCache([CACHE_DIR], key);
            if (cacheId === -1)
                throw new Error(`the Actions cache did not accept the snapshot under key ${key} (see the warning above)`);
        }
        finally {
            await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(this.absoluteFile), { recursive: true, force: true });
        }
        return key;
    }
}


/***/ })

};

//# sourceMappingURL=46.index.js.map