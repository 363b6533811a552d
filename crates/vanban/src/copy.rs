//! The paper copy's block (bản sao sang định dạng giấy, App. I part II):
//! what the copying office writes under the copied text — the kind of copy
//! (ô 1), the copying office (ô 2), the copy's number (ô 3), place and date
//! (ô 4), the signer (ô 5a–5c), the seal (ô 6) and Nơi nhận (ô 7). Its input
//! has the document's field names and is validated by the document's own
//! checks (the same messages, paths and lines); `compose::copy` lays it out.

use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use vanban_i18n::msg;

use crate::error::{InputError, Problem};
use crate::input::{
    ArchiveInput, DateInput, Input, IssuerInput, RecipientInput, SealInput, SignerInput, StyleInput,
};
use crate::limits::{self, Limits};
use crate::source::{self, Format, Locator};
use crate::validate;
use crate::vn::nfc;
use crate::Document;

/// The three forms of copy (Art. 25; App. I part II.1.a).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CopyKind {
    SaoY,
    SaoLuc,
    TrichSao,
}

impl CopyKind {
    /// As printed (ô 1): `SAO Y`, `SAO LỤC`, `TRÍCH SAO`.
    pub fn words(self) -> &'static str {
        match self {
            CopyKind::SaoY => "SAO Y",
            CopyKind::SaoLuc => "SAO LỤC",
            CopyKind::TrichSao => "TRÍCH SAO",
        }
    }

    /// The symbol's first group (Appendix III): `SY`, `SL`, `TrS`.
    pub fn abbreviation(self) -> &'static str {
        match self {
            CopyKind::SaoY => "SY",
            CopyKind::SaoLuc => "SL",
            CopyKind::TrichSao => "TrS",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            CopyKind::SaoY => "sao-y",
            CopyKind::SaoLuc => "sao-luc",
            CopyKind::TrichSao => "trich-sao",
        }
    }
}

impl std::str::FromStr for CopyKind {
    type Err = String;
    fn from_str(s: &str) -> Result<CopyKind, String> {
        match s.trim() {
            "sao-y" | "SY" => Ok(CopyKind::SaoY),
            "sao-luc" | "SL" => Ok(CopyKind::SaoLuc),
            "trich-sao" | "TrS" => Ok(CopyKind::TrichSao),
            other => Err(msg!("copy-kind-unknown", value = other).to_string()),
        }
    }
}

/// The copy block as written (YAML, JSON, TOML or a Python dict). Fields
/// are those of a document, with the same meaning.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyInput {
    /// Cơ quan chủ quản of the copying office, upright above it.
    pub parent: Option<String>,
    /// The copying office (cơ quan sao): `name` in capitals and the
    /// `abbreviation` of the copy's symbol (`UBND` in `SY-UBND`).
    pub issuer: Option<CopyOfficeInput>,
    /// The copy's number in the copy sequence; leave out for a blank slot
    /// (or take it from the register with `--db`).
    pub number: Option<i64>,
    /// Địa danh.
    pub place: Option<String>,
    /// The date of copying, `YYYY-MM-DD`; leave out for blank slots.
    pub date: Option<DateInput>,
    /// Who signs the copy: authority, title, name, signature picture.
    pub signer: Option<SignerInput>,
    /// The copying office's seal picture.
    pub seal: Option<SealInput>,
    /// Nơi nhận of the copy.
    #[serde(default)]
    pub recipients: Vec<RecipientInput>,
    /// Lưu (`VT` and units).
    pub archive: Option<ArchiveInput>,
    /// What is copied (`Kế hoạch số 1026/KH-VP`): the register's summary.
    pub copied: Option<String>,
    /// Layout choices within the decree's ranges, as a document's.
    pub style: Option<StyleInput>,
}

/// The copying office.
#[derive(Clone, Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyOfficeInput {
    /// Full official name in capitals, e.g. `ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI`.
    pub name: Option<String>,
    /// Abbreviation in the copy's symbol, e.g. `UBND` (`SY-UBND`).
    pub abbreviation: Option<String>,
}

/// A validated copy block: its kind and the fields in a [`Document`] (its
/// issuer the copying office, its symbol `SY-UBND`), which the composition
/// lays out as it lays out a document's header and signature.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyBlock {
    pub kind: CopyKind,
    pub doc: Document,
    /// What is copied, when given.
    pub copied: Option<String>,
}

impl CopyBlock {
    /// Reads and validates a copy block file; every problem at once, each
    /// with its field, line and column. Picture paths are relative to it.
    pub fn from_path(
        path: &Path,
        kind: CopyKind,
        fill: impl FnOnce(&mut CopyInput),
        limits: &Limits,
    ) -> Result<CopyBlock, InputError> {
        let name = path.display().to_string();
        let format = Format::from_path(path).ok_or_else(|| {
            InputError::new(vec![Problem::new("", msg!("input-format-unknown"))]).in_file(&name)
        })?;
        let text = limits::read_text(path, limits.max_file_bytes)
            .map_err(|why| InputError::new(vec![Problem::new("", why)]).in_file(&name))?;
        let text = limits::strip_bom(&text);
        let mut input: CopyInput =
            source::parse_as(text, format, limits).map_err(|e| e.in_file(&name))?;
        fill(&mut input);
        let base = path.parent().unwrap_or(Path::new(""));
        let locator = Locator::new(text, format);
        CopyBlock::from_input(&input, kind, limits, Some(base)).map_err(|e| {
            let located = e
                .problems
                .into_iter()
                .map(|p| match locator.locate(&p.path) {
                    Some((line, column)) => p.at(line, column),
                    None => p,
                })
                .collect();
            InputError::new(located).in_file(&name)
        })
    }

    /// Validates a copy block built in code; picture paths relative to
    /// `base` (else the working folder).
    pub fn from_input(
        input: &CopyInput,
        kind: CopyKind,
        limits: &Limits,
        base: Option<&Path>,
    ) -> Result<CopyBlock, InputError> {
        let issuer = input.issuer.clone().unwrap_or_default();
        // The document's checks, on a document made of the block's fields:
        // a typed kind (no V/v line) and the copy's name as its summary.
        let as_document = Input {
            kind: Some("ke-hoach".into()),
            parent: input.parent.clone(),
            issuer: Some(IssuerInput {
                name: issuer.name.clone(),
                abbreviation: issuer.abbreviation.clone(),
                unit: None,
            }),
            number: input.number,
            place: input.place.clone(),
            date: input.date.clone(),
            summary: Some(kind.words().into()),
            signer: input.signer.clone(),
            seal: input.seal.clone(),
            recipients: input.recipients.clone(),
            archive: input.archive.clone(),
            style: input.style.clone(),
            ..Input::default()
        };
        let mut problems = Vec::new();
        let copied = input
            .copied
            .as_deref()
            .map(nfc)
            .map(|c| c.trim().to_string());
        if copied.as_deref() == Some("") {
            problems.push(Problem::new("copied", msg!("field-empty")));
        }
        // The document's checks below see every other text of the block.
        let length = copied.as_deref().map_or(0, |c| c.chars().count());
        if length > limits.max_field_chars {
            let found = msg!("field-length", length = vanban_i18n::Arg::count(length));
            let limit = limits.max_field_chars as u64;
            problems.push(Problem::new(
                "copied",
                limits::exceeded_message(found, limit, "max-field-chars"),
            ));
        }
        let doc = validate::validate_in(&as_document, None, limits, base);
        match doc {
            Ok(mut doc) if problems.is_empty() => {
                let abbreviation = nfc(issuer.abbreviation.as_deref().unwrap_or("").trim());
                doc.symbol = format!("{}-{abbreviation}", kind.abbreviation());
                Ok(CopyBlock { kind, doc, copied })
            }
            Ok(_) => Err(InputError::new(problems)),
            Err(mut more) => {
                more.extend(problems);
                Err(InputError::new(more))
            }
        }
    }

    /// `Số: 05/SY-UBND` (a blank slot for the number when it has none).
    pub fn number_line(&self) -> String {
        self.doc.number_line()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(yaml: &str) -> CopyInput {
        source::parse_as(yaml, Format::Yaml, &Limits::default()).unwrap()
    }

    const GOOD: &str = "issuer: {name: ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI, abbreviation: UBND}\n\
        number: 5\nplace: Quảng Ngãi\ndate: 2026-03-08\n\
        signer: {authority: [TL. CHỦ TỊCH], title: CHÁNH VĂN PHÒNG, name: Nguyễn Văn An}\n\
        recipients: [Sở Nội vụ]\n";

    #[test]
    fn a_block_has_the_copy_symbol_number_and_date() {
        let block =
            CopyBlock::from_input(&input(GOOD), CopyKind::SaoY, &Limits::default(), None).unwrap();
        assert_eq!(block.number_line(), "Số: 05/SY-UBND");
        assert_eq!(
            block.doc.place_date_line(),
            "Quảng Ngãi, ngày 08 tháng 3 năm 2026"
        );
        let block =
            CopyBlock::from_input(&input(GOOD), CopyKind::TrichSao, &Limits::default(), None)
                .unwrap();
        assert_eq!(block.number_line(), "Số: 05/TrS-UBND");
    }

    #[test]
    fn every_missing_field_is_named_at_once() {
        let err = CopyBlock::from_input(
            &input("issuer: {name: UBND}\ncopied: \"  \"\nsigner: {title: X}\n"),
            CopyKind::SaoLuc,
            &Limits::default(),
            None,
        )
        .unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        for field in ["issuer.abbreviation", "place", "signer.name", "copied"] {
            assert!(paths.contains(&field), "{field} in {paths:?}");
        }
    }

    #[test]
    fn a_file_names_lines_and_refuses_unknown_fields() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sao.yaml");
        std::fs::write(
            &path,
            "issuer: {name: UBND, abbreviation: UBND}\nplace: \"\"\n",
        )
        .unwrap();
        let err =
            CopyBlock::from_path(&path, CopyKind::SaoY, |_| {}, &Limits::default()).unwrap_err();
        let place = err.problems.iter().find(|p| p.path == "place").unwrap();
        assert_eq!(place.line, Some(2));
        std::fs::write(&path, "body: x\n").unwrap();
        let err =
            CopyBlock::from_path(&path, CopyKind::SaoY, |_| {}, &Limits::default()).unwrap_err();
        assert!(err.to_string().contains("body"), "{err}");
    }

    #[test]
    fn kinds_parse_from_their_ids() {
        assert_eq!("sao-luc".parse::<CopyKind>(), Ok(CopyKind::SaoLuc));
        assert!("sao".parse::<CopyKind>().unwrap_err().contains("sao-y"));
    }
}
