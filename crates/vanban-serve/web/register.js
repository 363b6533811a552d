// The register on the page (when the server runs with --db): "Cấp số"
// issues the draft in the form, the year's entries are listed, and the
// year's book can be downloaded.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const year = new Date().getFullYear();

  // 2026-03-08 → 08/03/2026, as the register book writes dates.
  function shownDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (iso || '');
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  async function load() {
    const response = await VBApi('/v1/register?year=' + year);
    if (!response.ok) return false;
    const entries = await response.json();
    const body = $('register-rows');
    body.textContent = '';
    for (const e of entries) {
      const row = document.createElement('tr');
      cell(row, String(e.number).padStart(2, '0') + '/' + e.symbol);
      cell(row, shownDate(e.date));
      cell(row, e.summary);
      cell(row, e.signer);
      body.appendChild(row);
    }
    $('register-count').textContent = entries.length + ' văn bản đã cấp số năm ' + year;
    return true;
  }

  async function issue() {
    if (VBPage.isTemplate()) {
      $('register-message').textContent = 'Cấp số dùng biểu mẫu văn bản (không dùng mẫu số liệu)';
      return;
    }
    const draft = VBPage.collect();
    delete draft.number;
    delete draft.date;
    const response = await VBApi('/v1/register/issue', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(draft),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('register-message').textContent = body.detail || 'Không cấp số được';
      if (body.problems) VBForm.showProblems(body.problems);
      return;
    }
    $('register-message').textContent = 'Đã cấp số ' + String(body.number).padStart(2, '0') + '/' + body.symbol + ' ngày ' + shownDate(body.date);
    await load();
  }

  // The year's book (sổ đăng ký văn bản đi) as PDF, DOCX or XLSX.
  async function book(format) {
    const response = await VBApi('/v1/register/book?year=' + year + '&format=' + format);
    if (!response.ok) { $('register-message').textContent = 'Chưa tải được sổ'; return; }
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await response.blob());
    a.download = 'so-di-' + year + '.' + format;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    $('register-message').textContent = 'Đã tải sổ đăng ký năm ' + year + ' (' + format.toUpperCase() + ')';
  }

  async function boot() {
    const panel = $('register-panel');
    panel.innerHTML = '<h2>Sổ đăng ký văn bản đi</h2>'
      + '<div class="toolbar"><button type="button" id="issue-btn">Cấp số</button>'
      + '<span id="book-label">Tải sổ đăng ký năm ' + year + ':</span>'
      + ['pdf', 'docx', 'xlsx'].map((f) => '<button type="button" class="book" data-format="' + f + '"'
        + ' aria-label="Tải sổ đăng ký năm ' + year + ' dạng ' + f.toUpperCase() + '">' + f.toUpperCase() + '</button>').join('')
      + '</div>'
      + '<p id="register-message" role="status" aria-live="polite"></p>'
      + '<p id="register-count"></p>'
      + '<table class="register" aria-label="Văn bản đã cấp số"><thead><tr>'
      + '<th scope="col">Số, ký hiệu</th><th scope="col">Ngày</th><th scope="col">Trích yếu</th><th scope="col">Người ký</th>'
      + '</tr></thead><tbody id="register-rows"></tbody></table>';
    if (!(await load())) return;
    panel.hidden = false;
    $('issue-btn').addEventListener('click', issue);
    for (const button of panel.querySelectorAll('button.book')) button.addEventListener('click', () => book(button.dataset.format));
    document.body.dataset.register = 'true';
  }

  if (document.body.dataset.ready === 'true') boot();
  else document.addEventListener('vanban-ready', boot);
})();
