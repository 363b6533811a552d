// The workbooks and CSV files sent with a template's data: the files the
// clerk chose (kept across choices, each removable), which of them the
// data's `from:` names, and a button that points a table of the data at a
// chosen file, so that no one has to write the YAML line by hand.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const attached = new Map(); // file name → File
  let tables = []; // the template's fields that hold a list of rows

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  // The file names the data's `{from: …}` entries name (YAML or JSON).
  function namedFiles(text) {
    const names = new Set();
    const re = /["']?\bfrom["']?\s*:\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^,}\n#]+))/g;
    let m;
    while ((m = re.exec(text))) names.add((m[1] ?? m[2] ?? m[3]).trim());
    return names;
  }

  function changed() {
    show();
    if (window.VBPage) VBPage.schedule();
  }

  function show() {
    const list = $('tpl-file-list');
    list.textContent = '';
    const named = namedFiles($('tpl-data').value);
    for (const name of attached.keys()) {
      const li = el('li', {}, name + (named.has(name) ? ' — số liệu đang dùng tệp này ' : ' — số liệu chưa dùng tệp này '));
      const remove = el('button', { type: 'button', 'aria-label': 'Bỏ tệp ' + name }, 'Bỏ');
      remove.addEventListener('click', () => { attached.delete(name); changed(); $('tpl-files').focus(); });
      li.appendChild(remove);
      list.appendChild(li);
    }
    for (const name of named) {
      if (!attached.has(name)) list.appendChild(el('li', { class: 'missing' }, name + ' — số liệu cần tệp này nhưng chưa chọn'));
    }
    // The file control's own status, in Vietnamese (the input itself is emptied after each choice).
    $('tpl-files-status').textContent = attached.size ? [...attached.keys()].join(', ') : 'Chưa chọn tệp';
    $('tpl-clear-files').hidden = attached.size === 0;
    $('tpl-use').hidden = attached.size === 0 || tables.length === 0;
    const select = $('tpl-use-file');
    const chosen = select.value;
    select.textContent = '';
    for (const name of attached.keys()) select.appendChild(el('option', { value: name }, name));
    if (attached.has(chosen)) select.value = chosen;
  }

  // The data with `field` read from `file`: `field: {from: "file"}` in
  // place of the field's block (or added at the end).
  function pointAt(text, field, file) {
    if (/^\s*\{/.test(text)) {
      try {
        const value = JSON.parse(text);
        value[field] = { from: file };
        return JSON.stringify(value, null, 2) + '\n';
      } catch (e) { /* not JSON after all: YAML below */ }
    }
    const entry = field + ': {from: ' + JSON.stringify(file) + '}';
    const lines = text.split('\n');
    const key = new RegExp('^["\']?' + field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '["\']?\\s*:');
    const start = lines.findIndex((l) => key.test(l));
    if (start < 0) return text.replace(/\n*$/, '\n') + entry + '\n';
    // The block: lines indented or opening a list item, under the key.
    let end = start + 1;
    while (end < lines.length && (lines[end] === '' || /^[\s-]/.test(lines[end]))) end++;
    while (end > start + 1 && lines[end - 1].trim() === '') end--;
    lines.splice(start, end - start, entry);
    return lines.join('\n');
  }

  function use() {
    const file = $('tpl-use-file').value;
    const field = $('tpl-use-field').value;
    if (!file || !field) return;
    const data = $('tpl-data');
    data.value = pointAt(data.value, field, file);
    changed();
  }

  window.VBAttach = {
    files: () => [...attached.values()],
    // A new template: no files yet; its tables offered, the largest first chosen.
    setTemplate(info) {
      attached.clear();
      const counts = new Map();
      for (const f of (info && info.fields) || []) {
        const m = /^([^.[\]]+)\[\]\.[^[]+$/.exec(f.path);
        if (m) counts.set(m[1], (counts.get(m[1]) || 0) + 1);
      }
      tables = [...counts.keys()];
      const select = $('tpl-use-field');
      select.textContent = '';
      for (const name of tables) {
        const about = ((info.fields || []).find((f) => f.path === name + '[]') || {}).description;
        select.appendChild(el('option', { value: name }, name + (about ? ' — ' + about : '')));
      }
      if (tables.length) select.value = tables.reduce((a, b) => (counts.get(b) > counts.get(a) ? b : a));
      show();
    },
    show,
  };

  $('tpl-files').addEventListener('change', (e) => {
    for (const file of e.target.files) attached.set(file.name, file);
    e.target.value = '';
    changed();
  });
  $('tpl-clear-files').addEventListener('click', () => { attached.clear(); changed(); $('tpl-files').focus(); });
  $('tpl-use-btn').addEventListener('click', use);
  $('tpl-data').addEventListener('input', show);
})();
