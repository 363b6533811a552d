// The drafting page: the form (form.js) or a template's data, a live PDF
// preview re-rendered as the clerk types (debounced), downloads, opening
// and saving the input as YAML or JSON.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const status = $('status');
  const preview = $('preview');
  let mode = { template: null };
  let lastUrl = null;
  let sequence = 0;
  let timer = null;
  // The input the preview (or the problems beside the fields) was made from.
  let shownKey = null;

  function inputKey() {
    if (!mode.template) return 'form ' + JSON.stringify(VBForm.collect());
    const files = VBAttach.files().map((f) => f.name + ' ' + f.size + ' ' + f.lastModified).join('|');
    return 'template ' + mode.template + '\n' + files + '\n' + $('tpl-data').value;
  }

  // Every /v1/ call: Vietnamese messages; the token if the server asks for one.
  async function api(path, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = Object.assign({ 'Accept-Language': 'vi' }, opts.headers || {});
    const token = sessionStorage.getItem('vanban-token');
    if (token) opts.headers.Authorization = 'Bearer ' + token;
    let response = await fetch(path, opts);
    if (response.status === 401) {
      const given = window.prompt('Máy chủ yêu cầu mã truy cập (token):');
      if (given) {
        sessionStorage.setItem('vanban-token', given);
        opts.headers.Authorization = 'Bearer ' + given;
        response = await fetch(path, opts);
      }
    }
    return response;
  }
  window.VBApi = api;

  function setStatus(text, kind) {
    status.textContent = text;
    status.className = kind || '';
  }

  // The request that renders what is on the page now, in `format`.
  function renderRequest(format) {
    if (mode.template) {
      const form = new FormData();
      form.append('data', new Blob([$('tpl-data').value], { type: 'application/yaml' }), 'data.yaml');
      for (const file of VBAttach.files()) form.append('files', file, file.name);
      return ['/v1/templates/' + encodeURIComponent(mode.template) + '/render?format=' + format, { method: 'POST', body: form }];
    }
    return ['/v1/render?format=' + format, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(VBForm.collect()),
    }];
  }

  function showProblems(problems, detail) {
    const general = $('general-errors');
    general.textContent = '';
    $('tpl-errors').textContent = '';
    if (mode.template) {
      // Beside the data: each problem (a refused cell names its file, sheet and cell).
      for (const p of problems) {
        const line = document.createElement('div');
        line.textContent = (p.path ? p.path + ': ' : '') + p.message;
        $('tpl-errors').appendChild(line);
      }
      if (!problems.length && detail) $('tpl-errors').textContent = detail;
      if ($('tpl-errors').textContent) $('tpl-data').setAttribute('aria-invalid', 'true');
      else $('tpl-data').removeAttribute('aria-invalid');
      return;
    }
    const left = VBForm.showProblems(problems);
    if (left.length || (detail && !problems.length)) {
      const list = document.createElement('ul');
      for (const p of left) {
        const li = document.createElement('li');
        li.textContent = (p.line ? 'Dòng ' + p.line + ': ' : '') + p.message;
        list.appendChild(li);
      }
      if (!problems.length) general.textContent = detail;
      else general.appendChild(list);
    }
  }

  async function refresh() {
    const mine = ++sequence;
    const key = inputKey();
    setStatus('Đang dựng bản xem trước…', 'busy');
    let response;
    try {
      response = await api(...renderRequest('pdf'));
    } catch (e) {
      setStatus('Không kết nối được máy chủ', 'bad');
      return;
    }
    if (mine !== sequence) return;
    if (response.ok) {
      const blob = await response.blob();
      if (mine !== sequence) return;
      showProblems([], '');
      if (lastUrl) URL.revokeObjectURL(lastUrl);
      lastUrl = URL.createObjectURL(blob);
      preview.src = lastUrl;
      const version = Number(preview.dataset.version) + 1;
      preview.dataset.version = String(version);
      setStatus('Đã cập nhật bản xem trước (lần ' + version + ')');
      shownKey = key;
      return;
    }
    let problem = { problems: [], detail: response.statusText };
    try { problem = await response.json(); } catch (e) { /* not problem+json */ }
    if (mine !== sequence) return;
    showProblems(problem.problems || [], problem.detail || '');
    shownKey = key;
    const count = (problem.problems || []).length;
    setStatus(count ? 'Có ' + count + ' lỗi cần sửa' : (problem.detail || 'Lỗi ' + response.status), 'bad');
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  }

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function fileName(response, fallback) {
    const cd = response.headers.get('Content-Disposition') || '';
    const m = /filename="([^"]+)"/.exec(cd);
    return m ? m[1] : fallback;
  }

  async function downloadRendered(format) {
    const response = await api(...renderRequest(format));
    if (!response.ok) { await refresh(); return; }
    download(fileName(response, 'van-ban.' + format), await response.blob());
    setStatus('Đã tải ' + format.toUpperCase());
  }

  // YAML as people write it: keys in the form's order, the body as a block.
  function toYaml(value, indent) {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
      return value.map((item) => {
        if (item && typeof item === 'object') {
          const inner = toYaml(item, indent + 2).replace(/^\s+/, '');
          return pad + '- ' + inner;
        }
        return pad + '- ' + scalar(item, indent + 2);
      }).join('\n');
    }
    return Object.entries(value).map(([k, v]) => {
      if (Array.isArray(v)) return v.length ? pad + k + ':\n' + toYaml(v, indent + 2) : pad + k + ': []';
      if (v && typeof v === 'object') return pad + k + ':\n' + toYaml(v, indent + 2);
      return pad + k + ': ' + scalar(v, indent + 2);
    }).join('\n');
  }
  function scalar(v, indent) {
    if (typeof v === 'string' && v.includes('\n') && !/^\s/.test(v)) {
      const pad = ' '.repeat(indent + 2);
      return '|' + (v.endsWith('\n') ? '' : '-') + '\n' + v.replace(/\n$/, '').split('\n').map((l) => (l ? pad + l : '')).join('\n');
    }
    // JSON's double-quoted strings are YAML's too.
    return typeof v === 'string' ? JSON.stringify(v) : String(v);
  }

  // A template's data saved from the page starts with the template's name,
  // so that opening the file again goes back to that template.
  const MARK = /^# mẫu: ([\w-]+)[ \t]*\r?\n/;
  function marked(data) { return '# mẫu: ' + mode.template + '\n' + data.normalize('NFC').replace(MARK, ''); }

  async function openFile(file) {
    const text = await file.text();
    const mark = MARK.exec(text.normalize('NFC'));
    if (mark && (window.VBTemplates || []).some((t) => t.name === mark[1])) {
      await chooseStart(mark[1], text.normalize('NFC').replace(MARK, ''));
      return;
    }
    const name = file.name.toLowerCase();
    const type = name.endsWith('.json') ? 'application/json' : name.endsWith('.toml') ? 'application/toml' : 'application/yaml';
    const response = await api('/v1/to-json', { method: 'POST', headers: { 'Content-Type': type }, body: text });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showProblems(problem.problems || [], problem.detail || 'Không đọc được tệp');
      return;
    }
    chooseStart('');
    VBForm.fill(await response.json());
    schedule();
  }

  // Form or template; a template's data is `data`, or its example.
  async function chooseStart(name, data) {
    mode.template = name || null;
    $('start').value = name || '';
    $('doc-form').hidden = !!name;
    $('tpl-form').hidden = !name;
    $('save-yaml').disabled = false;
    if (name) {
      const info = (window.VBTemplates || []).find((t) => t.name === name);
      $('tpl-about').textContent = info ? info.about : '';
      VBAttach.setTemplate(info);
      if (data != null) {
        $('tpl-data').value = data;
      } else {
        const response = await api('/v1/templates/' + encodeURIComponent(name) + '/example');
        $('tpl-data').value = response.ok ? await response.text() : '';
      }
      VBAttach.show();
      schedule();
    }
  }

  async function boot() {
    const [schema, kinds, templates] = await Promise.all([
      api('/v1/schema').then((r) => r.json()),
      api('/v1/kinds').then((r) => r.json()),
      api('/v1/templates').then((r) => r.json()),
    ]);
    window.VBTemplates = templates;
    VBForm.build(schema, kinds, $('form-fields'));
    VBForm.fill({ kind: 'ke-hoach' });
    for (const t of templates) {
      const option = document.createElement('option');
      option.value = t.name;
      option.textContent = 'Mẫu: ' + t.about;
      option.disabled = !t.example;
      $('start').appendChild(option);
    }
    $('doc-form').addEventListener('input', schedule);
    $('doc-form').addEventListener('change', schedule);
    $('doc-form').addEventListener('click', (e) => { if (e.target.tagName === 'BUTTON') schedule(); });
    $('tpl-data').addEventListener('input', schedule);
    $('start').addEventListener('change', (e) => chooseStart(e.target.value));
    $('open-btn').addEventListener('click', () => $('open-file').click());
    $('open-file').addEventListener('change', (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ''; });
    $('save-yaml').addEventListener('click', () => {
      const text = mode.template ? marked($('tpl-data').value) : toYaml(VBForm.collect(), 0) + '\n';
      download(mode.template ? mode.template + '.yaml' : 'van-ban.yaml', new Blob([text], { type: 'application/yaml' }));
    });
    $('save-json').addEventListener('click', () => {
      if (mode.template) { setStatus('Số liệu của mẫu lưu dạng YAML', 'bad'); return; }
      download('van-ban.json', new Blob([JSON.stringify(VBForm.collect(), null, 2) + '\n'], { type: 'application/json' }));
    });
    preview.addEventListener('load', () => { preview.dataset.loaded = preview.dataset.version; });
    $('dl-pdf').addEventListener('click', () => downloadRendered('pdf'));
    $('dl-docx').addEventListener('click', () => downloadRendered('docx'));
    document.dispatchEvent(new Event('vanban-ready'));
    document.body.dataset.ready = 'true';
    refresh();
  }

  // Whether what the page shows (preview or problems) is of the input as it
  // is now, and the frame has loaded the latest PDF.
  const upToDate = () => document.body.dataset.ready === 'true' && shownKey === inputKey()
    && (preview.dataset.loaded || '0') === preview.dataset.version;

  window.VBPage = { refresh, upToDate, schedule, collect: () => VBForm.collect(), isTemplate: () => !!mode.template, currentTemplate: () => mode.template };
  boot().catch((e) => setStatus('Không tải được trang: ' + e, 'bad'));
})();
