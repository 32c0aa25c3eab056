export const id = 297077;
export const ids = [297077];
export const modules = {

/***/ 12759:
/***/ ((module) => {

/*!
 * escape-html
 * Copyright(c) 2012-2013 TJ Holowaychuk
 * Copyright(c) 2015 Andreas Lubbe
 * Copyright(c) 2015 Tiancheng "Timothy" Gu
 * MIT Licensed
 */



/**
 * Module variables.
 * @private
 */

var matchHtmlRegExp = /["'&<>]/;

/**
 * Module exports.
 * @public
 */

module.exports = escapeHtml;

/**
 * Escape special characters in the given string of html.
 *
 * @param  {string} string The string to escape for inserting into HTML
 * @return {string}
 * @public
 */

function escapeHtml(string) {
  var str = '' + string;
  var match = matchHtmlRegExp.exec(str);

  if (!match) {
    return str;
  }

  var escape;
  var html = '';
  var index = 0;
  var lastIndex = 0;

  for (index = match.index; index < str.length; index++) {
    switch (str.charCodeAt(index)) {
      case 34: // "
        escape = '&quot;';
        break;
      case 38: // &
        escape = '&amp;';
        break;
      case 39: // '
        escape = '&#39;';
        break;
      case 60: // <
        escape = '&lt;';
        break;
      case 62: // >
        escape = '&gt;';
        break;
      default:
        continue;
    }

    if (lastIndex !== index) {
      html += str.substring(lastIndex, index);
    }

    lastIndex = index + 1;
    html += escape;
  }

  return lastIndex !== index
    ? html + str.substring(lastIndex, index)
    : html;
}


/***/ }),

/***/ 96917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPageMode: () => (/* binding */ runPageMode)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/errors.ts
var errors = __webpack_require__(37827);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/github/runner.ts + 15 modules
var runner = __webpack_require__(34393);
// EXTERNAL MODULE: ./src/github/unavailable.ts
var unavailable = __webpack_require__(13997);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/config/fields.ts
var fields = __webpack_require__(90081);
// EXTERNAL MODULE: ./src/page/html.ts + 1 modules
var page_html = __webpack_require__(35386);
// EXTERNAL MODULE: ./src/page/model.ts
var page_model = __webpack_require__(34934);
;// CONCATENATED MODULE: ./src/page/generate.ts






async function generatePage(input) {
    const names = input.environments ?? Object.keys(input.config.environments).filter((n) => input.config.environments[n].history.record);
    const notes = [];
    const envs = [];
    for (const name of names) {
        const cfg = Object.hasOwn(input.config.environments, name) ? input.config.environments[name] : undefined;
        if (!cfg)
            throw new errors/* UserError */.yo(`page: --environment ${JSON.stringify(name)} is not an environment of the config (${Object.keys(input.config.environments).join(', ')})`);
        const store = input.storeOf(name);
        const read = await store.read(name, input.now - (page_model/* PAGE_DAYS */.Ah + 1) * fields/* DAY */.d_, input.now);
        if (read.skipped)
            notes.push(`${name}: ${read.skipped} unreadable record${read.skipped === 1 ? '' : 's'} skipped in ${store.where}`);
        envs.push({ name, records: read.records, ...(cfg.slo ? { slo: cfg.slo } : {}) });
    }
    // Redacted before escaping: an escaped secret (`&amp;`) would no longer match the Redactor.
    const model = input.redactor.value((0,page_model/* buildPageModel */.nJ)(envs, input.incidents ?? [], input.now));
    const html = input.redactor.text((0,page_html/* renderPageHtml */.rK)(model, { incidentsKnown: input.incidents !== undefined, ...(input.title ? { title: input.title } : {}) }));
    const json = input.redactor.text((0,page_html/* renderPageJson */.mQ)(model));
    await (0,promises_.mkdir)(input.outDir, { recursive: true });
    const htmlPath = (0,external_node_path_.join)(input.outDir, 'index.html');
    const jsonPath = (0,external_node_path_.join)(input.outDir, 'status.json');
    await (0,promises_.writeFile)(htmlPath, html);
    await (0,promises_.writeFile)(jsonPath, json);
    return { dir: input.outDir, html: htmlPath, json: jsonPath, model, bytes: Buffer.byteLength(html), notes };
}

// EXTERNAL MODULE: ./src/page/incidents.ts
var page_incidents = __webpack_require__(35580);
;// CONCATENATED MODULE: ./src/page/action.ts







/**
 * `mode: page`: the status page of every environment that records its history, from the data
 * branch, with the open and recent incident issues. Leaves the folder (`page-path`) for
 * actions/upload-pages-artifact and, with `page-publish: branch`, also writes it to that branch (each file
 * through the data branch's writer: blob sha, read again on a conflict). Runs no check.
 */
async function runPageMode(opts, ctx, github) {
    const { /* redactor */ "$p": redactor } = runner;
    const { publish, branch } = opts.page;
    const loaded = await (0,load/* loadConfigFile */.H)(opts.configPath, process.env);
    if (!loaded)
        throw new errors/* UserError */.yo(`mode page: the config file ${opts.configPath} does not exist (the page lists its environments; is there an actions/checkout step?)`);
    for (const s of loaded.secrets)
        redactor.add(s);
    const config = loaded.config;
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const outDir = (0,external_node_path_.resolve)(workspace, opts.page.dir);
    const inside = (0,external_node_path_.relative)(workspace, outDir);
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside))
        throw new errors/* UserError */.yo(`input page-dir: ${JSON.stringify(opts.page.dir)} is outside the workspace ${workspace}; name a folder inside it`);
    const { octokit, owner, repo } = await github.get();
    const { BranchFiles } = await Promise.all(/* import() */[__webpack_require__.e(766335), __webpack_require__.e(215342)]).then(__webpack_require__.bind(__webpack_require__, 77210));
    const { GitHubRunStore } = await __webpack_require__.e(/* import() */ 154965).then(__webpack_require__.bind(__webpack_require__, 1528));
    const notes = [];
    let incidents;
    try {
        const { listIncidentIssues } = await Promise.all(/* import() */[__webpack_require__.e(766335), __webpack_require__.e(999687)]).then(__webpack_require__.bind(__webpack_require__, 61196));
        const issues = await listIncidentIssues(octokit, { owner, repo }, config.incidents.labels.base);
        incidents = (0,page_incidents/* incidentsFromIssues */.w)(issues, config.incidents, `${ctx.serverUrl}/${owner}/${repo}`);
    }
    catch (err) {
        notes.push(`incidents: not read (${err.message}); the page has no incidents section`);
    }
    const out = await generatePage({
        config,
        storeOf: (environment) => new GitHubRunStore(new BranchFiles(octokit, { owner, repo }, config.environments[environment].history.branch)),
        ...(incidents ? { incidents } : {}),
        now: Date.now(),
        outDir,
        title: opts.page.title,
        redactor,
    });
    notes.push(...out.notes);
    runner/* setOutput */.uH('page-path', out.dir);
    if (publish === 'branch' && opts.dryRun)
        notes.push(`page: not published to ${branch} (dry run)`);
    if (publish === 'branch' && !opts.dryRun) {
        const files = new BranchFiles(octokit, { owner, repo }, branch);
        try {
            const { readFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
            for (const [name, path] of [['index.html', out.html], ['status.json', out.json]]) {
                const text = await readFile(path, 'utf8');
                await files.update(name, () => text, `launchguard: status page ${out.model.generatedAt}`);
            }
            notes.push(`page: published to ${files.where}`);
        }
        catch (err) {
            if (!(err instanceof unavailable/* GitHubUnavailable */.k))
                throw err;
            notes.push(`page: not published (${err.message})`);
        }
    }
    const envs = out.model.environments.map((e) => `${e.name} (${e.runs} run${e.runs === 1 ? '' : 's'}, ${e.incidents.length} incident${e.incidents.length === 1 ? '' : 's'})`).join(', ');
    const lines = [`page: ${out.dir} (index.html ${Math.ceil(out.bytes / 1024)} kB, status.json): ${envs || 'no environment records its history'}`, ...notes].map((l) => redactor.text(l));
    for (const l of lines)
        runner/* info */.pq(l);
    if (process.env.GITHUB_STEP_SUMMARY)
        await runner/* summary */.z.addRaw(`## launchguard status page\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`).write();
    runner/* setOutput */.uH('status', 'pass');
}


/***/ })

};
