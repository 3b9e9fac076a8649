// The workbench page: plain JavaScript, no framework, nothing from the network
// but this server.  Every change goes to the server, which checks it with the
// same code as `junheng check` and answers with the whole county state.
'use strict';

const $ = (sel) => document.querySelector(sel);
let current = null;      // the county id shown
let state = null;        // its last state from the server

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function status(text, bad) {
  const s = $('#status');
  s.textContent = text || '';
  s.className = 'status' + (bad ? ' error' : '');
}

async function call(method, url, body) {
  const opt = { method, headers: { 'X-Junheng': '1' }, credentials: 'same-origin' };
  if (body) opt.body = body;
  const r = await fetch(url, opt);
  let j = null;
  try { j = await r.json(); } catch (e) { j = { error: '服务器的回答无法读取（' + r.status + '）' }; }
  if (r.status === 401) { location.href = '/login'; }
  if (!r.ok && !j.errors) throw new Error(j.error || ('请求失败：' + r.status));
  return j;
}

async function loadCounties() {
  const list = await call('GET', '/api/counties');
  const ul = $('#counties');
  ul.textContent = '';
  if (!list.length) ul.append(el('li', { class: 'muted' }, '没有找到县（区）文件夹'));
  for (const c of list) {
    const a = el('a', { href: '#' + encodeURIComponent(c.id), 'data-id': c.id },
                 (c.county || c.id) + (c.year ? ' ' + c.year : ''));
    if (c.has_pending) a.append(el('span', { class: 'badge' }, '待确认'));
    ul.append(el('li', {}, a));
  }
  markActive();
}

function markActive() {
  document.querySelectorAll('#counties a').forEach(a =>
    a.classList.toggle('active', a.dataset.id === current));
}

// ---- settings: a form built from the configuration schema ----

const openSections = new Set(['report', 'data', 'balance', 'narrative']);

function settingInput(sec, k) {
  const name = sec.name + '|' + k.key;
  const orig = k.value == null ? '' : k.value;
  let input;
  if (k.type === 'choice' || k.type === 'bool') {
    input = el('select', { name });
    const opts = k.type === 'bool' ? ['yes', 'no'] : k.choices.split('|').map(c => c.split(',')[0]);
    input.append(el('option', { value: '' }, '（默认' + (k.default ? '：' + k.default : '') + '）'));
    for (const o of opts) input.append(el('option', { value: o }, o));
    input.value = opts.includes(orig) ? orig : '';
  } else {
    input = el('input', { name, type: 'text', value: orig, placeholder: k.default ? '默认：' + k.default : '' });
  }
  input.dataset.orig = orig;
  if (!k.editable) { input.disabled = true; input.title = '这是文件名，请直接在 INI 文件中修改'; }
  const label = el('label', { title: k.help || '' },
                   el('span', { class: 'k' }, (k.label || k.key) + (k.required ? ' *' : '')),
                   el('span', { class: 'muted key' }, k.key), input,
                   k.unit ? el('span', { class: 'unit' }, k.unit) : null);
  return label;
}

async function loadSettings() {
  const s = await call('GET', '/api/county/' + encodeURIComponent(current) + '/settings');
  $('#settings-file').textContent = s.file;
  const box = $('#settings');
  box.textContent = '';
  for (const sec of s.sections) {
    if (!sec.keys.length && sec.name !== 'narrative') continue;
    const d = el('details', { 'data-section': sec.name },
                 el('summary', {}, sec.label + ' ', el('span', { class: 'muted' }, '[' + sec.name + '] ' + (sec.help || ''))));
    if (openSections.has(sec.name)) d.open = true;
    const grid = el('div', { class: 'settings-grid' });
    for (const k of sec.keys) grid.append(settingInput(sec, k));
    if (!sec.keys.length) grid.append(el('p', { class: 'muted' }, '（此节没有内容）'));
    d.append(grid);
    box.append(d);
  }
}

async function saveSettings(e) {
  e.preventDefault();
  const body = new URLSearchParams();
  document.querySelectorAll('#settings [name]').forEach(i => { if (!i.disabled && i.value !== i.dataset.orig) body.append(i.name, i.value); });
  const st = $('#settings-status'), errs = $('#settings-errors');
  errs.textContent = '';
  if (![...body.keys()].length) { st.textContent = '没有改动。'; return; }
  st.textContent = '正在检查和保存……';
  st.className = 'status';
  const r = await fetch('/api/county/' + encodeURIComponent(current) + '/settings',
                        { method: 'POST', headers: { 'X-Junheng': '1' }, body, credentials: 'same-origin' });
  const j = await r.json();
  if (!r.ok) {
    st.textContent = j.error || '保存失败';
    st.className = 'status error';
    for (const d of j.errors || []) errs.append(el('li', {}, (d.line ? place(d) + ' ' : '') + d.msg + (d.hint ? '（' + d.hint + '）' : '')));
    return;
  }
  show(j);
  await loadSettings();
  st.textContent = '已保存，并已按新设置重新检查和计算。';
  st.className = 'status ok';
}

// ---- the county's own words: practices.md ----

async function loadPractices() {
  const p = await call('GET', '/api/county/' + encodeURIComponent(current) + '/practices');
  $('#practices').value = p.text;
  $('#practices').placeholder = p.exists ? '' : '（本县文件夹中还没有 practices.md；在这里写好后保存即可。junheng init 会生成带各节标题的模板。）';
  $('#practices-status').textContent = '';
}

async function savePractices() {
  const st = $('#practices-status');
  const body = new URLSearchParams();
  body.append('text', $('#practices').value);
  try {
    await call('POST', '/api/county/' + encodeURIComponent(current) + '/practices', body);
    st.textContent = '已保存。';
    st.className = 'status ok';
  } catch (e) { st.textContent = e.message; st.className = 'status error'; }
}

async function openCounty(id) {
  current = id;
  markActive();
  $('#welcome').hidden = true;
  $('#county').hidden = false;
  $('#viewer').hidden = true;
  $('#render-result').textContent = '';
  status('正在读取和检查……');
  try { show(await call('GET', '/api/county/' + encodeURIComponent(id))); await loadSettings(); await loadPractices(); }
  catch (e) { status(e.message, true); }
}

// The version the page works on: the correction waiting, else the data in force.
function shown() { return state.pending || state.current; }

function show(s) {
  state = s;
  const v = shown();
  $('#county-title').textContent = v.title || ((s.county || s.id) + (s.year ? ' ' + s.year + '年' : ''));
  $('#data-file').textContent = (s.pending ? '待确认的更正（原文件 ' + (s.current.file || '') + ' 保持不变）'
                                           : (v.file || '')) + (v.encoding ? ' · ' + v.encoding : '');
  const ne = v.errors.length, nw = v.warnings.length;
  status(ne ? `发现 ${ne} 个错误` + (nw ? `，${nw} 个警告` : '') + '：报告暂不能生成，请按下面的提示更正。'
            : (nw ? `检查通过，有 ${nw} 个警告。` : '检查通过，没有发现问题。'), ne > 0);
  showProblems(v);
  showTable(v);
  showDiff(s);
  $('#figures-which').textContent = s.pending ? '（按待确认的更正计算）' : '';
  const ul = $('#verdicts');
  ul.textContent = '';
  for (const d of v.verdicts || []) ul.append(el('li', { class: d.ok ? 'yes' : 'no' }, d.text));
  $('#figures').innerHTML = v.figures_html || '<p class="muted">数据有错误时不计算数字。</p>';
  document.querySelectorAll('[data-render]').forEach(b => { b.disabled = !state.current.ok; });
  loadCounties();
}

function place(d) {
  let p = d.file || '';
  if (d.line > 0) p += ':' + d.line;
  if (d.col > 0) p += ':' + d.col;
  return p;
}

function showProblems(v) {
  const box = $('#problems');
  box.textContent = '';
  for (const [list, cls, title] of [[v.errors, 'error', '错误'], [v.warnings, 'warning', '警告']]) {
    if (!list.length) continue;
    const ul = el('ul', { class: cls + 's' });
    for (const d of list) {
      const li = el('li', { class: cls, 'data-row': d.row, 'data-column': d.column },
                    el('span', { class: 'place' }, place(d)), d.msg,
                    d.hint ? el('div', { class: 'hint' }, '提示：' + d.hint) : null);
      li.addEventListener('click', () => focusCell(d.row, d.column));
      ul.append(li);
    }
    box.append(el('h4', {}, title + '（' + list.length + '）'), ul);
  }
}

function focusCell(row, col) {
  const sel = col >= 0 ? `td[data-row="${row}"][data-col="${col}"]` : `tr[data-row="${row}"] td`;
  const td = document.querySelector('#data-table ' + sel);
  if (td) { td.scrollIntoView({ block: 'center', inline: 'center' }); if (col >= 0) td.focus(); }
}

function showTable(v) {
  const t = $('#data-table');
  t.textContent = '';
  const rows = v.rows || [];
  const bad = new Map();   // "row,col" -> class
  for (const [list, cls] of [[v.warnings, 'warn'], [v.errors, 'bad']])
    for (const d of list) if (d.row >= 0) bad.set(d.row + ',' + (d.column >= 0 ? d.column : '*'), cls);
  rows.forEach((r, i) => {
    const tr = el('tr', { 'data-row': i });
    if (bad.get(i + ',*') === 'bad') tr.className = 'bad-row';
    tr.append(el(i ? 'td' : 'th', { class: 'ln' }, String(r.line)));
    r.cells.forEach((c, j) => {
      if (i === 0) { tr.append(el('th', {}, c)); return; }
      const td = el('td', { 'data-row': i, 'data-col': j, contenteditable: 'true', spellcheck: 'false' }, c);
      const cls = bad.get(i + ',' + j);
      if (cls) td.classList.add(cls);
      td.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); td.blur(); } });
      td.addEventListener('blur', () => { if (td.textContent !== c) cellChanged(); });
      tr.append(td);
    });
    t.append(tr);
  });
}

// The table as CSV text (UTF-8): what an edited cell uploads.
function tableCsv() {
  const q = (s) => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const out = [];
  document.querySelectorAll('#data-table tr').forEach((tr, i) => {
    const cells = [...tr.children].slice(1).map(c => q(c.textContent.trim()));
    out.push(cells.join(','));
  });
  return out.join('\r\n') + '\r\n';
}

async function upload(blob, name) {
  if (blob.size > 20 * 1024 * 1024) { status('文件太大：上传不能超过 20 MB', true); return; }
  const fd = new FormData();
  fd.append('file', blob, name);
  status('正在上传和检查……');
  try { show(await call('POST', '/api/county/' + encodeURIComponent(current) + '/data', fd)); }
  catch (e) { status(e.message, true); }
}

let editTimer = null;
function cellChanged() {
  clearTimeout(editTimer);
  editTimer = setTimeout(() => upload(new Blob([tableCsv()], { type: 'text/csv' }), 'schools.csv'), 150);
}

const kindTitle = { config: '设置变化', data: '学校数据变化', schools: '新增或删除的学校（学段）',
                    figures: '报告中发生变化的数字', verdicts: '发生改变的结论' };

function showDiff(s) {
  const sec = $('#sec-diff');
  sec.hidden = !s.pending;
  const box = $('#diff');
  box.textContent = '';
  if (!s.pending) return;
  $('#accept').disabled = !s.pending.ok;
  if (!s.diff) {
    box.append(el('p', { class: 'muted' }, s.pending.ok ? '原数据有错误，无法比较。' : '更正后的数据还有错误，改正后才能比较。'));
    return;
  }
  let any = false;
  for (const k of ['config', 'data', 'schools', 'figures', 'verdicts']) {
    const list = s.diff[k] || [];
    if (!list.length) continue;
    any = true;
    const t = el('table', { id: 'diff-' + k });
    for (const c of list) {
      const who = c.code ? c.code + ' ' + (c.name || '') : (c.level === 'primary' ? '小学' : c.level === 'middle' ? '初中' : '全报告');
      const oldv = k === 'verdicts' ? c.old_text : c.old, newv = k === 'verdicts' ? c.new_text : c.new;
      t.append(el('tr', {}, el('td', {}, who), el('td', {}, c.label || ''),
                  el('td', { class: 'old' }, oldv == null ? '—' : String(oldv)), el('td', {}, '→'),
                  el('td', { class: k === 'verdicts' ? 'flip' : 'new' }, newv == null ? '—' : String(newv))));
    }
    box.append(el('h4', {}, kindTitle[k] + '（' + list.length + '）'), t);
  }
  if (!any) box.append(el('p', {}, '与原数据相同：报告不会改变。'));
  else if (!s.diff.changed) box.append(el('p', {}, '数据有变化，但报告中印出的数字和结论都不变。'));
}

async function act(what) {
  try { show(await call('POST', '/api/county/' + encodeURIComponent(current) + '/' + what)); status(what === 'accept' ? '已接受更正：现在的数据就是更正后的数据。' : '已放弃更正。'); }
  catch (e) { status(e.message, true); }
}

async function render(what, button) {
  const res = $('#render-result');
  res.textContent = '正在生成……（同时生成的任务多时需要排队）';
  document.querySelectorAll('[data-render]').forEach(b => { b.disabled = true; });
  try {
    const r = await call('POST', '/api/county/' + encodeURIComponent(current) + '/render/' + what);
    res.textContent = '';
    if (!r.ok) {
      res.append(el('p', { class: 'status error' }, '生成失败：'));
      const ul = el('ul', {});
      for (const d of r.errors) ul.append(el('li', {}, (d.file ? place(d) + ' ' : '') + d.msg + (d.hint ? '（' + d.hint + '）' : '')));
      res.append(ul);
      return;
    }
    const url = '/api/county/' + encodeURIComponent(current) + '/file/' + r.file;
    res.append(el('p', { class: 'ok' }, `已生成 ${r.file}（${r.ms} 毫秒）。 `,
                  el('a', { href: url + '?download=1', id: 'download-' + what, download: '' }, '下载'),
                  r.file.endsWith('.pdf') ? ' · ' : null,
                  r.file.endsWith('.pdf') ? el('a', { href: url, target: '_blank', id: 'open-' + what }, '在新窗口打开') : null));
    const v = $('#viewer');
    if (r.file.endsWith('.pdf')) { v.hidden = false; v.src = url + '#view=FitH&t=' + Date.now(); }
    else v.hidden = true;
  } catch (e) { res.textContent = e.message; }
  finally { document.querySelectorAll('[data-render]').forEach(b => { b.disabled = !state.current.ok; }); }
}

window.addEventListener('DOMContentLoaded', () => {
  $('#upload-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = $('#upload-input').files[0];
    if (!f) { status('请先选择一个文件', true); return; }
    upload(f, f.name);
  });
  $('#accept').addEventListener('click', () => act('accept'));
  $('#settings-form').addEventListener('submit', saveSettings);
  $('#practices-save').addEventListener('click', savePractices);
  $('#discard').addEventListener('click', () => act('discard'));
  document.querySelectorAll('[data-render]').forEach(b => b.addEventListener('click', () => render(b.dataset.render, b)));
  window.addEventListener('hashchange', () => { const id = decodeURIComponent(location.hash.slice(1)); if (id) openCounty(id); });
  loadCounties().then(() => { const id = decodeURIComponent(location.hash.slice(1)); if (id) openCounty(id); })
    .catch(e => { $('#counties').textContent = e.message; });
});
