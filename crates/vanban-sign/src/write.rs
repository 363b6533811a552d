//! Writing an incremental update (ISO 32000 §7.5.6): the objects that are
//! new or changed, appended after the file as it was, then a cross-reference
//! section of the same kind as the previous one (table or stream) that
//! points back to it with /Prev. The bytes before stay as they were, so
//! earlier signatures stay valid.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

/// A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with its
/// byte-order mark.
pub(crate) fn text(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b"()<>[]{}/%#".contains(&b) || !(33..=126).contains(&b) {
            out.extend(format!("#{b:02X}").bytes());
        } else {
            out.push(b);
        }
    }
}

fn real(v: f32) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Appends `obj` written as PDF syntax (a stream's /Length set to its
/// content).
pub(crate) fn object(out: &mut Vec<u8>, obj: &Object) {
    match obj {
        Object::Null => out.extend(b"null"),
        Object::Boolean(b) => out.extend(if *b { &b"true"[..] } else { b"false" }),
        Object::Integer(i) => out.extend(i.to_string().bytes()),
        Object::Real(r) => out.extend(real(*r).bytes()),
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in s {
                out.extend(format!("{b:02X}").bytes());
            }
            out.push(b'>');
        }
        Object::String(s, StringFormat::Literal) => {
            out.push(b'(');
            for &b in s {
                match b {
                    b'(' | b')' | b'\\' => out.extend([b'\\', b]),
                    b'\r' => out.extend(b"\\r"),
                    b'\n' => out.extend(b"\\n"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        Object::Stream(s) => {
            let mut dict = s.dict.clone();
            dict.set("Length", s.content.len() as i64);
            dictionary(out, &dict);
            out.extend(b"\nstream\n");
            out.extend(&s.content);
            out.extend(b"\nendstream");
        }
        Object::Reference((id, gen)) => out.extend(format!("{id} {gen} R").bytes()),
    }
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend(b"<<");
    for (k, v) in d.iter() {
        name(out, k);
        out.push(b' ');
        object(out, v);
    }
    out.extend(b">>");
}

/// The update being written: its bytes and where each object starts.
pub(crate) struct Update {
    base: usize,
    pub body: Vec<u8>,
    offsets: Vec<(ObjectId, usize)>,
}

impl Update {
    /// An update to a file of `original` bytes.
    pub fn new(original: &[u8]) -> Update {
        let mut body = Vec::new();
        if !matches!(original.last(), Some(b'\n' | b'\r')) {
            body.push(b'\n');
        }
        Update {
            base: original.len(),
            body,
            offsets: Vec::new(),
        }
    }

    /// The absolute offset of the next byte written.
    pub fn position(&self) -> usize {
        self.base + self.body.len()
    }

    pub fn add(&mut self, id: ObjectId, obj: &Object) {
        let mut bytes = Vec::new();
        object(&mut bytes, obj);
        self.add_raw(id, &bytes);
    }

    /// Adds an object written by the caller (the signature dictionary,
    /// whose placeholders are filled later).
    pub fn add_raw(&mut self, id: ObjectId, bytes: &[u8]) {
        self.offsets.push((id, self.position()));
        self.body.extend(format!("{} {} obj\n", id.0, id.1).bytes());
        self.body.extend(bytes);
        self.body.extend(b"\nendobj\n");
    }

    /// Writes the cross-reference section and trailer: a stream (with id
    /// `stream_id`) when the previous section was one, else a table.
    pub fn finish(
        mut self,
        mut trailer: Dictionary,
        prev: usize,
        stream_id: Option<u32>,
    ) -> Vec<u8> {
        trailer.set("Prev", prev as i64);
        let start = self.position();
        if let Some(id) = stream_id {
            self.offsets.push(((id, 0), start));
        }
        self.offsets.sort();
        let size = self
            .offsets
            .iter()
            .map(|((id, _), _)| id + 1)
            .max()
            .unwrap_or(1);
        let size = size.max(trailer.get(b"Size").and_then(Object::as_i64).unwrap_or(0) as u32);
        trailer.set("Size", size as i64);
        // Runs of consecutive ids, each a subsection.
        let mut runs: Vec<Vec<(ObjectId, usize)>> = Vec::new();
        for &entry in &self.offsets {
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|l| l.0 .0 + 1 == entry.0 .0) => {
                    run.push(entry)
                }
                _ => runs.push(vec![entry]),
            }
        }
        match stream_id {
            None => {
                self.body.extend(b"xref\n");
                for run in &runs {
                    self.body
                        .extend(format!("{} {}\n", run[0].0 .0, run.len()).bytes());
                    for ((_, gen), offset) in run {
                        self.body
                            .extend(format!("{offset:010} {gen:05} n\r\n").bytes());
                    }
                }
                self.body.extend(b"trailer\n");
                object(&mut self.body, &Object::Dictionary(trailer));
                self.body.extend(b"\n");
            }
            Some(id) => {
                let mut content = Vec::new();
                let mut index = Vec::new();
                for run in &runs {
                    index.push(Object::Integer(run[0].0 .0 as i64));
                    index.push(Object::Integer(run.len() as i64));
                    for ((_, gen), offset) in run {
                        content.push(1);
                        content.extend((*offset as u32).to_be_bytes());
                        content.extend(gen.to_be_bytes());
                    }
                }
                trailer.remove(b"XRefStm");
                trailer.set("Type", Object::Name(b"XRef".to_vec()));
                trailer.set("Index", Object::Array(index));
                trailer.set("W", Object::Array(vec![1.into(), 4.into(), 2.into()]));
                let stream = lopdf::Stream::new(trailer, content);
                let mut bytes = Vec::new();
                object(&mut bytes, &Object::Stream(stream));
                self.body.extend(format!("{id} 0 obj\n").bytes());
                self.body.extend(bytes);
                self.body.extend(b"\nendobj\n");
            }
        }
        self.body
            .extend(format!("startxref\n{start}\n%%EOF\n").bytes());
        self.body
    }
}
