// The lint page: a DOCX or PDF dropped or chosen → POST /v1/lint → the
// findings grouped by the element they concern.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  async function lint(file) {
    $('lint-file-status').textContent = file.name;
    $('lint-status').textContent = 'Đang kiểm tra ' + file.name + '…';
    $('lint-result').textContent = '';
    const form = new FormData();
    form.append('file', file, file.name);
    const headers = { 'Accept-Language': 'vi' };
    const token = sessionStorage.getItem('vanban-token');
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch('/v1/lint', { method: 'POST', body: form, headers });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('lint-status').textContent = file.name + ': ' + (body.detail || 'không đọc được tệp');
      return;
    }
    show(file.name, body[0].report);
  }

  function show(name, report) {
    const findings = report.findings || [];
    const errors = findings.filter((f) => f.severity === 'error').length;
    const summary = findings.length === 0
      ? name + ': không có lỗi nào'
      : name + ': ' + errors + ' lỗi, ' + (findings.length - errors) + ' cảnh báo';
    $('lint-status').textContent = summary;
    $('lint-status').dataset.errors = String(errors);
    const byElement = new Map();
    for (const f of findings) {
      if (!byElement.has(f.element)) byElement.set(f.element, []);
      byElement.get(f.element).push(f);
    }
    const out = $('lint-result');
    for (const [element, list] of byElement) {
      const section = el('section');
      section.appendChild(el('h2', element));
      for (const f of list) {
        const box = el('div', null, 'finding ' + f.severity);
        box.setAttribute('role', 'group');
        box.appendChild(el('strong', (f.severity === 'error' ? 'Lỗi' : 'Cảnh báo') + ' ' + f.rule + ' (' + f.section + ')'));
        const where = [f.page ? 'trang ' + f.page : null, f.paragraph ? 'đoạn ' + f.paragraph : null].filter(Boolean).join(', ');
        if (where) box.appendChild(el('div', where));
        if (f.text) box.appendChild(el('div', '“' + f.text + '”'));
        box.appendChild(el('div', 'Hiện có: ' + f.found));
        box.appendChild(el('div', 'Nghị định yêu cầu: ' + f.expected));
        section.appendChild(box);
      }
      out.appendChild(section);
    }
  }

  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) lint(e.dataTransfer.files[0]);
  });
  $('lint-file').addEventListener('change', (e) => { if (e.target.files[0]) lint(e.target.files[0]); });
  document.body.dataset.ready = 'true';
})();
