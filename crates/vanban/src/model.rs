//! The typed document (văn bản hành chính) that both backends render. It is
//! made only by validation, so every value in it already follows the decree.
//!
//! The text of each element (`Số: 1026/KH-VP`, `- Lưu: VT, VP.` …) is composed
//! here, once, so the DOCX and the PDF print the same words.

use crate::date::Date;
use crate::kind::Kind;
use crate::style::Style;
use crate::vn;

/// A validated administrative document.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub kind: Kind,
    /// Cơ quan chủ quản: the parent authority, printed upright above the issuer.
    pub parent: Option<String>,
    /// Cơ quan ban hành: the issuing authority, printed bold.
    pub issuer: String,
    /// Số: `None` leaves a blank slot to be filled in after signing.
    pub number: Option<u32>,
    /// Ký hiệu: `KH-VP`, `UBND-VX`.
    pub symbol: String,
    /// Địa danh.
    pub place: String,
    /// Ngày ban hành: `None` leaves blank slots.
    pub date: Option<Date>,
    /// With no date: the year printed, day and month left blank.
    pub date_year: Option<u16>,
    /// Trích yếu.
    pub summary: String,
    /// The issuing-authority line under the summary of a Quyết định or
    /// Nghị quyết: `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH`.
    pub authority_line: Option<String>,
    /// Căn cứ, each already ending in `;` (the last in `.`).
    pub bases: Vec<String>,
    /// Kính gửi.
    pub addressees: Vec<String>,
    pub body: Vec<Block>,
    /// Phụ lục, in order.
    pub appendices: Vec<Appendix>,
    /// Nơi nhận, in order.
    pub recipients: Vec<Recipient>,
    pub archive: Archive,
    pub signer: Signer,
    /// Biên bản: the secretary (THƯ KÝ), signing left of the chair.
    pub secretary: Option<Signer>,
    /// Giấy nghỉ phép: who confirms the leave, in a box left of the signer.
    pub confirmation: Option<String>,
    pub drafter: Option<Drafter>,
    pub urgency: Option<Urgency>,
    pub secrecy: Option<Secrecy>,
    /// Ô 11: circulation notice, e.g. `XEM XONG TRẢ LẠI`.
    pub circulation: Option<String>,
    /// Ô 8: the office's seal picture.
    pub seal: Option<Seal>,
    pub style: Style,
}

/// A Phụ lục: its own title, content, page numbers and orientation.
#[derive(Clone, Debug, PartialEq)]
pub struct Appendix {
    /// `Phụ lục` alone, or `Phụ lục I`, `II` … when there are several; for a
    /// text issued by the document (template 1.3), its type name (`QUY CHẾ`).
    pub label: String,
    /// The kind of a text the document issues (a Quyết định's Quy chế),
    /// `None` for a Phụ lục.
    pub issued: Option<Kind>,
    pub title: String,
    pub body: Vec<Block>,
    pub landscape: bool,
}

/// A Nơi nhận item: one recipient, or several sharing a note.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Recipient {
    /// The names, without the dash and the `;` the list adds.
    pub names: Vec<String>,
    /// The note, without its brackets: `để b/c`.
    pub note: Option<String>,
    pub layout: RecipientLayout,
}

/// How a Nơi nhận item is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RecipientLayout {
    /// On one line: `- Bộ Nội vụ, Bộ Tài chính (để b/c);`.
    #[default]
    Inline,
    /// The note on a line of its own under the names, centred, italic:
    /// `(để đưa tin)`.
    NoteLine,
    /// Each name on its line, a brace to their right and the note beside it.
    Brace,
}

impl Recipient {
    /// One recipient, no note.
    pub fn plain(name: impl Into<String>) -> Recipient {
        Recipient {
            names: vec![name.into()],
            ..Recipient::default()
        }
    }

    /// As on one line between `- ` and `;`: `Bộ Nội vụ, Bộ Tài chính (để b/c)`.
    pub fn text(&self) -> String {
        let names = self.names.join(", ");
        match &self.note {
            Some(note) => format!("{names} ({note})"),
            None => names,
        }
    }

    /// Its lines as printed, in reading order: `- …;` for each line of
    /// names, then the note on its own line where the layout puts it there.
    pub fn lines(&self) -> Vec<String> {
        let note = || format!("({})", self.note.as_deref().unwrap_or(""));
        match self.layout {
            _ if self.note.is_none() && self.layout != RecipientLayout::Brace => {
                vec![format!("- {};", self.text())]
            }
            RecipientLayout::Inline => vec![format!("- {};", self.text())],
            RecipientLayout::NoteLine => vec![format!("- {};", self.names.join(", ")), note()],
            RecipientLayout::Brace => self
                .names
                .iter()
                .map(|n| format!("- {n};"))
                .chain(self.note.is_some().then(note))
                .collect(),
        }
    }
}

/// The `Lưu:` line: the records office (VT) and the drafting units.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Archive {
    /// Units after `VT`, e.g. `["VP"]`.
    pub units: Vec<String>,
    /// Copies kept, if stated.
    pub copies: Option<u32>,
}

/// Ô 7: the signing authority lines, title and full name.
#[derive(Clone, Debug, PartialEq)]
pub struct Signer {
    /// Lines with a prefix: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub authority: Vec<String>,
    /// The signer's own title: `CHÁNH VĂN PHÒNG`, `PHÓ CHỦ TỊCH`.
    pub title: String,
    pub name: String,
    /// Ô 7c: the picture of the handwritten signature (PNG), centred
    /// between the title and the name.
    pub signature_image: Option<std::sync::Arc<crate::image::Png>>,
}

/// Ô 8: the office's seal as a picture (PNG), at its real diameter, over
/// the left third of the signature.
#[derive(Clone, Debug, PartialEq)]
pub struct Seal {
    pub image: std::sync::Arc<crate::image::Png>,
    /// The seal's real diameter, mm: the picture's width on the page.
    pub diameter: f32,
}

/// Ô 12: drafter's initials and number of copies issued.
#[derive(Clone, Debug, PartialEq)]
pub struct Drafter {
    pub initials: String,
    pub copies: Option<u32>,
    /// At the end of the `Lưu` line, as the decree's templates place it
    /// (`- Lưu: VT, TCCB (02). PL(300)`), rather than on a line of its own.
    pub on_archive_line: bool,
}

impl Drafter {
    /// `PL(300)`: initials and copies issued.
    pub fn mark(&self) -> String {
        match self.copies {
            Some(copies) => format!("{}({copies})", self.initials),
            None => self.initials.clone(),
        }
    }
}

/// A blank slot about `width` mm wide in `style`: no-break spaces, which
/// neither collapse nor stretch, so the DOCX and the PDF leave the same room.
fn blank(width: f32, style: crate::style::TextStyle) -> String {
    let space = crate::metrics::FontSet::liberation_serif().width("\u{a0}", style);
    let count = (crate::style::mm_to_pt(width) / space.max(0.1)).ceil() as usize;
    "\u{a0}".repeat(count.max(1))
}

/// Ô 10b: urgency, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    HoaToc,
    ThuongKhan,
    Khan,
}

/// Ô 10a: secrecy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secrecy {
    TuyetMat,
    ToiMat,
    Mat,
}

impl Urgency {
    pub fn text(self) -> &'static str {
        match self {
            Urgency::HoaToc => "HỎA TỐC",
            Urgency::ThuongKhan => "THƯỢNG KHẨN",
            Urgency::Khan => "KHẨN",
        }
    }

    /// The stamp's box, mm (App. I: 30 × 8, 40 × 8, 20 × 8).
    pub fn box_size(self) -> (f32, f32) {
        match self {
            Urgency::HoaToc => (30.0, 8.0),
            Urgency::ThuongKhan => (40.0, 8.0),
            Urgency::Khan => (20.0, 8.0),
        }
    }
}

impl Secrecy {
    pub fn text(self) -> &'static str {
        match self {
            Secrecy::TuyetMat => "TUYỆT MẬT",
            Secrecy::ToiMat => "TỐI MẬT",
            Secrecy::Mat => "MẬT",
        }
    }
}

/// A block of the body (ô 6).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    Table(Table),
    PageBreak,
}

/// The levels of a plan or report (App. I part V): `Phần I`, `I.`, `1.`, `a)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Phần: `Phần I` (or `Phần thứ nhất`) centred on its own line, its title
    /// centred in bold capitals on the next.
    Part,
    /// Mục: `I. MỤC ĐÍCH, YÊU CẦU`, bold capitals.
    Section,
    /// Khoản with a title: `1. Mục đích`, bold.
    Clause,
    /// Điều of a Quyết định, Nghị quyết, Quy chế: `Điều 1. Title`, bold.
    Article,
    /// Điểm: `a) …`, regular.
    Point,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub level: Level,
    /// `I.`, `1.`, `a)`.
    pub label: String,
    /// Its title; an article's may be empty (`Điều 1.` over its khoản).
    pub content: Vec<Span>,
    /// An article whose content is a sentence, not a title (`Điều 2. Nghị
    /// quyết này có hiệu lực …`): only the label is bold, as printed.
    pub run_in: bool,
}

/// A body paragraph; `marker` is `-`, `+` or an untitled khoản number `1.`.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub marker: Option<String>,
    pub content: Vec<Span>,
}

/// A run of text with emphasis; `\n` inside `text` is a line break.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table in the body; the first row is the header row.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub align: Vec<Align>,
    pub header: Vec<Vec<Span>>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }

    /// The text style of this span inside an element set in `base`: the
    /// element's style with the span's own emphasis added.
    pub fn style_over(&self, base: crate::style::TextStyle) -> crate::style::TextStyle {
        crate::style::TextStyle {
            bold: base.bold || self.bold,
            italic: base.italic || self.italic,
            ..base
        }
    }
}

/// The spans of a heading or paragraph with its label or marker in front.
pub fn labelled(label: Option<&str>, content: &[Span]) -> Vec<Span> {
    let mut spans = Vec::with_capacity(content.len() + 1);
    match label {
        Some(label) if content.is_empty() => spans.push(Span::plain(label)),
        Some(label) => spans.push(Span::plain(format!("{label} "))),
        None => {}
    }
    spans.extend_from_slice(content);
    spans
}

/// Plain text of spans.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

impl Heading {
    /// Label and title as printed on one line; the emphasis of the level
    /// comes from the style. A part prints its label and title on two lines.
    pub fn spans(&self) -> Vec<Span> {
        labelled(Some(&self.label), &self.content)
    }
}

impl Paragraph {
    pub fn spans(&self) -> Vec<Span> {
        labelled(self.marker.as_deref(), &self.content)
    }
}

/// Words that start the name of an administrative unit; a long authority
/// name breaks before the last of them, as clerks write
/// `ỦY BAN NHÂN DÂN` / `XÃ AN BÌNH`.
const UNIT_WORDS: [&str; 8] = [
    "TỈNH",
    "THÀNH PHỐ",
    "HUYỆN",
    "QUẬN",
    "THỊ XÃ",
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
];

/// Splits an authority name into the lines of the header's left column: the
/// author's own line breaks if any; else one line if it fits; else a break
/// before the last unit word that leaves both lines fitting; else before the
/// last `VÀ` joining two fields (`BỘ TÀI NGUYÊN` / `VÀ MÔI TRƯỜNG`, as the
/// ministries print it); else one line, which the renderer wraps as a word
/// processor would.
pub fn authority_lines(name: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    if name.contains('\n') || fits(name) {
        return name.lines().map(|l| l.trim().to_string()).collect();
    }
    let words: Vec<&str> = name.split(' ').collect();
    let starts_unit = |rest: &str| {
        // `XÃ HỘI` (society) is a field, not a commune.
        !rest.starts_with("XÃ HỘI")
            && UNIT_WORDS
                .iter()
                .any(|u| rest == *u || rest.starts_with(&format!("{u} ")))
    };
    let starts_field = |rest: &str| rest.starts_with("VÀ ");
    for breaks_before in [&starts_unit as &dyn Fn(&str) -> bool, &starts_field] {
        for at in (1..words.len()).rev() {
            let rest = words[at..].join(" ");
            if !breaks_before(&rest) {
                continue;
            }
            let first = words[..at].join(" ");
            if fits(&first) && fits(&rest) {
                return vec![first, rest];
            }
        }
    }
    vec![name.to_string()]
}

impl Document {
    /// `Số: 1026/KH-VP`, or `Số:` and a blank slot of the style's width
    /// before `/KH-VP`.
    pub fn number_line(&self) -> String {
        let number = match self.number {
            Some(n) => vn::document_number(n),
            None => blank(self.style.blank_number_width, self.style.number),
        };
        format!("Số: {number}/{}", self.symbol)
    }

    /// `Tây Ninh, ngày 08 tháng 3 năm 2024`, or blank slots of the style's
    /// widths for the day, the month and (unless given) the year.
    pub fn place_date_line(&self) -> String {
        let style = &self.style;
        let date = match self.date {
            Some(date) => date.long(),
            None => {
                let slot = |width| blank(width, style.place_date);
                let year = match self.date_year {
                    Some(year) => year.to_string(),
                    None => slot(style.blank_year_width),
                };
                format!(
                    "ngày {} tháng {} năm {year}",
                    slot(style.blank_day_width),
                    slot(style.blank_month_width)
                )
            }
        };
        format!("{}, {date}", self.place)
    }

    /// `(Kèm theo Kế hoạch số 1026/KH-VP ngày 08 tháng 3 năm 2024 của Văn
    /// phòng UBND tỉnh)`: the appendix's reference to this document, with
    /// blank slots where the number or date is not yet given.
    pub fn attached_to_line(&self) -> String {
        let number = self.number_line();
        let number = number.trim_start_matches("Số: ");
        let date = self.place_date_line();
        let date = date
            .strip_prefix(&format!("{}, ", self.place))
            .unwrap_or(&date);
        // Who issued it: for a Quyết định or Nghị quyết the authority line
        // (`của Chủ tịch UBND tỉnh Đồng Nai`; a council's session line left
        // out), otherwise the issuer.
        let issuer = match (&self.authority_line, self.kind.sender_word()) {
            (Some(authority), None) => authority.lines().next().unwrap_or(authority),
            _ => self.issuer.as_str(),
        };
        let issuer = crate::derive::issued_by(&issuer.replace('\n', " "));
        format!(
            "(Kèm theo {} số {number} {date} của {issuer})",
            self.kind.name()
        )
    }

    /// `(Ban hành kèm theo Quyết định số … ngày … của …)`: a text this
    /// document issues refers to it (template 1.3).
    pub fn issued_with_line(&self) -> String {
        self.attached_to_line()
            .replacen("(Kèm theo", "(Ban hành kèm theo", 1)
    }

    /// `QUYẾT ĐỊNH:` or `QUYẾT NGHỊ:` for the kinds that enact articles.
    pub fn enacting_word(&self) -> Option<&'static str> {
        match self.kind {
            Kind::QuyetDinh => Some("QUYẾT ĐỊNH:"),
            Kind::NghiQuyet => Some("QUYẾT NGHỊ:"),
            _ => None,
        }
    }

    /// The type name of ô 5a (`KẾ HOẠCH`); `None` for a công văn.
    pub fn kind_heading(&self) -> Option<String> {
        self.kind.heading()
    }

    /// The document's title for file metadata: its summary, or its type
    /// name when it has none (Giấy giới thiệu).
    pub fn title(&self) -> &str {
        match self.summary.is_empty() {
            true => self.kind.name(),
            false => &self.summary,
        }
    }

    /// The công văn summary of ô 5b: `V/v nâng bậc lương năm 2019`.
    pub fn subject_line(&self) -> Option<String> {
        (!self.kind.has_type_name()).then(|| format!("V/v {}", self.summary))
    }

    /// The `Lưu:` line: `- Lưu: VT, VP.` or `- Lưu: VT, VP (02).`, with the
    /// drafter and copies at its end when so placed (`… (02). PL(300)`).
    pub fn archive_line(&self) -> String {
        let mut units = vec!["VT".to_string()];
        units.extend(self.archive.units.iter().cloned());
        let copies = self
            .archive
            .copies
            .map(|n| format!(" ({})", vn::document_number(n)))
            .unwrap_or_default();
        let drafter = match &self.drafter {
            Some(d) if d.on_archive_line => format!(" {}", d.mark()),
            _ => String::new(),
        };
        format!("- Lưu: {}{copies}.{drafter}", units.join(", "))
    }

    /// Nơi nhận lines: each recipient `- …;` (a note on a line of its own
    /// where so laid out), then the `Lưu:` line.
    pub fn recipient_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.recipients.iter().flat_map(Recipient::lines).collect();
        lines.push(self.archive_line());
        lines
    }

    /// Ô 12 on a line of its own: `T.Dung`, `PL.(300)`.
    pub fn drafter_line(&self) -> Option<String> {
        self.drafter
            .as_ref()
            .filter(|d| !d.on_archive_line)
            .map(Drafter::mark)
    }

    /// Kính gửi lines: one recipient on the label's line; several on lines of
    /// their own, `- …;` and the last `- ….`.
    pub fn addressee_lines(&self) -> Vec<String> {
        match self.addressees.as_slice() {
            [] => Vec::new(),
            [one] => vec![format!("Kính gửi: {one}")],
            many => {
                let last = many.len() - 1;
                std::iter::once("Kính gửi:".to_string())
                    .chain(
                        many.iter()
                            .enumerate()
                            .map(|(i, a)| format!("- {a}{}", if i == last { "." } else { ";" })),
                    )
                    .collect()
            }
        }
    }

    /// Every text line of the document in reading order, as a word processor
    /// would extract it (paragraph by paragraph, tables row by row); tests and
    /// search indexes use it.
    pub fn text_lines(&self) -> Vec<String> {
        let composition =
            crate::compose::compose(self, crate::metrics::FontSet::liberation_serif());
        let mut lines = Vec::new();
        for p in composition.paragraphs() {
            lines.extend(p.plain_text().lines().map(str::to_string));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::authority_lines;

    fn fits_20(line: &str) -> bool {
        line.chars().count() <= 20
    }

    #[test]
    fn long_authority_names_break_before_the_unit() {
        assert_eq!(
            authority_lines("ỦY BAN NHÂN DÂN XÃ AN BÌNH", fits_20),
            ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH"]
        );
        assert_eq!(
            authority_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", fits_20),
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
        );
        assert_eq!(authority_lines("VĂN PHÒNG", fits_20), ["VĂN PHÒNG"]);
        assert_eq!(
            authority_lines("SỞ TÀI NGUYÊN\nVÀ MÔI TRƯỜNG", fits_20),
            ["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]
        );
        // No unit word: before the `VÀ` joining two fields; `XÃ HỘI` is a
        // field, not a commune.
        assert_eq!(
            authority_lines("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", fits_20),
            ["BỘ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]
        );
        assert_eq!(
            authority_lines("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", |l| l
                .chars()
                .count()
                <= 26),
            ["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
        );
        // Neither: left to the renderer's wrapping.
        let long = "TRUNG TÂM CÔNG BÁO TIN HỌC";
        assert_eq!(authority_lines(long, fits_20), [long]);
    }

    /// The Kèm theo line names who issued the document as running text
    /// writes it: the authority of a Quyết định or Nghị quyết (its first
    /// line: a council's session is left out), else the issuer.
    #[test]
    fn appendix_reference_names_the_authority() {
        let doc = |extra: &str| {
            let yaml = format!(
                "kind: quyet-dinh\nissuer: {{name: ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI, abbreviation: UBND}}\n\
                 number: 7\nplace: Đồng Nai\ndate: 2026-03-04\nsummary: Về việc phê duyệt\n{extra}\
                 body: \"# Điều: Trách nhiệm thi hành\\n\\nCác cơ quan chịu trách nhiệm thi hành./.\"\n\
                 signer: {{title: CHỦ TỊCH, name: Võ Văn Phi}}\n"
            );
            crate::Document::from_text(&yaml, crate::Format::Yaml).unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(
            doc("authority_line: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\n").attached_to_line(),
            "(Kèm theo Quyết định số 07/QĐ-UBND ngày 04 tháng 3 năm 2026 của Chủ tịch UBND tỉnh Đồng Nai)"
        );
        assert_eq!(
            doc("authority_line: \"ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\\nKHÓA X\"\n").issued_with_line(),
            "(Ban hành kèm theo Quyết định số 07/QĐ-UBND ngày 04 tháng 3 năm 2026 của UBND tỉnh Đồng Nai)"
        );
        assert_eq!(
            doc("").attached_to_line(),
            "(Kèm theo Quyết định số 07/QĐ-UBND ngày 04 tháng 3 năm 2026 của UBND tỉnh Đồng Nai)"
        );
    }
}
