// The input form, made from the JSON Schema of the input (GET /v1/schema):
// one control per field, labelled in Vietnamese as the README's input
// table names them; each problem the server reports is shown beside the
// field its path names.
(function () {
  'use strict';

  const LABELS = {
    kind: 'Loại văn bản', parent: 'Cơ quan chủ quản', issuer: 'Cơ quan ban hành',
    'issuer.name': 'Tên cơ quan ban hành', 'issuer.abbreviation': 'Chữ viết tắt tên cơ quan',
    'issuer.unit': 'Đơn vị soạn thảo / lĩnh vực (công văn)', number: 'Số', symbol: 'Ký hiệu',
    place: 'Địa danh', date: 'Ngày ban hành', summary: 'Trích yếu',
    authority_line: 'Thẩm quyền ban hành', bases: 'Căn cứ', addressees: 'Kính gửi',
    body: 'Nội dung', recipients: 'Nơi nhận', archive: 'Lưu', 'archive.units': 'Đơn vị lưu (sau VT)',
    'archive.copies': 'Số bản lưu', signer: 'Người ký', 'signer.authority': 'Quyền hạn ký',
    'signer.title': 'Chức vụ', 'signer.name': 'Họ tên', 'signer.signature_image': 'Ảnh chữ ký (tệp PNG)',
    seal: 'Dấu', 'seal.image': 'Ảnh dấu (tệp PNG)', 'seal.diameter': 'Đường kính dấu (mm)', secretary: 'Thư ký',
    'secretary.signature_image': 'Ảnh chữ ký (tệp PNG)',
    'secretary.authority': 'Quyền hạn ký', 'secretary.title': 'Chức vụ', 'secretary.name': 'Họ tên',
    confirmation: 'Xác nhận (giấy nghỉ phép)', drafter: 'Người soạn thảo, số bản',
    'drafter.initials': 'Chữ viết tắt người soạn thảo', 'drafter.copies': 'Số bản phát hành',
    'drafter.placement': 'Vị trí ký hiệu người soạn thảo', circulation: 'Chỉ dẫn phạm vi lưu hành',
    appendices: 'Phụ lục', 'appendices.title': 'Tên phụ lục', 'appendices.body': 'Nội dung phụ lục',
    'appendices.landscape': 'Trang ngang', 'appendices.kind': 'Loại văn bản ban hành kèm theo',
    urgency: 'Độ khẩn', secrecy: 'Độ mật', style: 'Trình bày', 'style.preset': 'Cỡ chữ',
    'style.margins': 'Lề (mm)', 'style.margins.top': 'Lề trên', 'style.margins.bottom': 'Lề dưới',
    'style.margins.left': 'Lề trái', 'style.margins.right': 'Lề phải',
    'style.first_line_indent': 'Thụt đầu dòng (mm)', 'style.line_spacing': 'Giãn dòng',
    'style.paragraph_spacing': 'Cách đoạn (pt)', 'style.hoa_spelling': 'Cách viết chữ HÒA trong quốc hiệu',
  };
  const HINTS = {
    parent: 'Ví dụ: UBND TỈNH TÂY NINH', 'issuer.name': 'Chữ in hoa, ví dụ: VĂN PHÒNG',
    'issuer.abbreviation': 'Dùng trong ký hiệu, ví dụ: VP', number: 'Để trống nếu chưa cấp số',
    symbol: 'Tự tạo từ loại văn bản và cơ quan (KH-VP); chỉ điền khi cần khác',
    date: 'Năm-tháng-ngày (2024-03-08) hoặc ngày/tháng/năm (08/03/2024); để trống nếu chưa ký',
    summary: 'Công văn: phần sau “V/v”', bases: 'Mỗi dòng một căn cứ; dấu “;” và “.” được thêm tự động',
    recipients: 'Mỗi dòng một nơi nhận; dấu “- ” và “;” được thêm tự động',
    'signer.authority': 'Các dòng TM., KT., Q., TL., TUQ.',
    body: 'Markdown: # → I., ## → 1., ### → a), - → gạch đầu dòng',
  };
  const ORDER = ['kind', 'parent', 'issuer', 'number', 'symbol', 'place', 'date', 'summary',
    'authority_line', 'bases', 'addressees', 'body', 'recipients', 'archive', 'signer',
    'urgency', 'secrecy', 'circulation', 'appendices', 'secretary', 'confirmation', 'drafter', 'style'];
  // Shown at once; the rest under "Trường khác".
  const MAIN = new Set(['kind', 'parent', 'issuer', 'number', 'place', 'date', 'summary', 'bases',
    'addressees', 'body', 'recipients', 'archive', 'signer']);
  const SUB_ORDER = {
    issuer: ['name', 'abbreviation', 'unit'], signer: ['authority', 'title', 'name'],
    secretary: ['authority', 'title', 'name'], archive: ['units', 'copies'],
    drafter: ['initials', 'copies', 'placement'], appendices: ['title', 'kind', 'landscape', 'body'],
  };
  const CHOICES = {
    urgency: [['', '—'], ['khan', 'Khẩn'], ['thuong-khan', 'Thượng khẩn'], ['hoa-toc', 'Hỏa tốc']],
    secrecy: [['', '—'], ['mat', 'Mật'], ['toi-mat', 'Tối mật'], ['tuyet-mat', 'Tuyệt mật']],
    'drafter.placement': [['', 'Dòng riêng (mặc định)'], ['lưu', 'Cuối dòng “Lưu”']],
    'style.hoa_spelling': [['', 'HÒA (mặc định)'], ['HOÀ', 'HOÀ']],
  };
  const TEXTAREAS = new Set(['summary', 'body', 'confirmation', 'appendices.body']);

  let defs = {};
  let uid = 0;
  // Error boxes by field path (list items by index: `appendices.0.title`).
  const errorBoxes = new Map();

  function resolve(node) {
    if (!node) return {};
    if (node.$ref) return resolve(defs[node.$ref.split('/').pop()]);
    if (node.anyOf) {
      const real = node.anyOf.filter((n) => n.type !== 'null');
      if (real.length === 1) return Object.assign({}, resolve(real[0]), { description: node.description });
      const types = real.map((n) => resolve(n));
      if (types.every((t) => t.type === 'string' || t.type === 'integer')) return { type: 'date' };
      return { type: 'choice', options: types };
    }
    if (Array.isArray(node.type)) {
      return Object.assign({}, node, { type: node.type.find((t) => t !== 'null') });
    }
    return node;
  }

  function schemaPath(path) { return path.replace(/\.\d+(?=\.|$)/g, ''); }
  function label(path) {
    const p = schemaPath(path);
    return LABELS[p] || p.split('.').pop();
  }
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') e.textContent = v; else if (v !== undefined && v !== null) e.setAttribute(k, v);
    }
    for (const c of children || []) e.appendChild(c);
    return e;
  }
  function fieldShell(path, control, opts) {
    const id = 'f-' + (++uid);
    control.id = id;
    control.dataset.path = path;
    const err = el('div', { class: 'field-error', id: id + '-err', 'aria-live': 'polite' });
    const hintText = HINTS[schemaPath(path)];
    const hint = hintText ? el('p', { class: 'hint', id: id + '-hint', text: hintText }) : null;
    control.setAttribute('aria-describedby', (hint ? id + '-hint ' : '') + id + '-err');
    const wrap = el('div', { class: 'field', 'data-field': path }, [
      el('label', { for: id, text: label(path) }), ...(hint ? [hint] : []), ...(opts && opts.before ? [opts.before] : []), control, err]);
    errorBoxes.set(path, { err, wrap, control });
    return wrap;
  }

  // A control: {el, get() → value or undefined when empty, set(value)}.
  function build(path, node, kinds) {
    const n = resolve(node);
    const key = schemaPath(path);
    if (key === 'kind') return kindControl(path, kinds);
    if (CHOICES[key]) return selectControl(path, CHOICES[key]);
    if (n.type === 'object') return objectControl(path, n, kinds);
    if (n.type === 'array') {
      const item = resolve(n.items);
      if (item.type === 'object') return objectListControl(path, item, kinds);
      return listControl(path, item.type === 'choice');
    }
    if (n.type === 'integer' || n.type === 'number') return numberControl(path, n.type);
    if (n.type === 'boolean') return boolControl(path);
    if (n.type === 'date') return dateControl(path);
    return textControl(path, TEXTAREAS.has(key));
  }

  function textControl(path, multi) {
    const input = multi ? el('textarea', { rows: path === 'body' ? 18 : 3, spellcheck: 'false' })
      : el('input', { type: 'text' });
    let before = null;
    if (path === 'body' || schemaPath(path) === 'appendices.body') before = markdownButtons(input);
    return {
      el: fieldShell(path, input, { before }),
      get: () => (input.value.trim() === '' ? undefined : input.value),
      set: (v) => { input.value = v == null ? '' : String(v); },
    };
  }

  // Buttons that start the line at the cursor with a heading of the decree's numbering.
  function markdownButtons(area) {
    const box = el('div', { class: 'md-buttons', role: 'toolbar', 'aria-label': 'Chèn đề mục' });
    const marks = [['I.', '# ', 'Chèn mục cấp I (I., II., …)'], ['1.', '## ', 'Chèn khoản 1., 2., …'],
      ['a)', '### ', 'Chèn điểm a), b), …'], ['Điều', '# Điều: ', 'Chèn một Điều'], ['–', '- ', 'Chèn gạch đầu dòng']];
    for (const [text, mark, aria] of marks) {
      const b = el('button', { type: 'button', text, 'aria-label': aria });
      b.addEventListener('click', () => {
        const at = area.selectionStart;
        const lineStart = area.value.lastIndexOf('\n', at - 1) + 1;
        const before = area.value.slice(0, lineStart);
        const after = area.value.slice(lineStart);
        area.value = before + mark + after;
        area.focus();
        area.selectionStart = area.selectionEnd = lineStart + mark.length;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
      box.appendChild(b);
    }
    return box;
  }

  function numberControl(path, type) {
    const input = el('input', { type: 'number', step: type === 'integer' ? '1' : 'any', inputmode: 'decimal' });
    return {
      el: fieldShell(path, input),
      get: () => {
        if (input.value === '') return undefined;
        const v = Number(input.value);
        return Number.isFinite(v) ? v : input.value;
      },
      set: (v) => { input.value = v == null ? '' : String(v); },
    };
  }

  function boolControl(path) {
    const input = el('input', { type: 'checkbox' });
    return {
      el: fieldShell(path, input),
      get: () => (input.checked ? true : undefined),
      set: (v) => { input.checked = !!v; },
    };
  }

  function dateControl(path) {
    const input = el('input', { type: 'text', placeholder: '2024-03-08', autocomplete: 'off' });
    return {
      el: fieldShell(path, input),
      get: () => {
        const v = input.value.trim();
        if (v === '') return undefined;
        return /^\d{4}$/.test(v) ? Number(v) : v;
      },
      set: (v) => { input.value = v == null ? '' : String(v); },
    };
  }

  function selectControl(path, choices) {
    const select = el('select');
    for (const [value, text] of choices) select.appendChild(el('option', { value, text }));
    return {
      el: fieldShell(path, select),
      get: () => (select.value === '' ? undefined : select.value),
      set: (v) => { select.value = v == null ? '' : v; },
    };
  }

  function kindControl(path, kinds) {
    const select = el('select');
    for (const k of kinds) {
      select.appendChild(el('option', { value: k.id, text: k.name + (k.abbreviation ? ' (' + k.abbreviation + ')' : '') }));
    }
    select.value = 'ke-hoach';
    return {
      el: fieldShell(path, select),
      get: () => select.value || undefined,
      set: (v) => {
        if (v == null) return;
        const found = kinds.find((k) => k.id === v || k.name.toLowerCase() === String(v).toLowerCase() || k.abbreviation === v);
        select.value = found ? found.id : v;
      },
    };
  }

  function objectControl(path, n, kinds) {
    const props = Object.keys(n.properties || {});
    const order = path === '' ? ORDER : (SUB_ORDER[schemaPath(path)] || []);
    props.sort((a, b) => rank(order, a) - rank(order, b));
    const children = props.map((p) => [p, build(path ? path + '.' + p : p, n.properties[p], kinds)]);
    let box;
    if (path === '') {
      box = el('div');
      const more = el('details', {}, [el('summary', { text: 'Trường khác (độ khẩn, độ mật, phụ lục, thư ký, trình bày …)' })]);
      for (const [p, c] of children) (MAIN.has(p) ? box : more).appendChild(c.el);
      box.appendChild(more);
    } else {
      box = el('fieldset', { 'data-field': path }, [el('legend', { text: label(path) })]);
      for (const [, c] of children) box.appendChild(c.el);
      const err = el('div', { class: 'field-error', 'aria-live': 'polite' });
      box.appendChild(err);
      errorBoxes.set(path, { err, wrap: box, control: box });
    }
    return {
      el: box,
      get: () => {
        const out = {};
        for (const [p, c] of children) {
          const v = c.get();
          if (v !== undefined) out[p] = v;
        }
        return Object.keys(out).length ? out : undefined;
      },
      set: (v) => { for (const [p, c] of children) c.set(v ? v[p] : undefined); },
    };
  }

  function rank(order, key) { const i = order.indexOf(key); return i < 0 ? 999 : i; }

  // A list of lines (căn cứ, kính gửi, nơi nhận …): one input per item.
  function listControl(path, mixed) {
    const box = el('div', { class: 'list', role: 'group' });
    const rows = el('div');
    const add = el('button', { type: 'button', text: '+ Thêm dòng', 'aria-label': 'Thêm một dòng vào ' + label(path) });
    box.appendChild(rows);
    box.appendChild(add);
    function addRow(value) {
      const input = el('input', { type: 'text', 'aria-label': label(path) + ' — dòng ' + (rows.children.length + 1) });
      input.value = value == null ? '' : (typeof value === 'object' ? JSON.stringify(value) : String(value));
      const remove = el('button', { type: 'button', text: '×', 'aria-label': 'Xóa dòng này của ' + label(path) });
      const row = el('div', { class: 'list-row' }, [input, remove]);
      remove.addEventListener('click', () => { row.remove(); box.dispatchEvent(new Event('input', { bubbles: true })); });
      rows.appendChild(row);
      return input;
    }
    add.addEventListener('click', () => addRow('').focus());
    const shell = fieldShell(path, box);
    shell.querySelector('label').removeAttribute('for');
    shell.querySelector('label').id = box.id + '-label';
    box.setAttribute('aria-labelledby', box.id + '-label');
    return {
      el: shell,
      get: () => {
        const items = [...rows.querySelectorAll('input')].map((i) => i.value.trim()).filter((v) => v !== '')
          .map((v) => { if (mixed && v.startsWith('{')) { try { return JSON.parse(v); } catch (e) { return v; } } return v; });
        return items.length ? items : undefined;
      },
      set: (v) => { rows.textContent = ''; for (const item of v || []) addRow(item); },
    };
  }

  // A list of groups of fields (phụ lục).
  function objectListControl(path, item, kinds) {
    const box = el('div', { role: 'group' });
    const list = el('div');
    const add = el('button', { type: 'button', text: '+ Thêm ' + label(path).toLowerCase() });
    box.appendChild(list);
    box.appendChild(add);
    let controls = [];
    function addItem(value) {
      const c = build(path + '.' + controls.length, item, kinds);
      c.set(value);
      const remove = el('button', { type: 'button', text: 'Xóa', 'aria-label': 'Xóa ' + label(path).toLowerCase() + ' này' });
      c.el.appendChild(remove);
      remove.addEventListener('click', () => {
        const values = controls.filter((x) => x !== c).map((x) => x.get());
        setAll(values);
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      list.appendChild(c.el);
      controls.push(c);
    }
    function setAll(values) { list.textContent = ''; controls = []; for (const v of values || []) addItem(v); }
    add.addEventListener('click', () => addItem({}));
    const shell = fieldShell(path, box);
    shell.querySelector('label').removeAttribute('for');
    return {
      el: shell,
      get: () => {
        const values = controls.map((c) => c.get()).filter((v) => v !== undefined);
        return values.length ? values : undefined;
      },
      set: setAll,
    };
  }

  let root = null;

  window.VBForm = {
    build(schema, kinds, container) {
      defs = schema.$defs || schema.definitions || {};
      errorBoxes.clear();
      root = objectControl('', schema, kinds);
      container.textContent = '';
      container.appendChild(root.el);
    },
    collect() { return root ? root.get() || {} : {}; },
    fill(value) { if (root) root.set(value || {}); },
    // Puts each problem beside its field; returns those that found none.
    showProblems(problems) {
      for (const { err, wrap } of errorBoxes.values()) { err.textContent = ''; wrap.classList.remove('invalid'); }
      const left = [];
      for (const p of problems) {
        let path = (p.path || '').replace(/\[(\d+)\]/g, '.$1');
        let box = null;
        while (path && !(box = errorBoxes.get(path))) {
          path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
        }
        const where = p.line ? ' (dòng ' + p.line + ')' : '';
        if (box) {
          box.err.appendChild(el('div', { text: p.message + where }));
          box.wrap.classList.add('invalid');
          if (box.control && box.control.setAttribute) box.control.setAttribute('aria-invalid', 'true');
        } else {
          left.push(p);
        }
      }
      for (const { wrap, control } of errorBoxes.values()) {
        if (!wrap.classList.contains('invalid') && control && control.removeAttribute) control.removeAttribute('aria-invalid');
      }
      return left;
    },
  };
})();
