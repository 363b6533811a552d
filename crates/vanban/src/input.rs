//! The input document as written by people and programs: the same shape
//! from YAML, JSON, TOML or a Python dict. Everything is optional here so
//! that validation can report every missing field at once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A document as written in an input file. See the README for each field.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Loại văn bản: `ke-hoach`, `bao-cao`, `cong-van`, … or its name (`Kế hoạch`) or abbreviation (`KH`).
    pub kind: Option<String>,
    /// Cơ quan chủ quản (parent authority), e.g. `UBND TỈNH TÂY NINH`. A line break splits it.
    pub parent: Option<String>,
    /// Cơ quan ban hành (issuing authority).
    pub issuer: Option<IssuerInput>,
    /// Số: the serial number in the year's register; leave out for a blank slot.
    pub number: Option<i64>,
    /// Ký hiệu: derived from kind and issuer (`KH-VP`); set it to override.
    pub symbol: Option<String>,
    /// Địa danh: the place name, e.g. `Tây Ninh`.
    pub place: Option<String>,
    /// Ngày ban hành: `YYYY-MM-DD`; leave out for blank slots.
    pub date: Option<DateInput>,
    /// Trích yếu: the summary (for a công văn, the text after `V/v`).
    pub summary: Option<String>,
    /// Căn cứ: legal bases, one per item; `;` and the final `.` are added.
    #[serde(default)]
    pub bases: Vec<String>,
    /// Quyết định / Nghị quyết: the issuing-authority line under the summary,
    /// e.g. `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH`.
    pub authority_line: Option<String>,
    /// Kính gửi: addressees.
    #[serde(default)]
    pub addressees: Vec<String>,
    /// Nội dung: the body in Markdown.
    pub body: Option<String>,
    /// Phụ lục: appendices after the signature, each with its own title,
    /// `(Kèm theo …)` line, page numbers and orientation.
    #[serde(default)]
    pub appendices: Vec<AppendixInput>,
    /// Nơi nhận: recipients, one per item, without `- ` and `;`; an item may
    /// group several names with a shared note: `{group: [Bộ Nội vụ, Bộ Tài
    /// chính], note: để b/c}`.
    #[serde(default)]
    pub recipients: Vec<RecipientInput>,
    /// Lưu: the units after `VT` and the copies kept.
    pub archive: Option<ArchiveInput>,
    /// Người ký: signing authority, title and full name. For a Biên bản,
    /// the chair (CHỦ TỌA), who signs on the right.
    pub signer: Option<SignerInput>,
    /// Biên bản: the secretary (THƯ KÝ), who signs on the left.
    pub secretary: Option<SignerInput>,
    /// Giấy nghỉ phép (template 1.10): the box left of the signer where the
    /// place of leave confirms, e.g. `Xác nhận của cơ quan (tổ chức)\nhoặc
    /// chính quyền địa phương nơi nghỉ phép`.
    pub confirmation: Option<String>,
    /// Người soạn thảo: drafter's initials and copies issued.
    pub drafter: Option<DrafterInput>,
    /// Độ khẩn: `hoa-toc`, `thuong-khan` or `khan`.
    pub urgency: Option<String>,
    /// Độ mật: `mat`, `toi-mat` or `tuyet-mat`.
    pub secrecy: Option<String>,
    /// Ô 11: circulation notice, e.g. `XEM XONG TRẢ LẠI`, `LƯU HÀNH NỘI BỘ`.
    pub circulation: Option<String>,
    /// Ô 8: the office's seal picture, `{image: seal.png, diameter: 36}`.
    pub seal: Option<SealInput>,
    /// Layout choices within the decree's ranges.
    pub style: Option<StyleInput>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssuerInput {
    /// Full official name in capitals, e.g. `VĂN PHÒNG`.
    pub name: Option<String>,
    /// Abbreviation used in the symbol, e.g. `VP`, `UBND`.
    pub abbreviation: Option<String>,
    /// For a công văn: abbreviation of the drafting unit or field (`VX` in `UBND-VX`).
    pub unit: Option<String>,
}

/// A date as text (`2024-03-08`; a year alone, `2026`, leaves day and month
/// blank), or a TOML date.
#[derive(Clone, Debug, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum DateInput {
    Text(String),
    #[schemars(skip)]
    Toml(toml::value::Datetime),
    /// A year alone.
    Year(i64),
}

impl DateInput {
    pub fn text(&self) -> String {
        match self {
            DateInput::Text(text) => text.clone(),
            DateInput::Toml(datetime) => datetime.to_string(),
            DateInput::Year(year) => year.to_string(),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixInput {
    /// The appendix title, e.g. `Danh sách thành viên Tổ công tác`.
    pub title: Option<String>,
    /// Its content in Markdown, as the body.
    pub body: Option<String>,
    /// `true` for a landscape appendix (a wide table).
    #[serde(default)]
    pub landscape: bool,
    /// Quyết định indirect (template 1.3): the kind of the text it issues
    /// (`quy-che`, `quy-dinh`, …). The section is then that text — its type
    /// name over its title and `(Ban hành kèm theo Quyết định số …)` —
    /// rather than a Phụ lục.
    pub kind: Option<String>,
}

/// A Nơi nhận item: a name (`Như trên`), or one name or a group of names on
/// one line with a shared note: `- Bộ Nội vụ, Bộ Tài chính (để b/c);`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum RecipientInput {
    Name(String),
    Group(RecipientGroupInput),
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientGroupInput {
    /// One recipient, e.g. `Thủ tướng Chính phủ`.
    pub name: Option<String>,
    /// Several recipients sharing the line and the note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<String>,
    /// The note in brackets after the names: `để b/c`, `để t/h`, `để biết`.
    pub note: Option<String>,
    /// The note on a line of its own under the name, centred and italic
    /// (`(để đưa tin)`), rather than after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_line: Option<bool>,
    /// A group's names each on its line, a brace to their right and the
    /// note beside it, as printed (`} (để b/c)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brace: Option<bool>,
}

impl From<String> for RecipientInput {
    fn from(name: String) -> Self {
        RecipientInput::Name(name)
    }
}

impl<'de> Deserialize<'de> for RecipientInput {
    /// By hand rather than `untagged`, so that a misspelt key in a group is
    /// reported by name (`unknown field `notes``), not as "no variant matched".
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RecipientInput;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a recipient's name, or {name or group, note}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RecipientInput::Name(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                RecipientGroupInput::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RecipientInput::Group)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchiveInput {
    /// Units kept after `VT`, e.g. `[VP]`.
    #[serde(default)]
    pub units: Vec<String>,
    /// Copies kept.
    pub copies: Option<i64>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignerInput {
    /// Authority lines, each starting with TM., Q., KT., TL. or TUQ.
    #[serde(default)]
    pub authority: Vec<String>,
    /// The signer's title in capitals, e.g. `CHÁNH VĂN PHÒNG`.
    pub title: Option<String>,
    /// Full name, e.g. `Đoàn Minh Long`.
    pub name: Option<String>,
    /// Ô 7c: a PNG of the handwritten signature (blue, transparent
    /// background), absolute or relative to the input file; placed at its
    /// own size (its pHYs resolution, else 96 dpi) between title and name.
    pub signature_image: Option<String>,
}

/// Ô 8: the office's seal as a picture.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SealInput {
    /// A PNG of the seal (red, transparent background), absolute or
    /// relative to the input file.
    pub image: Option<String>,
    /// The seal's real diameter in mm (the picture is set this wide).
    pub diameter: Option<f32>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrafterInput {
    /// Drafter's initials, e.g. `T.Dung`.
    pub initials: Option<String>,
    /// Copies issued.
    pub copies: Option<i64>,
    /// `lưu` puts initials and copies at the end of the `Lưu` line, as the
    /// decree's templates do; `riêng` (default) on a line of their own.
    pub placement: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StyleInput {
    /// Size preset: `14` (default; body 14 pt, quốc hiệu 13 pt) or `13`.
    pub preset: Option<u8>,
    /// Margins in mm: top and bottom 20–25, left 30–35, right 15–20.
    pub margins: Option<MarginsInput>,
    /// First-line indent in mm: 10 (default) or 12.7.
    pub first_line_indent: Option<f32>,
    /// Line spacing, 1.0 (single, default) to 1.5.
    pub line_spacing: Option<f32>,
    /// Space between body paragraphs in pt, at least 6 (default 6).
    pub paragraph_spacing: Option<f32>,
    /// Spelling in the quốc hiệu: `HÒA` (default) or `HOÀ`.
    pub hoa_spelling: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarginsInput {
    pub top: Option<f32>,
    pub bottom: Option<f32>,
    pub left: Option<f32>,
    pub right: Option<f32>,
}

impl Input {
    /// Makes the picture paths that are relative to `base` (the input
    /// file's folder) paths that name the same files from anywhere, so the
    /// input can be kept (a register draft, a pickled document) and read
    /// again from another working folder.
    pub fn anchor_pictures(&mut self, base: &std::path::Path) {
        let anchor = |file: &mut Option<String>| {
            if let Some(name) = file.as_mut() {
                if std::path::Path::new(name.as_str()).is_relative() {
                    *name = base.join(name.as_str()).to_string_lossy().into_owned();
                }
            }
        };
        for signer in [&mut self.signer, &mut self.secretary]
            .into_iter()
            .flatten()
        {
            anchor(&mut signer.signature_image);
        }
        if let Some(seal) = &mut self.seal {
            anchor(&mut seal.image);
        }
    }

    /// Every text of the input with its field path, in field order, for
    /// the checks every text gets (characters, length).
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        fn one<'a>(out: &mut Vec<(String, &'a str)>, path: &str, text: Option<&'a str>) {
            if let Some(text) = text {
                out.push((path.to_string(), text));
            }
        }
        one(&mut out, "kind", self.kind.as_deref());
        one(&mut out, "parent", self.parent.as_deref());
        if let Some(issuer) = &self.issuer {
            one(&mut out, "issuer.name", issuer.name.as_deref());
            one(
                &mut out,
                "issuer.abbreviation",
                issuer.abbreviation.as_deref(),
            );
            one(&mut out, "issuer.unit", issuer.unit.as_deref());
        }
        one(&mut out, "symbol", self.symbol.as_deref());
        one(&mut out, "place", self.place.as_deref());
        if let Some(DateInput::Text(date)) = &self.date {
            one(&mut out, "date", Some(date.as_str()));
        }
        one(&mut out, "summary", self.summary.as_deref());
        one(&mut out, "body", self.body.as_deref());
        one(&mut out, "urgency", self.urgency.as_deref());
        one(&mut out, "secrecy", self.secrecy.as_deref());
        one(&mut out, "authority_line", self.authority_line.as_deref());
        one(&mut out, "circulation", self.circulation.as_deref());
        one(&mut out, "confirmation", self.confirmation.as_deref());
        if let Some(signer) = &self.signer {
            one(&mut out, "signer.title", signer.title.as_deref());
            one(&mut out, "signer.name", signer.name.as_deref());
        }
        if let Some(secretary) = &self.secretary {
            one(&mut out, "secretary.title", secretary.title.as_deref());
            one(&mut out, "secretary.name", secretary.name.as_deref());
        }
        for (i, appendix) in self.appendices.iter().enumerate() {
            if let Some(title) = &appendix.title {
                out.push((format!("appendices[{i}].title"), title));
            }
            if let Some(body) = &appendix.body {
                out.push((format!("appendices[{i}].body"), body));
            }
        }
        if let Some(drafter) = &self.drafter {
            one(&mut out, "drafter.initials", drafter.initials.as_deref());
        }
        if let Some(style) = &self.style {
            one(
                &mut out,
                "style.hoa_spelling",
                style.hoa_spelling.as_deref(),
            );
        }
        for (i, recipient) in self.recipients.iter().enumerate() {
            match recipient {
                RecipientInput::Name(name) => out.push((format!("recipients[{i}]"), name)),
                RecipientInput::Group(group) => {
                    if let Some(name) = &group.name {
                        out.push((format!("recipients[{i}].name"), name));
                    }
                    for (j, name) in group.group.iter().enumerate() {
                        out.push((format!("recipients[{i}].group[{j}]"), name));
                    }
                    if let Some(note) = &group.note {
                        out.push((format!("recipients[{i}].note"), note));
                    }
                }
            }
        }
        let lists: [(&str, &[String]); 4] = [
            ("bases", &self.bases),
            ("addressees", &self.addressees),
            (
                "archive.units",
                self.archive.as_ref().map_or(&[][..], |a| &a.units),
            ),
            (
                "signer.authority",
                self.signer.as_ref().map_or(&[][..], |s| &s.authority),
            ),
        ];
        for (path, items) in lists {
            for (i, item) in items.iter().enumerate() {
                out.push((format!("{path}[{i}]"), item));
            }
        }
        out
    }
}

/// Fields whose text is one word or one line: a line break or tab in them
/// means nothing and is refused.
pub const ONE_LINE_FIELDS: [&str; 12] = [
    "kind",
    "issuer.abbreviation",
    "issuer.unit",
    "symbol",
    "place",
    "date",
    "urgency",
    "secrecy",
    "signer.name",
    "drafter.initials",
    "style.hoa_spelling",
    "archive.units",
];

/// The JSON Schema of the input, for editors' completion.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Input);
    serde_json::to_string_pretty(&schema).expect("a schema serialises")
}
