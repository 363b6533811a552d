//! The register books as printed (Art. 16.2.b, 22.3.b: a register kept in
//! a system must print as the book): outgoing and incoming, one year each,
//! on A4 landscape with a cover naming the office and the year and the
//! header row repeated on every page. PDF and DOCX are written from one
//! page composition, the same the documents go through; .xlsx by
//! rust_xlsxwriter.

use std::path::{Path, PathBuf};

use vanban::compose::{
    Align, Block, CellPadding, Composition, Keep, Page, Paragraph, Row, Section, Spacing, Table,
};
use vanban::style::{Margins, TextStyle};
use vanban::{Date, Document, Input};
use vanban_i18n::{msg, Message};

use crate::entry::{Book, Entry, IncomingEntry, Status};
use crate::error::{Error, Result};
use crate::lookup::Filter;
use crate::register::Register;

/// The formats a book is exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookFormat {
    Pdf,
    Docx,
    Xlsx,
}

impl BookFormat {
    pub const ALL: [BookFormat; 3] = [BookFormat::Pdf, BookFormat::Docx, BookFormat::Xlsx];

    pub fn extension(self) -> &'static str {
        match self {
            BookFormat::Pdf => "pdf",
            BookFormat::Docx => "docx",
            BookFormat::Xlsx => "xlsx",
        }
    }

    /// `pdf,docx,xlsx`.
    pub fn parse_list(list: &str) -> Result<Vec<BookFormat>> {
        let mut out = Vec::new();
        for name in list
            .split(',')
            .map(|s| s.trim().trim_start_matches('.').to_ascii_lowercase())
        {
            let format = match name.as_str() {
                "pdf" => BookFormat::Pdf,
                "docx" => BookFormat::Docx,
                "xlsx" => BookFormat::Xlsx,
                "" => continue,
                other => return Err(Error::Invalid(msg!("register-book-format", format = other))),
            };
            if !out.contains(&format) {
                out.push(format);
            }
        }
        if out.is_empty() {
            return Err(Error::Invalid(msg!("register-book-no-format")));
        }
        Ok(out)
    }
}

/// A book's title, columns (heading, width in mm) and rows of cells.
pub struct BookTable {
    pub title: &'static str,
    pub office: String,
    pub year: i32,
    pub columns: Vec<(&'static str, f32)>,
    pub rows: Vec<Vec<String>>,
}

/// The outgoing book's columns (the form's, in its order).
pub const OUTGOING: [(&str, f32); 10] = [
    ("Số, ký hiệu văn bản", 27.0),
    ("Ngày tháng văn bản", 21.0),
    ("Tên loại và trích yếu nội dung", 60.0),
    ("Người ký", 25.0),
    ("Nơi nhận văn bản", 34.0),
    ("Đơn vị, người nhận bản lưu", 25.0),
    ("Số lượng bản", 14.0),
    ("Ngày chuyển", 18.0),
    ("Ký nhận", 17.0),
    ("Ghi chú", 21.0),
];

/// The incoming book's columns.
pub const INCOMING: [(&str, f32); 9] = [
    ("Ngày đến", 20.0),
    ("Số đến", 14.0),
    ("Tác giả", 38.0),
    ("Số, ký hiệu", 28.0),
    ("Ngày tháng", 20.0),
    ("Tên loại và trích yếu nội dung", 75.0),
    ("Đơn vị hoặc người nhận", 30.0),
    ("Ký nhận", 17.0),
    ("Ghi chú", 20.0),
];

fn short(iso: &str) -> String {
    Date::parse(iso)
        .map(Date::short)
        .unwrap_or_else(|_| iso.to_owned())
}

fn kind_name(id: &str) -> String {
    match vanban::Kind::parse(id) {
        Some(kind) => kind.name().to_owned(),
        None => match id {
            "sao-y" => "Bản sao y".into(),
            "sao-luc" => "Bản sao lục".into(),
            "trich-sao" => "Bản trích sao".into(),
            other => other.to_owned(),
        },
    }
}

fn outgoing_row(e: &Entry) -> Vec<String> {
    let mut note = e.note.clone().unwrap_or_default();
    match e.status {
        Status::Void => note = format!("Hủy: {}", e.void_reason.as_deref().unwrap_or("")),
        Status::Reserved => note = "Giữ số".into(),
        Status::Issued => {}
    }
    if let Some(secrecy) = &e.secrecy {
        note = format!("{secrecy} {note}").trim().to_owned();
    }
    vec![
        e.number_symbol(),
        short(&e.date),
        format!("{} {}", kind_name(&e.kind), e.summary)
            .trim()
            .to_owned(),
        e.signer.clone(),
        e.recipients.join("; "),
        e.archive.clone(),
        e.copies.map(|c| c.to_string()).unwrap_or_default(),
        String::new(),
        String::new(),
        note,
    ]
}

fn incoming_row(e: &IncomingEntry) -> Vec<String> {
    vec![
        short(&e.received_on),
        format!("{:02}", e.incoming_number),
        e.issuer.clone(),
        e.number_symbol(),
        e.date.as_deref().map(short).unwrap_or_default(),
        format!("{} {}", kind_name(&e.kind), e.summary)
            .trim()
            .to_owned(),
        e.recipient.clone().unwrap_or_default(),
        String::new(),
        e.note.clone().unwrap_or_default(),
    ]
}

impl Register {
    /// The year's book: outgoing (with copies and secret documents in the
    /// order registered) or incoming.
    pub fn book(&mut self, year: i32, incoming: bool) -> Result<BookTable> {
        let filter = Filter {
            year: Some(year),
            ..Filter::default()
        };
        let office = self.settings().office.clone();
        Ok(if incoming {
            BookTable {
                title: "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
                office,
                year,
                columns: INCOMING.to_vec(),
                rows: self.incoming(&filter)?.iter().map(incoming_row).collect(),
            }
        } else {
            BookTable {
                title: "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
                office,
                year,
                columns: OUTGOING.to_vec(),
                // Secret documents keep a book of their own (Art. 15.2):
                // they are not printed in the general one.
                rows: self
                    .entries(&filter)?
                    .iter()
                    .filter(|e| e.book != Book::Secret)
                    .map(outgoing_row)
                    .collect(),
            }
        })
    }

    /// Writes the year's book to `dir` (`so-di-2026.pdf` …, `so-den-…` for
    /// incoming) in `formats`, as one set; returns the paths.
    pub fn export(
        &mut self,
        year: i32,
        incoming: bool,
        dir: &Path,
        formats: &[BookFormat],
    ) -> Result<Vec<PathBuf>> {
        let book = self.book(year, incoming)?;
        let stem = format!("{}-{year}", if incoming { "so-den" } else { "so-di" });
        let mut files = Vec::new();
        let doc = book.document()?;
        let composition = book.composition();
        for format in formats {
            let bytes = match format {
                BookFormat::Pdf => vanban_pdf::render_composition(
                    &doc,
                    &composition,
                    &vanban_pdf::Options::default(),
                )
                .map_err(|e| Error::Invalid(msg!("register-book-pdf", reason = e.to_string())))?,
                BookFormat::Docx => {
                    vanban_docx::render_composition(&doc, &composition).map_err(|e| {
                        Error::Invalid(msg!("register-book-docx", reason = e.to_string()))
                    })?
                }
                BookFormat::Xlsx => book.xlsx()?,
            };
            files.push((dir.join(format!("{stem}.{}", format.extension())), bytes));
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
        let refs: Vec<(PathBuf, &[u8])> = files
            .iter()
            .map(|(p, b)| (p.clone(), b.as_slice()))
            .collect();
        vanban_output::write::write_files(&refs)?;
        Ok(files.into_iter().map(|(p, _)| p).collect())
    }
}

const BODY: TextStyle = TextStyle {
    size: 12.0,
    bold: false,
    italic: false,
};
const HEAD: TextStyle = TextStyle {
    size: 12.0,
    bold: true,
    italic: false,
};

fn page() -> Page {
    // A4 turned; the binding margin goes to the top edge, as a landscape
    // Phụ lục's does.
    Page {
        width: 297.0,
        height: 210.0,
        landscape: true,
        margins: Margins {
            top: 30.0,
            bottom: 15.0,
            left: 20.0,
            right: 15.0,
        },
        header_distance: 12.5,
    }
}

fn centred(text: &str, style: TextStyle, before: f32) -> Paragraph {
    Paragraph::text(text, style, Align::Center).spacing(Spacing::single(before, 0.0))
}

impl BookTable {
    /// The cover and the table, as one composition (two landscape sections).
    pub fn composition(&self) -> Composition {
        let big = TextStyle {
            size: 22.0,
            bold: true,
            italic: false,
        };
        let mid = TextStyle {
            size: 16.0,
            bold: true,
            italic: false,
        };
        let mut cover = vec![
            centred(&self.office.to_uppercase(), mid, 0.0),
            centred(self.title, big, 120.0),
            centred(&format!("Năm {}", self.year), mid, 18.0),
        ];
        if let (Some(first), Some(last)) = (self.rows.first(), self.rows.last()) {
            cover.push(centred(
                &format!(
                    "Từ số {} đến số {}",
                    first[0].split('/').next().unwrap_or(""),
                    last[0].split('/').next().unwrap_or("")
                ),
                TextStyle {
                    size: 14.0,
                    bold: false,
                    italic: false,
                },
                30.0,
            ));
        }
        let cell =
            |text: &str, style: TextStyle, align: Align| vec![Paragraph::text(text, style, align)];
        let mut rows = vec![Row {
            cells: self
                .columns
                .iter()
                .map(|(h, _)| cell(h, HEAD, Align::Center))
                .collect(),
            repeat: true,
            cant_split: true,
        }];
        rows.extend(self.rows.iter().map(|r| Row {
            cells: r.iter().map(|t| cell(t, BODY, Align::Left)).collect(),
            repeat: false,
            cant_split: true,
        }));
        let table = Table {
            columns: self.columns.iter().map(|(_, w)| *w).collect(),
            indent: 0.0,
            padding: CellPadding {
                horizontal: 1.5,
                vertical: 2.0,
            },
            borders: Some(0.5),
            rows,
        };
        let mut heading = centred(
            self.title,
            TextStyle {
                size: 14.0,
                bold: true,
                italic: false,
            },
            0.0,
        )
        .spacing(Spacing::single(0.0, 6.0));
        heading.keep = Keep {
            with_next: true,
            ..Keep::default()
        };
        let mut first = heading;
        first.keep.page_break_before = false;
        Composition {
            sections: vec![
                Section {
                    page: page(),
                    blocks: cover.into_iter().map(Block::Paragraph).collect(),
                    floats: Vec::new(),
                    page_number: BODY,
                },
                Section {
                    page: page(),
                    blocks: vec![Block::Paragraph(first), Block::Table(table)],
                    floats: Vec::new(),
                    page_number: BODY,
                },
            ],
        }
    }

    /// The document the writers take their metadata from (title, author).
    pub fn document(&self) -> Result<Document> {
        let input: Input = serde_json::from_value(serde_json::json!({
            "kind": "bao-cao",
            "issuer": { "name": if self.office.is_empty() { "CƠ QUAN" } else { self.office.as_str() }, "abbreviation": "VT" },
            "place": "-",
            "date": format!("{}-12-31", self.year),
            "summary": format!("{} năm {}", self.title, self.year),
            "body": "-",
            "signer": { "title": "VĂN THƯ", "name": "-" }
        }))
        .map_err(|e| Error::Invalid(Message::text(e.to_string())))?;
        Ok(Document::from_input(&input)?)
    }

    /// The book as a workbook: the header in row 1 (importable again),
    /// printed A4 landscape with the header row on every page.
    pub fn xlsx(&self) -> Result<Vec<u8>> {
        use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};
        let fail = |e: rust_xlsxwriter::XlsxError| {
            Error::Invalid(msg!("register-book-xlsx", reason = e.to_string()))
        };
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(format!("Năm {}", self.year)).map_err(fail)?;
        let head = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_border(FormatBorder::Thin)
            .set_font_name("Times New Roman");
        let body = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_font_name("Times New Roman");
        for (c, (heading, width)) in self.columns.iter().enumerate() {
            let c = c as u16;
            sheet
                .write_string_with_format(0, c, *heading, &head)
                .map_err(fail)?;
            sheet
                .set_column_width(c, f64::from(*width) / 2.0)
                .map_err(fail)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                sheet
                    .write_string_with_format(r as u32 + 1, c as u16, text, &body)
                    .map_err(fail)?;
            }
        }
        sheet.set_landscape();
        sheet.set_paper_size(9);
        sheet.set_repeat_rows(0, 0).map_err(fail)?;
        sheet.set_header(format!(
            "&C&\"Times New Roman,Bold\"{} - {} - NĂM {}",
            self.title,
            self.office.to_uppercase(),
            self.year
        ));
        book.save_to_buffer().map_err(fail)
    }
}
