// tsagmerge serve: the page. Plain JavaScript, no framework. Every result it
// shows comes from the API (see the README's "serve" section); the page
// only lays it out. Text from files is always set as text, never as HTML.
'use strict';

(() => {
  const token = document.querySelector('meta[name="tsagmerge-token"]').content;
  const COVER_KEY = 'tsagmerge.cover.v1';
  const $ = (id) => document.getElementById(id);

  let config = null;   // GET /api/config
  let session = null;  // the session's description
  let report = null;   // check's report on it
  let published = false;

  // el builds an element: el('p', {class: 'x', text: 'y'}, child...).
  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function withToken(url) {
    return url + (url.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  }

  async function api(path, opts = {}) {
    const headers = Object.assign({'X-Tsagmerge-Token': token}, opts.headers || {});
    let res;
    try {
      res = await fetch(path, Object.assign({}, opts, {headers}));
    } catch (e) {
      return {status: 0, ok: false, body: {error: 'tsagmerge serve does not answer (was it stopped?)'}};
    }
    const type = res.headers.get('Content-Type') || '';
    const body = type.startsWith('application/json') ? await res.json() : await res.blob();
    return {status: res.status, ok: res.ok, body, res};
  }

  function postJSON(path, value) {
    return api(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(value)});
  }

  // The status line in the header: a spinner while busy.
  function status(text, busy = false) {
    const s = $('status');
    s.querySelector('.text').textContent = text;
    s.querySelector('.spinner').hidden = !busy;
    s.setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function plural(n, noun) { return n === 1 ? `1 ${noun}` : `${n} ${noun}s`; }
  function kb(bytes) { return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`; }
  function regionName(code) {
    const r = config.regions.find((x) => x.code === code);
    return r ? r.name : code;
  }
  function label(kind) {
    const k = config.kinds.find((x) => x.kind === kind);
    return k ? k.label : kind;
  }
  function day(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
  }

  // ---- Upload ------------------------------------------------------------

  // A folder is read as tsagmerge reads one: its own files, not its
  // sub-folders'. Each item is {file, name}; name keeps the folder for
  // the server to strip.
  function fromInput(list) {
    const out = [];
    let skipped = 0;
    for (const f of list) {
      const rel = f.webkitRelativePath || f.name;
      if (rel.split('/').length > 2) { skipped++; continue; }
      out.push({file: f, name: rel});
    }
    return {items: out, skipped};
  }

  async function fromDrop(dt) {
    const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (entries.length === 0) return {items: [...dt.files].map((f) => ({file: f, name: f.name})), skipped: 0};
    const items = [];
    let skipped = 0;
    const file = (entry) => new Promise((ok, no) => entry.file(ok, no));
    for (const entry of entries) {
      if (entry.isFile) {
        items.push({file: await file(entry), name: entry.name});
        continue;
      }
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, no) => reader.readEntries(ok, no));
        if (batch.length === 0) break;
        for (const e of batch) {
          if (e.isFile) items.push({file: await file(e), name: entry.name + '/' + e.name});
          else skipped++;
        }
      }
    }
    return {items, skipped};
  }

  function showUploadError(msg) {
    const box = $('upload-error');
    box.className = 'alert';
    box.textContent = msg;
    box.hidden = !msg;
  }

  function upload({items, skipped}) {
    showUploadError('');
    if (items.length === 0) {
      showUploadError(skipped ? 'The folder has no files of its own (only sub-folders, which are not read).' : 'No file was dropped.');
      return;
    }
    // The server refuses more (and says so), but a browser may not show
    // its answer to a body it has not finished sending: say it first.
    const total = items.reduce((n, it) => n + it.file.size, 0);
    if (total > config.limits.upload_bytes || items.length > config.limits.files) {
      showUploadError(`${plural(items.length, 'file')} of ${kb(total)}: an upload may hold ${config.limits.files} files and ${kb(config.limits.upload_bytes)}. Drop the contributions only.`);
      return;
    }
    const fd = new FormData();
    for (const it of items) fd.append('files', it.file, it.name);
    const bar = $('upload-progress');
    bar.hidden = false;
    bar.value = 0;
    status(`Sending ${plural(items.length, 'file')}…`, true);
    setBusy(true);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sessions');
    xhr.setRequestHeader('X-Tsagmerge-Token', token);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    };
    xhr.upload.onload = () => status('Reading and checking the contributions…', true);
    xhr.onerror = () => {
      bar.hidden = true;
      setBusy(false);
      status('The upload failed.');
      showUploadError('tsagmerge serve does not answer (was it stopped?)');
    };
    xhr.onload = async () => {
      bar.hidden = true;
      setBusy(false);
      const body = xhr.response || {};
      if (xhr.status !== 201) {
        status('The upload was refused.');
        showUploadError(body.error || `The upload was refused (HTTP ${xhr.status}).`);
        return;
      }
      if (session) api(`/api/sessions/${session.id}`, {method: 'DELETE'});
      session = body;
      published = false;
      $('build-result').replaceChildren();
      if (skipped) showNote(`${plural(skipped, 'sub-folder')} left out: only a folder's own files are read.`);
      await loadReport();
    };
    xhr.send(fd);
  }

  function showNote(msg) {
    const box = $('upload-error');
    box.textContent = msg;
    box.className = 'alert note';
    box.hidden = false;
  }

  async function loadReport() {
    status('Reading the findings…', true);
    const r = await api(session.report);
    if (!r.ok) {
      status('The report could not be read.');
      showUploadError(r.body.error || `HTTP ${r.status}`);
      return;
    }
    report = r.body;
    renderRegions();
    renderFindings();
    renderCounts();
    renderDownloads();
    $('build-draft').disabled = false;
    $('build-td').disabled = false;
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    status(errors ? `${plural(errors, 'finding')} to settle before publication.` : 'Nothing stops publication.');
  }

  // ---- Regions and findings ------------------------------------------------

  function fileLine(f) {
    return el('li', {}, el('span', {class: `badge ${f.status}`, text: f.status}), ' ',
      el('span', {class: 'name', text: f.path}), f.reason ? `: ${f.reason}` : '');
  }

  function renderRegions() {
    const list = $('regions');
    list.replaceChildren();
    for (const {code, name} of config.regions) {
      const files = report.files.filter((f) => f.region === code);
      const used = files.filter((f) => f.status === 'used');
      const found = report.findings.filter((f) => f.region === code);
      const errors = found.filter((f) => f.severity === 'error').length;
      const warnings = found.filter((f) => f.severity === 'warning').length;
      const missing = report.missing_regions.includes(code) || used.length === 0;
      let cls = 'region';
      let tally;
      if (missing) {
        cls += ' missing';
        tally = el('span', {class: 'badge info', text: 'no contribution'});
      } else if (errors) {
        cls += ' has-errors';
        tally = el('span', {class: 'badge error', text: plural(errors, 'error')});
      } else if (warnings) {
        cls += ' has-warnings';
        tally = el('span', {class: 'badge warning', text: plural(warnings, 'warning')});
      } else {
        tally = el('span', {class: 'badge ok', text: 'nothing to fix'});
      }
      const others = files.filter((f) => f.status !== 'used');
      const link = session.downloads.find((d) => d.kind === 'findings' && d.region === code);
      list.append(el('li', {class: cls, id: `region-${code}`},
        el('h3', {}, el('span', {}, name, ' ', el('span', {class: 'code', text: code})), tally),
        used.map((f) => el('p', {class: 'used', text: f.path}))[0] || el('p', {class: 'hint', text: missing ? 'Nothing received for this region.' : ''}),
        others.length ? el('ul', {class: 'files'}, ...others.map(fileLine)) : null,
        link ? el('a', {class: 'report-link', href: withToken(link.url), download: link.name, text: 'Findings report to send back'}) : null));
    }
    const loose = report.files.filter((f) => !f.region);
    const box = $('other-files');
    box.replaceChildren();
    if (loose.length) box.append(el('h3', {text: 'Other files'}), el('ul', {class: 'files'}, ...loose.map(fileLine)));
    $('regions-card').hidden = false;
  }

  function where(f) {
    const parts = [];
    if (f.section) parts.push(`§ ${f.section}`);
    if (f.paragraph) parts.push(`¶${f.paragraph}`);
    if (f.file && !parts.length) parts.push(f.file);
    return parts.join(' ');
  }

  function findingCard(f) {
    const card = el('article', {class: `finding ${f.severity}`},
      el('p', {class: 'head'}, el('span', {class: `badge ${f.severity}`, text: f.severity}),
        el('strong', {text: label(f.kind)}), el('span', {class: 'where', text: where(f)})));
    if (!f.thread || f.thread.length === 0) card.append(el('p', {class: 'text', text: f.text}));
    if (f.thread && f.thread.length) {
      card.append(el('ol', {class: 'thread', 'aria-label': 'Comment thread'}, ...f.thread.map((c, i) =>
        el('li', {class: i ? 'reply' : ''},
          el('span', {class: 'who', text: c.author || 'unknown author'}),
          c.date ? el('time', {datetime: c.date, text: day(c.date)}) : null,
          c.resolved ? el('span', {class: 'badge ok', text: 'resolved'}) : null,
          el('p', {text: c.text})))));
    }
    if (f.context && f.context !== f.text) {
      const lbl = f.thread && f.thread.length ? 'Anchored at' : 'In the text';
      card.append(el('blockquote', {}, el('span', {class: 'lbl', text: lbl}), `“${f.context}”`));
    }
    return card;
  }

  function renderFindings() {
    const box = $('findings');
    box.replaceChildren();
    const groups = [...config.regions.map((r) => r.code), ''];
    for (const code of groups) {
      const found = report.findings.filter((f) => (f.region || '') === code);
      const used = report.files.filter((f) => f.region === code && f.status === 'used');
      if (!found.length && !used.length) continue;
      const head = el('h3', {}, code ? `${regionName(code)} (${code})` : 'Not of one region');
      if (used.length) head.append(' ', el('span', {class: 'file', text: `· ${used.map((f) => f.path).join(', ')}`}));
      const group = el('section', {class: 'group', id: `findings-${code || 'none'}`, 'aria-label': code ? regionName(code) : 'Not of one region'}, head);
      if (!found.length) group.append(el('p', {class: 'nothing', text: 'Nothing to fix.'}));
      for (const f of found) group.append(findingCard(f));
      box.append(group);
    }
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    const files = report.files.filter((f) => f.status === 'used').length;
    const v = $('verdict');
    v.textContent = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}: ` +
      (errors ? 'not ready to publish as they are' : 'ready to publish');
    v.className = 'verdict ' + (errors ? 'bad' : 'good');
    $('findings-card').hidden = false;
  }

  function renderCounts() {
    const n = (kind) => report.findings.filter((f) => f.kind === kind).length;
    const c = n('unresolved-comment');
    const rv = n('pending-revision');
    $('n-comments').textContent = `(${c} open ${c === 1 ? 'thread' : 'threads'})`;
    $('n-revisions').textContent = `(${rv} ${rv === 1 ? 'paragraph' : 'paragraphs'} with pending changes)`;
  }

  // ---- Cover ---------------------------------------------------------------

  const contactFields = [
    ['name', 'Name', 'e.g. Jane Doe', 'name'],
    ['organization', 'Organization', 'e.g. TSB', 'organization'],
    ['country', 'Country', 'e.g. Switzerland', 'country-name'],
    ['tel', 'Telephone', 'e.g. +41 22 730 0000', 'tel'],
    ['email', 'E-mail', 'e.g. jane.doe@itu.int', 'email'],
  ];

  function contactRow(c, i) {
    const row = el('div', {class: 'contact', 'data-index': String(i + 1)});
    const remove = el('button', {type: 'button', class: 'button link', text: 'Remove', 'aria-label': `Remove contact ${i + 1}`});
    remove.addEventListener('click', () => {
      const cover = readCover();
      cover.contacts.splice(i, 1);
      fillCover(cover);
      coverChanged();
    });
    row.append(el('div', {class: 'contact-head'}, el('span', {text: `Contact ${i + 1}`}), remove));
    for (const [key, text, ph, auto] of contactFields) {
      const id = `c-contact${i + 1}-${key}`;
      const input = el('input', {id, 'data-key': `contacts[${i + 1}].${key}`, 'data-field': key, placeholder: ph, autocomplete: auto,
        type: key === 'email' ? 'email' : key === 'tel' ? 'tel' : 'text'});
      input.value = c[key] || '';
      row.append(el('div', {class: key === 'name' || key === 'email' ? 'field wide' : 'field'}, el('label', {for: id, text}), input));
    }
    return row;
  }

  function fillCover(c) {
    for (const input of document.querySelectorAll('#cover [data-key]:not([data-field])')) {
      if (input.tagName === 'FIELDSET') continue;
      input.value = c[input.dataset.key] || '';
    }
    const contacts = c.contacts && c.contacts.length ? c.contacts : [{}];
    $('contact-rows').replaceChildren(...contacts.map(contactRow));
  }

  function readCover() {
    const c = {contacts: []};
    for (const input of document.querySelectorAll('#cover [data-key]:not([data-field])')) {
      if (input.tagName === 'FIELDSET') continue;
      c[input.dataset.key] = input.value;
    }
    for (const row of document.querySelectorAll('#contact-rows .contact')) {
      const k = {};
      for (const input of row.querySelectorAll('[data-field]')) k[input.dataset.field] = input.value;
      c.contacts.push(k);
    }
    return c;
  }

  // coverToSend is the cover without the contact rows that hold nothing
  // but the organization and country the form fills in: not a contact yet.
  function coverToSend() {
    const c = readCover();
    c.contacts = c.contacts.filter((k) => [k.name, k.tel, k.email].some((v) => v && v.trim()));
    return c;
  }

  let coverTimer = 0;
  function coverChanged() {
    localStorage.setItem(COVER_KEY, JSON.stringify(readCover()));
    withdrawTD();
    clearTimeout(coverTimer);
    coverTimer = setTimeout(checkCover, 300);
  }

  // checkCover has the server judge the cover as consolidate does, and
  // marks the fields it names.
  async function checkCover(strict = false) {
    const r = await postJSON('/api/cover/check', coverToSend());
    if (!r.ok) return;
    showProblems(r.body.problems, r.body.missing, strict);
  }

  function showProblems(problems, missing, strict) {
    for (const e of document.querySelectorAll('#cover .field-error')) e.remove();
    for (const e of document.querySelectorAll('#cover [aria-invalid]')) {
      e.removeAttribute('aria-invalid');
      e.removeAttribute('aria-describedby');
    }
    const box = $('cover-needs');
    box.replaceChildren();
    const shown = [];
    for (const p of problems) {
      const input = document.querySelector(`#cover [data-key="${CSS.escape(p.key)}"]`);
      const empty = input && input.tagName !== 'FIELDSET' && !input.value.trim();
      if (!strict && (empty || p.key === 'contacts')) continue; // listed below as still needed
      shown.push(p);
      if (!input) continue;
      const id = `err-${input.id || 'contacts'}`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
      input.closest('.field, fieldset').append(el('p', {class: 'field-error', id, text: p.text}));
    }
    if (missing && missing.length) {
      // Missing names the cover's keys (and the command line's flags).
      const names = {td_number: 'the TD number', place: 'the place', date: 'the dates'};
      const needed = missing.map((m) => m.replace(/ \(--[a-z]+\)$/, '')).map((m) => names[m] || m);
      box.append(el('p', {class: 'todo', text: `Still needed to publish: ${needed.join(', ')}. A draft fills them with markers.`}));
    } else if (!shown.length) {
      box.append(el('p', {class: 'ok', text: 'The cover is complete.'}));
    }
  }

  async function saveMeta() {
    const r = await postJSON('/api/cover/yaml', coverToSend());
    if (!r.ok) {
      status(r.body.error || 'meta.yaml could not be made.');
      return;
    }
    const url = URL.createObjectURL(r.body);
    const a = el('a', {href: url, download: 'meta.yaml'});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function loadMeta(file) {
    const r = await api('/api/cover/parse', {method: 'POST', headers: {'Content-Type': 'application/yaml'}, body: await file.text()});
    if (!r.ok) {
      const box = $('cover-needs');
      box.replaceChildren(el('div', {class: 'alert', role: 'alert'}, `${file.name}: ${r.body.error}`));
      return;
    }
    fillCover(r.body);
    coverChanged();
  }

  // ---- Build ---------------------------------------------------------------

  function choice(name) {
    return document.querySelector(`input[name="${name}"]:checked`).value;
  }

  function setBusy(on) {
    for (const id of ['build-draft', 'build-td', 'pick-files', 'pick-folder']) $(id).disabled = on || (!session && id.startsWith('build'));
  }

  // withdrawTD stops offering a published TD once the cover or the
  // choices it was published with change.
  function withdrawTD() {
    if (!published) return;
    published = false;
    renderDownloads();
    $('build-result').replaceChildren(el('p', {class: 'alert note', text: 'The cover or the choices changed since the TD was published: publish it again.'}));
  }

  async function build(mode) {
    const body = {mode, cover: coverToSend(), comments: choice('comments'), revisions: choice('revisions'), allow: []};
    const result = $('build-result');
    result.replaceChildren();
    setBusy(true);
    status(mode === 'draft' ? 'Building the draft TD…' : 'Checking and publishing the TD…', true);
    const poll = setInterval(async () => {
      const s = await api(`/api/sessions/${session.id}`);
      if (s.ok && s.body.stage) status(s.body.stage.charAt(0).toUpperCase() + s.body.stage.slice(1) + '…', true);
    }, 400);
    const r = await postJSON(`/api/sessions/${session.id}/build`, body);
    clearInterval(poll);
    setBusy(false);
    if (mode === 'publish') published = false;
    if (r.ok) {
      session = r.body.session;
      if (mode === 'publish') published = true;
      const what = mode === 'draft' ? 'Draft TD built' : 'TD published';
      status(`${what} (${r.body.download.name}).`);
      // The library's notes name the command line's flags; the page has fields.
      const notes = r.body.notes.concat(r.body.warnings).map((n) => n.replace(/ \(--[a-z]+\)/g, ''));
      result.append(el('p', {class: 'alert ok', text: `${what} in ${r.body.took_ms} ms: ${r.body.download.name}, ${plural(r.body.regions.length, 'region')}.`}));
      if (notes.length) result.append(el('ul', {}, ...notes.map((n) => el('li', {text: n}))));
      renderDownloads();
      return;
    }
    const s = await api(`/api/sessions/${session.id}`);
    if (s.ok) session = s.body;
    renderDownloads();
    if (r.status === 409) {
      status('Publication refused.');
      const errs = r.body.report.findings.filter((f) => f.severity === 'error');
      result.append(el('div', {class: 'alert', role: 'alert', id: 'refused'},
        el('p', {text: `Not published: ${plural(errs.length, 'finding')} still ${errs.length === 1 ? 'stops' : 'stop'} it. Decide what becomes of the comments and tracked changes (5), or fix the files and drop them again.`}),
        el('ul', {}, ...errs.map((f) => el('li', {text: `${f.region || 'TD'}: ${label(f.kind)}${f.author ? ' (' + f.author + ')' : ''}`})))));
      return;
    }
    status(mode === 'draft' ? 'The draft was not built.' : 'The TD was not published.');
    result.append(el('div', {class: 'alert', role: 'alert'}, r.body.error || `HTTP ${r.status}`));
    if (r.body.problems) showProblems(r.body.problems, [], true);
  }

  function renderDownloads() {
    const list = $('downloads');
    list.replaceChildren();
    if (!session) return;
    const names = {draft: 'Draft TD', td: 'Published TD', index: 'Activity index'};
    for (const kind of ['td', 'draft', 'index']) {
      const d = session.downloads.find((x) => x.kind === kind);
      if (!d || (kind === 'td' && !published)) continue;
      list.append(el('li', {id: `dl-${kind}-item`},
        el('span', {}, el('a', {id: `dl-${kind}`, href: withToken(d.url), download: d.name, text: names[kind]}), ' ', el('span', {class: 'size', text: d.name})),
        el('span', {class: 'size', text: kb(d.bytes)})));
    }
  }

  // ---- Wiring --------------------------------------------------------------

  function wire() {
    const drop = $('drop');
    $('pick-files').addEventListener('click', () => $('files').click());
    $('pick-folder').addEventListener('click', () => $('folder').click());
    for (const id of ['files', 'folder']) {
      $(id).addEventListener('change', (e) => {
        upload(fromInput(e.target.files));
        e.target.value = '';
      });
    }
    for (const t of ['dragenter', 'dragover']) {
      drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); });
    }
    for (const t of ['dragleave', 'drop']) drop.addEventListener(t, () => drop.classList.remove('over'));
    drop.addEventListener('drop', async (e) => {
      e.preventDefault();
      upload(await fromDrop(e.dataTransfer));
    });
    // A file dropped beside the drop zone must not be opened by the browser.
    for (const t of ['dragover', 'drop']) window.addEventListener(t, (e) => e.preventDefault());

    $('cover').addEventListener('input', coverChanged);
    $('cover').addEventListener('submit', (e) => e.preventDefault());
    $('add-contact').addEventListener('click', () => {
      const c = readCover();
      c.contacts.push({organization: 'TSB', country: 'Switzerland'});
      fillCover(c);
      coverChanged();
      document.querySelector(`#c-contact${c.contacts.length}-name`).focus();
    });
    $('save-meta').addEventListener('click', saveMeta);
    $('load-meta').addEventListener('click', () => $('meta-file').click());
    $('meta-file').addEventListener('change', (e) => {
      if (e.target.files[0]) loadMeta(e.target.files[0]);
      e.target.value = '';
    });
    for (const r of document.querySelectorAll('input[name="comments"], input[name="revisions"]')) r.addEventListener('change', withdrawTD);
    $('build-draft').addEventListener('click', () => build('draft'));
    $('build-td').addEventListener('click', () => build('publish'));
  }

  async function start() {
    const r = await api('/api/config');
    if (!r.ok) {
      status(r.body.error || 'tsagmerge serve refused the page.');
      return;
    }
    config = r.body;
    $('c-purpose').replaceChildren(...config.purposes.map((p) => el('option', {value: p, text: p})));
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(COVER_KEY)); } catch (e) { saved = null; }
    const cover = Object.assign({}, config.cover, saved || {});
    if (!saved) cover.contacts = [{organization: 'TSB', country: 'Switzerland'}];
    fillCover(cover);
    wire();
    checkCover();
    document.body.dataset.ready = 'true';
  }

  start();
})();
