// The register on the page (when the server runs with --db): "Cấp số"
// issues the draft in the form, the year's entries are listed, and the
// year's book can be downloaded.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const year = new Date().getFullYear();

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
      cell(row, e.date);
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
    $('register-message').textContent = 'Đã cấp số ' + String(body.number).padStart(2, '0') + '/' + body.symbol + ' ngày ' + body.date;
    await load();
  }

  async function boot() {
    const panel = $('register-panel');
    panel.innerHTML = '<h2>Sổ đăng ký văn bản đi</h2>'
      + '<div class="toolbar"><button type="button" id="issue-btn">Cấp số</button>'
      + '<a id="book-link" href="#">Tải sổ đăng ký (PDF)</a></div>'
      + '<p id="register-message" role="status" aria-live="polite"></p>'
      + '<p id="register-count"></p>'
      + '<table class="register" aria-label="Văn bản đã cấp số"><thead><tr>'
      + '<th scope="col">Số, ký hiệu</th><th scope="col">Ngày</th><th scope="col">Trích yếu</th><th scope="col">Người ký</th>'
      + '</tr></thead><tbody id="register-rows"></tbody></table>';
    if (!(await load())) return;
    panel.hidden = false;
    $('issue-btn').addEventListener('click', issue);
    $('book-link').addEventListener('click', async (e) => {
      e.preventDefault();
      const response = await VBApi('/v1/register/book?year=' + year + '&format=pdf');
      if (!response.ok) { $('register-message').textContent = 'Chưa tải được sổ'; return; }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(await response.blob());
      a.download = 'so-di-' + year + '.pdf';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    document.body.dataset.register = 'true';
  }

  if (document.body.dataset.ready === 'true') boot();
  else document.addEventListener('vanban-ready', boot);
})();
