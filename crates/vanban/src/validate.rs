//! Turns an [`Input`] into a [`Document`], or reports every problem at once,
//! each with its field path. All text is NFC-normalised on the way in.

use crate::body;
use crate::date::Date;
use crate::error::Problem;
use crate::input::{Input, RecipientInput, StyleInput, ONE_LINE_FIELDS};
use crate::kind::Kind;
use crate::limits::exceeded_message;
use crate::limits::Limits;
use crate::model::{Archive, Block, Document, Drafter, Secrecy, Signer, Urgency};
use crate::pictures;
use crate::style::{HoaSpelling, Margins, Preset, Style};
use crate::vn::nfc;
use vanban_i18n::{msg, Arg, Message};

/// The signing-authority prefixes of Art. 13 / App. I II.7.
pub const AUTHORITY_PREFIXES: [&str; 5] = ["TM.", "Q.", "KT.", "TL.", "TUQ."];

/// Where the body's Markdown starts in the file, to turn body lines into file lines.
pub type BodyLineOffset = Option<usize>;

/// Validates style options alone (`style.preset`, `style.margins.top` …), as
/// the output layer's style override does; every problem at once.
pub fn style(input: &StyleInput) -> Result<Style, Vec<Problem>> {
    let mut v = Validator {
        problems: Vec::new(),
        limits: Limits::default(),
        base: None,
    };
    let style = v.style(Some(input));
    if v.problems.is_empty() {
        Ok(style)
    } else {
        Err(v.problems)
    }
}

/// Validates an input with the default [`Limits`]. Problems carry field
/// paths; the caller adds locations.
pub fn validate(input: &Input, body_offset: BodyLineOffset) -> Result<Document, Vec<Problem>> {
    validate_with(input, body_offset, &Limits::default())
}

/// Validates an input within `limits`; picture paths are relative to the
/// working directory.
pub fn validate_with(
    input: &Input,
    body_offset: BodyLineOffset,
    limits: &Limits,
) -> Result<Document, Vec<Problem>> {
    validate_in(input, body_offset, limits, None)
}

/// [`validate_with`], picture paths relative to `base` (the input file's
/// folder).
pub fn validate_in(
    input: &Input,
    body_offset: BodyLineOffset,
    limits: &Limits,
    base: Option<&std::path::Path>,
) -> Result<Document, Vec<Problem>> {
    let mut v = Validator {
        problems: Vec::new(),
        limits: *limits,
        base: base.map(Into::into),
    };
    for (path, text) in input.texts() {
        v.characters(&path, text);
    }
    let kind = v.kind(input);
    let style = v.style(input.style.as_ref());
    let issuer = input.issuer.clone().unwrap_or_default();
    let issuer_name = v.required("issuer.name", issuer.name.as_deref());
    let abbreviation = issuer.abbreviation.as_deref().map(nfc);
    let number = v.count("number", input.number);
    let symbol = v.symbol(input, kind, abbreviation.as_deref(), issuer.unit.as_deref());
    let place = v.required("place", input.place.as_deref());
    let date_text = input.date.as_ref().map(|d| d.text());
    let date_year = date_text.as_deref().and_then(|t| v.year_only(t));
    let date =
        date_text
            .filter(|_| date_year.is_none())
            .and_then(|text| match Date::parse(&text) {
                Ok(date) => Some(date),
                Err(message) => {
                    v.problem("date", message);
                    None
                }
            });
    let summary = match kind {
        Some(kind) if kind.summary_optional() => v
            .optional("summary", input.summary.as_deref())
            .unwrap_or_default(),
        _ => v.required("summary", input.summary.as_deref()),
    };
    let mut bases = v.list("bases", &input.bases);
    let mut authority_line = v.optional("authority_line", input.authority_line.as_deref());
    if kind == Some(Kind::CongDien) && authority_line.is_none() {
        v.problem("authority_line", msg!("cong-dien-authority-required"));
    }
    if kind == Some(Kind::CongDien) && input.addressees.is_empty() {
        v.problem("addressees", msg!("cong-dien-addressees-required"));
    }
    let circulation = v.optional("circulation", input.circulation.as_deref());
    let addressees = v.list("addressees", &input.addressees);
    let body_text = nfc(input.body.as_deref().unwrap_or(""));
    let (own_body, body_appendices) = body::split_appendices(&body_text);
    let typed = kind.and_then(|kind| v.typed_head(kind, own_body, body_offset));
    let own_body = match &typed {
        Some(head) => {
            v.take_typed_head(head, &mut bases, &mut authority_line);
            head.body.as_str()
        }
        None => own_body,
    };
    let bases = punctuate_bases(&bases);
    let body = v.body("body", own_body, body_offset);
    if let Some(kind @ (Kind::QuyetDinh | Kind::NghiQuyet)) = kind {
        v.implementers(kind, own_body, &body, body_offset);
    }
    let appendices = v.appendices(&body_appendices, &input.appendices, body_offset);
    if kind.is_some_and(|k| k != Kind::QuyetDinh) {
        // Template 1.3: a text issued with its own type name comes with a
        // Quyết định; other kinds carry Phụ lục.
        for (i, a) in input.appendices.iter().enumerate() {
            if a.kind.is_some() {
                v.problem(
                    &format!("appendices[{i}].kind"),
                    msg!("appendix-kind-only-quyet-dinh"),
                );
            }
        }
    }
    let mut recipients: Vec<crate::model::Recipient> = Vec::new();
    for (i, r) in input.recipients.iter().enumerate() {
        // `Như trên` given twice is printed once.
        let Some(r) = v.recipient(i, r) else { continue };
        if !recipients.contains(&r) {
            recipients.push(r);
        }
    }
    let archive = input.archive.clone().unwrap_or_default();
    let archive = Archive {
        units: v
            .list("archive.units", &archive.units)
            .into_iter()
            .filter(|u| u != "VT")
            .collect(),
        copies: v.count("archive.copies", archive.copies),
    };
    let signer = v.signer("signer", input.signer.as_ref());
    let secretary = match (&input.secretary, kind) {
        (Some(_), Some(kind)) if kind != Kind::BienBan => {
            v.problem(
                "secretary",
                msg!("secretary-only-bien-ban", kind = kind.name()),
            );
            None
        }
        (Some(secretary), _) => Some(v.signer("secretary", Some(secretary))),
        (None, Some(Kind::BienBan)) => {
            v.problem("secretary", msg!("secretary-required"));
            None
        }
        (None, _) => None,
    };
    let confirmation = v.optional("confirmation", input.confirmation.as_deref());
    if confirmation.is_some() && input.secretary.is_some() {
        v.problem("confirmation", msg!("confirmation-with-secretary"));
    }
    let drafter = input.drafter.as_ref().map(|d| Drafter {
        initials: v.required("drafter.initials", d.initials.as_deref()),
        copies: v.count("drafter.copies", d.copies),
        on_archive_line: v.drafter_placement(d.placement.as_deref()),
    });
    let urgency = input.urgency.as_deref().and_then(|u| v.urgency(u));
    let secrecy = input.secrecy.as_deref().and_then(|s| v.secrecy(s));
    let seal = input
        .seal
        .as_ref()
        .and_then(|s| pictures::seal(s, v.base.as_deref(), &mut v.problems));
    let beside = secretary.is_some() || confirmation.is_some();
    let signature = signer
        .signature_image
        .as_deref()
        .map(|p| ("signer.signature_image", p));
    pictures::check_fit(&style, signature, seal.as_ref(), beside, &mut v.problems);
    if let Some(png) = secretary
        .as_ref()
        .and_then(|s| s.signature_image.as_deref())
    {
        pictures::check_fit(
            &style,
            Some(("secretary.signature_image", png)),
            None,
            true,
            &mut v.problems,
        );
    }

    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    Ok(Document {
        kind: kind.expect("checked above"),
        parent: input
            .parent
            .as_deref()
            .map(nfc)
            .filter(|p| !p.trim().is_empty()),
        issuer: issuer_name,
        number,
        symbol,
        place,
        date,
        date_year,
        summary,
        authority_line,
        bases,
        addressees,
        body,
        appendices,
        recipients,
        archive,
        signer,
        secretary,
        confirmation,
        drafter,
        urgency,
        secrecy,
        circulation,
        seal,
        style,
    })
}

struct Validator {
    problems: Vec<Problem>,
    limits: Limits,
    /// The input file's folder, for relative picture paths.
    base: Option<std::path::PathBuf>,
}

/// Problems reported per field for bad characters; the rest are counted.
const CHARACTER_PROBLEMS_SHOWN: usize = 5;

impl Validator {
    fn problem(&mut self, path: &str, message: impl Into<vanban_i18n::Message>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Every text: no longer than the limit, and only characters that can
    /// be written into a DOCX and a PDF. Control characters (U+0000–U+001F,
    /// U+007F–U+009F) and non-characters (U+FFFE, U+FDD0 …) are refused
    /// with their position; tab and line break are kept where they mean
    /// something (the body, names that span lines), refused elsewhere.
    fn characters(&mut self, path: &str, text: &str) {
        let length = text.chars().count();
        if length > self.limits.max_field_chars {
            let found = msg!("field-length", length = Arg::count(length));
            self.problem(
                path,
                exceeded_message(found, self.limits.max_field_chars as u64, "max-field-chars"),
            );
        }
        let field = path.split('[').next().unwrap_or(path);
        let one_line = ONE_LINE_FIELDS.contains(&field);
        let mut bad = 0;
        for (index, c) in text.chars().enumerate() {
            let Some(what) = forbidden_character(c, one_line) else {
                continue;
            };
            bad += 1;
            if bad <= CHARACTER_PROBLEMS_SHOWN {
                self.problem(
                    path,
                    msg!(
                        "character-not-allowed",
                        what = what,
                        code = format!("{:04X}", c as u32),
                        index = index + 1
                    ),
                );
            }
        }
        if bad > CHARACTER_PROBLEMS_SHOWN {
            self.problem(
                path,
                msg!(
                    "characters-more-not-allowed",
                    count = Arg::count(bad - CHARACTER_PROBLEMS_SHOWN)
                ),
            );
        }
    }

    fn required(&mut self, path: &str, value: Option<&str>) -> String {
        match value.map(str::trim) {
            Some(text) if !text.is_empty() => nfc(text),
            Some(_) => {
                self.problem(path, msg!("field-empty"));
                String::new()
            }
            None => {
                self.problem(path, msg!("field-required"));
                String::new()
            }
        }
    }

    /// An optional text: absent or blank is `None`.
    fn optional(&mut self, path: &str, value: Option<&str>) -> Option<String> {
        let text = value.map(str::trim).filter(|t| !t.is_empty())?;
        if text.contains('\n') && path == "circulation" {
            self.problem(path, msg!("field-one-line"));
        }
        Some(nfc(text))
    }

    /// A date given as a year alone (`2026`): day and month stay blank.
    fn year_only(&mut self, text: &str) -> Option<u16> {
        let text = text.trim();
        if text.len() != 4 || !text.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let year: u16 = text.parse().ok()?;
        if !(1945..=9999).contains(&year) {
            self.problem("date", msg!("date-year-range", year = year));
        }
        Some(year)
    }

    /// `lưu` (on the Lưu line) or `riêng` (own line, the default).
    fn drafter_placement(&mut self, value: Option<&str>) -> bool {
        match value.map(|v| nfc(v.trim()).to_lowercase()).as_deref() {
            None | Some("riêng") | Some("rieng") | Some("own-line") => false,
            Some("lưu") | Some("luu") | Some("archive-line") => true,
            Some(other) => {
                self.problem(
                    "drafter.placement",
                    msg!("drafter-placement", value = other),
                );
                false
            }
        }
    }

    fn list(&mut self, path: &str, items: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if item.trim().is_empty() {
                self.problem(&format!("{path}[{i}]"), msg!("field-empty"));
            } else {
                out.push(nfc(item.trim()));
            }
        }
        out
    }

    /// A Nơi nhận item: a name, or names sharing a note, each stripped of
    /// the punctuation the list adds (no doubled `;` nor `((để b/c))`), and
    /// how it is laid out (the note on its own line, a brace).
    fn recipient(
        &mut self,
        i: usize,
        recipient: &RecipientInput,
    ) -> Option<crate::model::Recipient> {
        use crate::model::{Recipient, RecipientLayout};
        let path = format!("recipients[{i}]");
        let group = match recipient {
            RecipientInput::Name(name) if name.trim().is_empty() => {
                self.problem(&path, msg!("field-empty"));
                return None;
            }
            RecipientInput::Name(name) => {
                return Some(Recipient::plain(strip_list_punctuation(&nfc(name.trim()))))
            }
            RecipientInput::Group(group) => group,
        };
        let mut names = Vec::new();
        match (&group.name, group.group.is_empty()) {
            (Some(_), false) => {
                self.problem(&path, msg!("recipient-name-and-group"));
            }
            (None, true) => {
                self.problem(&path, msg!("recipient-needs-name"));
            }
            (Some(name), true) => {
                names.push(self.required(&format!("{path}.name"), Some(name.as_str())))
            }
            (None, false) => names = self.list(&format!("{path}.group"), &group.group),
        }
        let names: Vec<String> = names.iter().map(|n| strip_list_punctuation(n)).collect();
        let note = match &group.note {
            Some(note) => {
                let note = strip_list_punctuation(note);
                let note = note
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .trim()
                    .to_string();
                if note.is_empty() {
                    self.problem(&format!("{path}.note"), msg!("recipient-note-empty"));
                }
                Some(note)
            }
            None => None,
        };
        let layout = match (group.note_line == Some(true), group.brace == Some(true)) {
            (true, true) => {
                self.problem(&path, msg!("recipient-note-line-and-brace"));
                RecipientLayout::Inline
            }
            (true, false) if note.is_none() => {
                self.problem(&path, msg!("recipient-note-line-without-note"));
                RecipientLayout::Inline
            }
            (true, false) => RecipientLayout::NoteLine,
            (false, true) if group.group.len() < 2 => {
                self.problem(&path, msg!("recipient-brace-without-group"));
                RecipientLayout::Inline
            }
            (false, true) => RecipientLayout::Brace,
            (false, false) => RecipientLayout::Inline,
        };
        if names.is_empty() || names.iter().any(String::is_empty) {
            return None;
        }
        Some(Recipient {
            names,
            note,
            layout,
        })
    }

    /// A number that counts something: 1 or more.
    fn count(&mut self, path: &str, value: Option<i64>) -> Option<u32> {
        let n = value?;
        match u32::try_from(n) {
            Ok(n) if n >= 1 => Some(n),
            _ if n > 0 => {
                self.problem(
                    path,
                    msg!(
                        "count-too-large",
                        value = Arg::count(n),
                        max = Arg::count(u32::MAX)
                    ),
                );
                None
            }
            _ => {
                // The document's own number: 0 is a mistaken blank slot.
                let number = if path == "number" { "yes" } else { "no" };
                self.problem(path, msg!("count-below-one", value = n, number = number));
                None
            }
        }
    }

    fn kind(&mut self, input: &Input) -> Option<Kind> {
        let Some(text) = input.kind.as_deref() else {
            self.problem("kind", msg!("kind-required"));
            return None;
        };
        let kind = Kind::parse(text);
        if kind.is_none() {
            let known: Vec<&str> = Kind::all().map(Kind::id).collect();
            self.problem(
                "kind",
                msg!("kind-unknown", value = text, known = known.join(", ")),
            );
        }
        kind
    }

    fn symbol(
        &mut self,
        input: &Input,
        kind: Option<Kind>,
        issuer: Option<&str>,
        unit: Option<&str>,
    ) -> String {
        let kind = match kind {
            Some(kind) => kind,
            None => return String::new(),
        };
        if let Some(symbol) = input.symbol.as_deref().map(|s| nfc(s.trim())) {
            if symbol.is_empty() || symbol.contains(char::is_whitespace) {
                self.problem("symbol", msg!("symbol-form"));
            } else if let Some(abbr) = kind.abbreviation() {
                if !symbol.starts_with(&format!("{abbr}-")) {
                    self.problem(
                        "symbol",
                        msg!(
                            "symbol-prefix",
                            kind = kind.name(),
                            abbreviation = abbr,
                            symbol = symbol.as_str()
                        ),
                    );
                }
            }
            return symbol;
        }
        let Some(issuer) = issuer.filter(|s| !s.trim().is_empty()) else {
            self.problem("issuer.abbreviation", msg!("issuer-abbreviation-required"));
            return String::new();
        };
        if issuer.contains(char::is_whitespace) {
            self.problem("issuer.abbreviation", msg!("no-spaces"));
        }
        match kind.abbreviation() {
            Some(abbr) => format!("{abbr}-{issuer}"),
            None => match unit.map(str::trim).filter(|u| !u.is_empty()) {
                Some(unit) => format!("{issuer}-{}", nfc(unit)),
                None => {
                    self.problem(
                        "issuer.unit",
                        msg!("issuer-unit-required", kind = kind.name()),
                    );
                    String::new()
                }
            },
        }
    }

    /// Phụ lục, those written in the body first: each needs a title; one is
    /// `Phụ lục`, several are numbered `Phụ lục I`, `II` … .
    fn appendices(
        &mut self,
        in_body: &[body::AppendixText],
        inputs: &[crate::input::AppendixInput],
        body_offset: BodyLineOffset,
    ) -> Vec<crate::model::Appendix> {
        let mut appendices = Vec::new();
        for (k, a) in in_body.iter().enumerate() {
            let offset = body_offset.map(|first| first + a.first_line - 1);
            let expected = k as u32 + 1;
            if a.typed.is_some_and(|typed| typed != expected) {
                let line = match offset {
                    Some(first) => msg!("at-file-line", line = first - 1),
                    None => msg!("at-body-line", line = a.first_line - 1),
                };
                self.problem(
                    "body",
                    msg!(
                        "appendix-order",
                        typed = crate::vn::roman(a.typed.unwrap_or(0)),
                        expected = crate::vn::roman(expected),
                        place = line
                    ),
                );
            }
            if a.title.trim().is_empty() {
                // The heading is the line before the appendix's content.
                let where_ = match offset {
                    Some(first) => msg!("at-file-line", line = first - 1),
                    None => msg!("at-body-line", line = a.first_line - 1),
                };
                self.problem("body", msg!("appendix-title-missing", place = where_));
            }
            let title = nfc(a.title.trim());
            let body = self.body("body", a.markdown, offset);
            appendices.push((title, body, a.landscape, None));
        }
        for (i, a) in inputs.iter().enumerate() {
            let title = self.required(&format!("appendices[{i}].title"), a.title.as_deref());
            let path = format!("appendices[{i}].body");
            let body = self.body(&path, a.body.as_deref().unwrap_or(""), None);
            let issued = a.kind.as_deref().and_then(|text| {
                let kind = Kind::parse(text).filter(|k| k.has_type_name());
                if kind.is_none() {
                    self.problem(
                        &format!("appendices[{i}].kind"),
                        msg!("appendix-kind-unknown", value = text),
                    );
                }
                kind
            });
            appendices.push((title, body, a.landscape, issued));
        }
        // Only the Phụ lục are numbered: a text issued stands by its name.
        let many = appendices.iter().filter(|a| a.3.is_none()).count() > 1;
        let mut number = 0;
        appendices
            .into_iter()
            .map(|(title, body, landscape, issued)| crate::model::Appendix {
                label: match (issued, many) {
                    (Some(kind), _) => kind.name().to_uppercase(),
                    (None, true) => {
                        number += 1;
                        format!("Phụ lục {}", crate::vn::roman(number))
                    }
                    (None, false) => "Phụ lục".to_string(),
                },
                issued,
                title,
                body,
                landscape,
            })
            .collect()
    }

    /// The authority line, căn cứ and enacting line typed at the head of a
    /// Quyết định's or Nghị quyết's body ([`crate::preamble`]).
    fn typed_head(
        &mut self,
        kind: Kind,
        markdown: &str,
        offset: BodyLineOffset,
    ) -> Option<crate::preamble::Preamble> {
        match crate::preamble::take(markdown, kind) {
            Ok(head) => head,
            Err(problems) => {
                self.body_problems("body", problems, offset);
                None
            }
        }
    }

    /// Lays out what the head of the body says as its fields would: the
    /// căn cứ as `bases`, the authority line as `authority_line`. Given in
    /// both places they are refused rather than printed twice.
    fn take_typed_head(
        &mut self,
        head: &crate::preamble::Preamble,
        bases: &mut Vec<String>,
        authority_line: &mut Option<String>,
    ) {
        if !head.bases.is_empty() {
            if bases.is_empty() {
                *bases = head.bases.iter().map(|b| nfc(b)).collect();
            } else {
                self.problem("body", msg!("bases-twice"));
            }
        }
        let Some(typed) = &head.authority else {
            return;
        };
        let same = |a: &str, b: &str| {
            let words = |t: &str| {
                t.split_whitespace()
                    .map(str::to_uppercase)
                    .collect::<Vec<_>>()
            };
            words(a) == words(b)
        };
        match authority_line {
            None => *authority_line = Some(nfc(typed)),
            Some(given) if same(given, typed) => {}
            Some(given) => self.problem(
                "body",
                msg!(
                    "authority-line-twice",
                    typed = typed.replace('\n', " "),
                    given = given.as_str()
                ),
            ),
        }
    }

    fn body_problems(
        &mut self,
        path: &str,
        problems: Vec<body::BodyProblem>,
        offset: BodyLineOffset,
    ) {
        for p in problems {
            let where_ = match offset {
                Some(first) => msg!("at-file-line", line = first + p.line - 1),
                None => Message::text(""),
            };
            self.problem(
                path,
                msg!(
                    "body-line",
                    line = p.line,
                    place = where_,
                    message = p.message
                ),
            );
        }
    }

    fn body(
        &mut self,
        path: &str,
        markdown: &str,
        offset: BodyLineOffset,
    ) -> Vec<crate::model::Block> {
        match body::parse(&nfc(markdown)) {
            Ok(blocks) => {
                let tables = blocks.iter().filter_map(|b| match b {
                    crate::model::Block::Table(t) => Some(t),
                    _ => None,
                });
                for (i, table) in tables.enumerate() {
                    let columns = table.header.len();
                    if columns > self.limits.max_table_columns {
                        self.problem(
                            "body",
                            msg!(
                                "table-columns-limit",
                                table = i + 1,
                                columns = Arg::count(columns),
                                limit = Arg::count(self.limits.max_table_columns)
                            ),
                        );
                    }
                }
                blocks
            }
            Err(problems) => {
                self.body_problems(path, problems, offset);
                Vec::new()
            }
        }
    }

    /// The last article of a Quyết định or Nghị quyết names who carries it
    /// out (templates 1.1–1.3: `… chịu trách nhiệm thi hành Quyết định
    /// này`, `Giao Ủy ban nhân dân tỉnh tổ chức thực hiện`); "có hiệu lực
    /// thi hành" alone names nobody. A council's Nghị quyết may end on the
    /// article that records its adoption (`… đã được Hội đồng nhân dân tỉnh
    /// … thông qua`), which also stands. A body without articles is not
    /// held to it.
    fn implementers(&mut self, kind: Kind, markdown: &str, body: &[Block], offset: BodyLineOffset) {
        use crate::model::{plain_text, Level};
        let Some(last) = body
            .iter()
            .rposition(|b| matches!(b, Block::Heading(h) if h.level == Level::Article))
        else {
            return;
        };
        let text: String = body[last..]
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(plain_text(&h.spans())),
                Block::Paragraph(p) => Some(plain_text(&p.spans())),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace("hiệu lực thi hành", "");
        let named = ["thi hành", "thực hiện", "chịu trách nhiệm"];
        let adopted = ["thông qua", "giao "];
        let resolution = kind == Kind::NghiQuyet;
        if named.iter().any(|words| text.contains(words))
            || (resolution && adopted.iter().any(|words| text.contains(words)))
        {
            return;
        }
        let Block::Heading(heading) = &body[last] else {
            return;
        };
        // The heading's line in the body: the last `# Điều` typed.
        let line = markdown
            .lines()
            .enumerate()
            .filter(|(_, l)| {
                let l = l.trim_start();
                l.starts_with('#')
                    && l.trim_start_matches('#')
                        .trim_start()
                        .to_lowercase()
                        .starts_with("điều")
            })
            .last()
            .map_or(1, |(i, _)| i + 1);
        let where_ = match offset {
            Some(first) => msg!("at-file-line", line = first + line - 1),
            None => Message::text(""),
        };
        let found = msg!(
            "implementers-missing",
            label = heading.label.as_str(),
            title = plain_text(&heading.content),
            kind = kind.name()
        );
        self.problem(
            "body",
            msg!("body-line", line = line, place = where_, message = found),
        );
    }

    fn signer(&mut self, path: &str, signer: Option<&crate::input::SignerInput>) -> Signer {
        let Some(signer) = signer else {
            self.problem(path, msg!("signer-required"));
            return Signer {
                authority: Vec::new(),
                title: String::new(),
                name: String::new(),
                signature_image: None,
            };
        };
        let authority = self.list(&format!("{path}.authority"), &signer.authority);
        for (i, line) in authority.iter().enumerate() {
            let prefix = line.split_whitespace().next().unwrap_or("");
            if !AUTHORITY_PREFIXES.contains(&prefix) {
                self.problem(
                    &format!("{path}.authority[{i}]"),
                    msg!(
                        "authority-prefix",
                        prefixes = AUTHORITY_PREFIXES.join(", "),
                        prefix = prefix
                    ),
                );
            }
        }
        Signer {
            authority,
            title: self.required(&format!("{path}.title"), signer.title.as_deref()),
            name: self.required(&format!("{path}.name"), signer.name.as_deref()),
            signature_image: signer.signature_image.as_deref().and_then(|file| {
                pictures::read(
                    &format!("{path}.signature_image"),
                    file,
                    self.base.as_deref(),
                    &mut self.problems,
                )
            }),
        }
    }

    fn urgency(&mut self, text: &str) -> Option<Urgency> {
        match normalise_choice(text).as_str() {
            "hoa-toc" | "hỏa-tốc" | "hoả-tốc" => Some(Urgency::HoaToc),
            "thuong-khan" | "thượng-khẩn" => Some(Urgency::ThuongKhan),
            "khan" | "khẩn" => Some(Urgency::Khan),
            _ => {
                self.problem("urgency", msg!("urgency-unknown", value = text));
                None
            }
        }
    }

    fn secrecy(&mut self, text: &str) -> Option<Secrecy> {
        match normalise_choice(text).as_str() {
            "tuyet-mat" | "tuyệt-mật" => Some(Secrecy::TuyetMat),
            "toi-mat" | "tối-mật" => Some(Secrecy::ToiMat),
            "mat" | "mật" => Some(Secrecy::Mat),
            _ => {
                self.problem("secrecy", msg!("secrecy-unknown", value = text));
                None
            }
        }
    }

    fn style(&mut self, input: Option<&StyleInput>) -> Style {
        let Some(input) = input else {
            return Style::default();
        };
        let preset = match input.preset {
            None | Some(14) => Preset::Size14,
            Some(13) => Preset::Size13,
            Some(other) => {
                self.problem("style.preset", msg!("style-preset", value = other));
                Preset::Size14
            }
        };
        let mut style = Style::preset(preset);
        if let Some(m) = &input.margins {
            let d = style.margins;
            style.margins = Margins {
                top: m.top.unwrap_or(d.top),
                bottom: m.bottom.unwrap_or(d.bottom),
                left: m.left.unwrap_or(d.left),
                right: m.right.unwrap_or(d.right),
            };
            for (name, value, min, max) in style.margins.with_ranges() {
                if !(min..=max).contains(&value) {
                    self.problem(
                        &format!("style.margins.{name}"),
                        msg!("style-margin-range", value = value, min = min, max = max),
                    );
                }
            }
        }
        if let Some(indent) = input.first_line_indent {
            if !(10.0..=12.7).contains(&indent) {
                self.problem(
                    "style.first_line_indent",
                    msg!("style-indent", value = indent),
                );
            }
            style.first_line_indent = indent;
        }
        if let Some(spacing) = input.line_spacing {
            if !(1.0..=1.5).contains(&spacing) {
                self.problem(
                    "style.line_spacing",
                    msg!("style-line-spacing", value = spacing),
                );
            }
            style.line_spacing = spacing;
        }
        if let Some(spacing) = input.paragraph_spacing {
            if !(6.0..=24.0).contains(&spacing) {
                self.problem(
                    "style.paragraph_spacing",
                    msg!("style-paragraph-spacing", value = spacing),
                );
            }
            style.paragraph_spacing = spacing;
        }
        match input.hoa_spelling.as_deref().map(|s| nfc(s).to_uppercase()) {
            None => {}
            Some(s) if s == "HÒA" => style = style.with_hoa_spelling(HoaSpelling::Hoa),
            Some(s) if s == "HOÀ" => style = style.with_hoa_spelling(HoaSpelling::Hoaf),
            Some(s) => self.problem("style.hoa_spelling", msg!("style-hoa-spelling", value = s)),
        }
        style
    }
}

/// What is wrong with a character, if anything: a control character
/// (tab and line break only in fields that may span lines) or a
/// non-character, neither of which a DOCX may hold.
pub fn forbidden_character(c: char, one_line: bool) -> Option<Message> {
    match c {
        '\n' if one_line => Some(msg!("char-line-break")),
        '\t' if one_line => Some(msg!("char-tab")),
        '\n' | '\t' => None,
        '\r' => Some(msg!("char-carriage-return")),
        c if c.is_control() => Some(msg!("char-control")),
        c if is_noncharacter(c) => Some(msg!("char-noncharacter")),
        _ => None,
    }
}

/// Unicode's 66 non-characters: U+FDD0–U+FDEF and the last two code points
/// of every plane (U+FFFE, U+FFFF, U+1FFFE …).
pub fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

fn normalise_choice(text: &str) -> String {
    nfc(text.trim()).to_lowercase().replace([' ', '_'], "-")
}

/// Căn cứ end in `;`, the last in `.` (App. I II.6.a).
fn punctuate_bases(bases: &[String]) -> Vec<String> {
    let last = bases.len().saturating_sub(1);
    bases
        .iter()
        .enumerate()
        .map(|(i, basis)| {
            let end = if i == last { "." } else { ";" };
            format!("{}{end}", strip_list_punctuation(basis))
        })
        .collect()
}

/// `- Sở Nội vụ;` → `Sở Nội vụ`: the renderer writes the dash and the `;`.
fn strip_list_punctuation(item: &str) -> String {
    let item = item.trim();
    let item = item.strip_prefix("- ").unwrap_or(item);
    item.trim_end_matches([';', '.', ','])
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Input {
        serde_norway::from_str(
            "kind: ke-hoach\nissuer: {name: VĂN PHÒNG, abbreviation: VP}\nnumber: 5\nplace: Tây Ninh\ndate: 2024-03-08\nsummary: Tuyên truyền\nsigner: {title: CHÁNH VĂN PHÒNG, name: Đoàn Minh Long}\n",
        )
        .unwrap()
    }

    /// The last article must name who implements a Quyết định or Nghị
    /// quyết; a document without articles, or of another kind, is not held
    /// to it.
    /// The head of a Quyết định typed in its body becomes its `bases` and
    /// `authority_line`; `QUYẾT ĐỊNH:` is not left in the body (it prints
    /// once). Given in both places, they are refused.
    #[test]
    fn a_typed_head_is_laid_out_as_its_fields() {
        let head = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật A;\n\nXét đề nghị B\n\n**QUYẾT ĐỊNH:**\n\n\
                    # Điều 1. Nội dung\n\nCác cơ quan chịu trách nhiệm thi hành./.\n";
        let mut input = minimal();
        input.kind = Some("quyet-dinh".into());
        input.body = Some(head.into());
        let doc = validate(&input, None).unwrap();
        assert_eq!(doc.bases, ["Căn cứ Luật A;", "Xét đề nghị B."]);
        assert_eq!(
            doc.authority_line.as_deref(),
            Some("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
        );
        assert_eq!(doc.body.len(), 2, "{:?}", doc.body);
        let printed = doc.text_lines();
        assert_eq!(
            printed.iter().filter(|l| l.contains("QUYẾT ĐỊNH:")).count(),
            1
        );
        input.bases = vec!["Căn cứ Luật C".into()];
        input.authority_line = Some("GIÁM ĐỐC SỞ".into());
        let problems = validate(&input, None).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.path == "body"));
    }

    #[test]
    fn the_last_article_names_who_implements() {
        let check = |kind: &str, body: &str| {
            let mut input = minimal();
            input.kind = Some(kind.to_string());
            input.body = Some(body.to_string());
            validate(&input, None).err().map(|p| p[0].message.clone())
        };
        let silent = "# Điều: Một\n\nNội dung.\n\n# Điều: Hiệu lực\n\nCó hiệu lực kể từ ngày ký./.";
        let err = check("quyet-dinh", silent).expect("refused");
        assert!(err.contains("the last article (Điều 2. Hiệu lực)"), "{err}");
        assert!(err.starts_with("line 5 of the body"), "{err}");
        let err = check("nghi-quyet", silent).expect("refused");
        assert!(err.contains("Nghị quyết"), "{err}");
        assert_eq!(check("ke-hoach", silent), None);
        assert_eq!(check("quyet-dinh", "Nội dung./."), None);
        let council = "# Điều: Một\n\nNội dung.\n\n# Điều: Tổ chức thực hiện\n\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết./.";
        assert_eq!(check("nghi-quyet", council), None);
        // An article named in the heading alone is enough.
        let heading = "# Điều: Trách nhiệm thi hành\n\nCác cơ quan có tên tại Điều 1./.";
        assert_eq!(check("quyet-dinh", heading), None);
    }

    #[test]
    fn a_minimal_plan_is_valid() {
        let doc = validate(&minimal(), None).unwrap();
        assert_eq!(doc.symbol, "KH-VP");
        assert_eq!(doc.number_line(), "Số: 05/KH-VP");
        assert_eq!(doc.place_date_line(), "Tây Ninh, ngày 08 tháng 3 năm 2024");
        assert_eq!(doc.archive_line(), "- Lưu: VT.");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut input = minimal();
        input.kind = Some("nhat-ky".into());
        input.number = Some(0);
        input.date = Some(crate::input::DateInput::Text("2024-02-30".into()));
        input.signer.as_mut().unwrap().name = None;
        input.signer.as_mut().unwrap().authority = vec!["PT. CHỦ TỊCH".into()];
        let paths: Vec<String> = validate(&input, None)
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
        for path in [
            "kind",
            "number",
            "date",
            "signer.name",
            "signer.authority[0]",
        ] {
            assert!(paths.contains(&path.to_string()), "{path} in {paths:?}");
        }
    }

    #[test]
    fn cong_van_symbol_is_issuer_then_unit() {
        let mut input = minimal();
        input.kind = Some("cong-van".into());
        input.issuer = Some(crate::input::IssuerInput {
            name: Some("ỦY BAN NHÂN DÂN".into()),
            abbreviation: Some("UBND".into()),
            unit: Some("VX".into()),
        });
        let doc = validate(&input, None).unwrap();
        assert_eq!(doc.number_line(), "Số: 05/UBND-VX");
        assert_eq!(doc.subject_line().as_deref(), Some("V/v Tuyên truyền"));
    }

    #[test]
    fn a_symbol_override_must_keep_the_type_abbreviation() {
        let mut input = minimal();
        input.symbol = Some("BC-VP".into());
        assert_eq!(validate(&input, None).unwrap_err()[0].path, "symbol");
        input.symbol = Some("KH-VP-HCTC".into());
        assert_eq!(validate(&input, None).unwrap().symbol, "KH-VP-HCTC");
    }

    #[test]
    fn bases_and_recipients_are_punctuated_by_the_rules() {
        assert_eq!(
            punctuate_bases(&[
                "Căn cứ A;".into(),
                "Căn cứ B".into(),
                "Xét đề nghị C;".into()
            ]),
            ["Căn cứ A;", "Căn cứ B;", "Xét đề nghị C."]
        );
        assert_eq!(strip_list_punctuation("- Sở Nội vụ;"), "Sở Nội vụ");
    }

    fn with_recipients(yaml: &str) -> Result<Document, Vec<Problem>> {
        let mut input = minimal();
        input.recipients = serde_norway::from_str(yaml)
            .map_err(|e| vec![Problem::new("recipients", e.to_string())])?;
        validate(&input, None)
    }

    /// A note on its own line (`note_line`), a group joined by a brace
    /// (`brace`): their lines in reading order; the two at once, a brace
    /// over one name or a note line without a note are refused.
    #[test]
    fn recipients_with_a_note_line_or_a_brace() {
        let doc = with_recipients(
            "- {name: Cổng TTĐT tỉnh, note: để đưa tin, note_line: true}\n- {group: [Thủ tướng Chính phủ, Bộ Xây dựng], note: để b/c, brace: true}\n",
        )
        .unwrap();
        assert_eq!(
            doc.recipient_lines(),
            [
                "- Cổng TTĐT tỉnh;",
                "(để đưa tin)",
                "- Thủ tướng Chính phủ;",
                "- Bộ Xây dựng;",
                "(để b/c)",
                "- Lưu: VT."
            ]
        );
        let problems = with_recipients(
            "- {name: A, note: x, note_line: true, brace: true}\n- {name: B, note: y, brace: true}\n- {name: C, note_line: true}\n",
        )
        .unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["recipients[0]", "recipients[1]", "recipients[2]"],
            "{problems:?}"
        );
    }

    #[test]
    fn grouped_recipients_share_one_line_and_their_note() {
        let doc = with_recipients(
            "- Như trên;\n- {group: [Bộ Nội vụ, 'Bộ Tài chính;'], note: (để b/c)}\n- {name: Thủ tướng Chính phủ, note: để b/c;}\n- {group: [Sở Tài chính, Sở Nội vụ]}\n",
        )
        .unwrap();
        assert_eq!(
            doc.recipient_lines(),
            [
                "- Như trên;",
                "- Bộ Nội vụ, Bộ Tài chính (để b/c);",
                "- Thủ tướng Chính phủ (để b/c);",
                "- Sở Tài chính, Sở Nội vụ;",
                "- Lưu: VT."
            ]
        );
    }

    #[test]
    fn bad_recipient_groups_are_named_by_their_field() {
        let problems = with_recipients(
            "- {note: để b/c}\n- {name: A, group: [B]}\n- {group: [A, ' ']}\n- {group: [A], note: ' '}\n",
        )
        .unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "recipients[0]",
                "recipients[1]",
                "recipients[2].group[1]",
                "recipients[3].note"
            ],
            "{problems:?}"
        );
        let err = with_recipients("- {group: [A], notes: để b/c}\n").unwrap_err();
        assert!(err[0].message.contains("unknown field `notes`"), "{err:?}");
    }

    #[test]
    fn margins_outside_the_ranges_are_refused() {
        let mut input = minimal();
        input.style = Some(StyleInput {
            margins: Some(crate::input::MarginsInput {
                left: Some(25.0),
                top: Some(30.0),
                ..Default::default()
            }),
            ..Default::default()
        });
        let paths: Vec<String> = validate(&input, None)
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["style.margins.top", "style.margins.left"]);
    }

    #[test]
    fn text_is_normalised_to_nfc() {
        let mut input = minimal();
        input.place = Some("Ta\u{0302}y Ninh".into());
        assert_eq!(validate(&input, None).unwrap().place, "Tây Ninh");
    }
}
