//! Findings and the catalogue of rules: each rule's id, severity, spec
//! section and what it checks.

use crate::phrases::phrase;
use serde::Serialize;
use vanban_i18n::{msg, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One rule of the decree as the linter checks it.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// Section of the spec (shared/spec/nd30-format.md) and of the decree.
    pub section: &'static str,
    pub checks: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    section: &'static str,
    checks: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        section,
        checks,
    }
}

use Severity::{Error, Warning};

/// Every rule, in the order of the spec.
pub const RULES: &[Rule] = &[
    rule("ND30-1-page-size", Error, "§1 (App. I I.1-2)", "A4 210 × 297 mm; landscape only as a warning"),
    rule("ND30-1-margins", Error, "§1 (App. I I.3)", "margins top 20-25, bottom 20-25, left 30-35, right 15-20 mm"),
    rule("ND30-1-ink-margins", Error, "§1 (App. I I.3)", "no text in the left or right margin: every line of a PDF (the header table may reach 6 mm into the left margin, as the templates do), no DOCX paragraph indented into a margin"),
    rule("ND30-1-font", Error, "§1 (App. I I.4)", "Times New Roman or a metric-compatible face (Liberation Serif, Tinos)"),
    rule("ND30-1-unicode", Warning, "§1 (App. I I.4: TCVN 6909)", "text stored precomposed (Unicode NFC), so it is searched, sorted and copied as typed"),
    rule("ND30-1-colour", Error, "§1 (App. I I.4)", "text in black (the urgency mark, bright red, excepted: §2.10)"),
    rule("ND30-5-fonts-embedded", Warning, "§5", "PDF: every font embedded, so the document prints and signs as drafted"),
    rule("ND30-5-text-layer", Warning, "§5, §2.15", "PDF: pages carry real text (a scan cannot be checked)"),
    rule("ND30-2.1-national-title", Error, "§2.1, §2.16", "quốc hiệu present, exact text in capitals, 12-13 pt bold upright"),
    rule("ND30-2.1-motto", Error, "§2.1, §2.16", "tiêu ngữ `Độc lập - Tự do - Hạnh phúc` (hyphens with spaces), 13-14 pt bold upright"),
    rule("ND30-2.1-motto-rule", Error, "§2.1", "a solid rule under the tiêu ngữ as long as its text"),
    rule("ND30-2.1-size-coupling", Warning, "§2.1 (App. I V footnote)", "tiêu ngữ = quốc hiệu + 1 pt; place/date = tiêu ngữ"),
    rule("ND30-2.2-parent", Error, "§2.2, §2.16", "parent authority in capitals, 12-13 pt, not bold"),
    rule("ND30-2.2-issuer", Error, "§2.2, §2.16", "issuing authority present, capitals, 12-13 pt bold"),
    rule("ND30-2.2-admin-map", Warning, "§2.2, §2.9 (NQ 202/2025/QH15, Luật 72/2025/QH15)", "dated from 1 July 2025: no district (cấp huyện) or merged province as parent, issuer, signer, addressee, recipient or place (the 2025 map: 34 provinces, 3,321 communes and wards)"),
    rule("ND30-2.2-issuer-rule", Error, "§2.2", "a rule under the issuer, 1/3 to 1/2 of its line"),
    rule("ND30-2.3-number", Error, "§2.3, §2.16", "`Số:` line present, 13 pt upright, `number/symbol` without spaces"),
    rule("ND30-2.3-number-padding", Error, "§2.3", "numbers below 10 written 01-09; 10 and above not padded"),
    rule("ND30-2.3-symbol", Error, "§2.3, §3", "symbol `<type abbreviation>-<issuer>` for the kind (công văn: `<issuer>-<unit>`)"),
    rule("ND30-2.3-blank-slot", Error, "§2.3, §7", "a blank number slot wide enough to write in (≥ 6 mm)"),
    rule("ND30-2.4-date", Error, "§2.4", "`<Place>, ngày DD tháng M năm YYYY`: day 01-09 padded, months 01-02 padded, 3-12 not; a real date"),
    rule("ND30-2.4-date-style", Error, "§2.4, §2.16", "place and date 13-14 pt italic"),
    rule("ND30-2.4-blank-slot", Error, "§2.4, §7", "blank day and month slots wide enough to write in (≥ 4 mm)"),
    rule("ND30-2.5-type-name", Error, "§2.5, §2.16", "type name in capitals, 13-14 pt bold, centred"),
    rule("ND30-2.5-summary", Error, "§2.5, §2.16", "trích yếu under the type name, 13-14 pt bold, centred"),
    rule("ND30-2.5-summary-rule", Error, "§2.5", "a rule under the summary, 1/3 to 1/2 of its line"),
    rule("ND30-2.5-subject-line", Error, "§2.5 (ô 5b)", "công văn: `V/v …` under the number, 12-13 pt, not bold"),
    rule("ND30-2.6-bases", Error, "§2.6", "căn cứ italic 13-14 pt, each ending `;`, the last `.`"),
    rule("ND30-2.6-body-size", Error, "§2.6, §2.16", "body 13-14 pt, one size for the whole body"),
    rule("ND30-2.6-body-align", Error, "§2.6 (II.6.e)", "body paragraphs justified"),
    rule("ND30-2.6-body-indent", Error, "§2.6 (II.6.e)", "first-line indent 1 cm to 1.27 cm"),
    rule("ND30-2.6-body-spacing", Error, "§2.6 (II.6.e)", "at least 6 pt between paragraphs; line spacing single to 1.5"),
    rule("ND30-2.6-heading-numbering", Error, "§2.6 (b)", "headings numbered I, II … → 1, 2 … → a, b … (no f, j, w, z) without gaps, restarting under each level"),
    rule("ND30-2.6-heading-style", Error, "§2.6 (b), §2.16", "`I.` headings bold capitals; `1.` headings with a title bold"),
    rule("ND30-2.6-closing", Warning, "§2.6 [practice]", "the last body paragraph ends `./.`"),
    rule("ND30-2.9-addressees", Error, "§2.9 (ô 9a)", "`Kính gửi:` 13-14 pt upright"),
    rule("ND30-2.9-recipients", Error, "§2.9 (ô 9b), §2.16", "`Nơi nhận:` 12 pt bold italic; items 11 pt upright starting `- `"),
    rule("ND30-2.9-archive", Error, "§2.9, §7", "the last Nơi nhận item is `- Lưu: VT, …`"),
    rule("ND30-2.7-signer", Error, "§2.7, §2.16", "signer block present: authority and title in capitals, name, all 13-14 pt bold"),
    rule("ND30-2.7-authority-prefix", Error, "§2.7", "authority lines start with TM., KT., Q., TL. or TUQ. (or are a title)"),
    rule("ND30-2.7-signer-name", Error, "§2.7 (App. I II.7.c)", "the signer's name without rank, degree or title (`TS.`, `ThS.`, `Đại tá` …)"),
    rule("ND30-2.7-signature-image", Error, "§2.7 (App. I II.7.d)", "a signature picture stands between the title and the name"),
    rule("ND30-2.8-seal-image", Error, "§2.8 (App. I II.8)", "a seal picture covers about a third of the signature, on its left"),
    rule("ND30-2.13-page-numbers", Error, "§2.13 (App. I I.7)", "page numbers from page 2, none on page 1, 13-14 pt upright"),
    rule("ND30-6.3-decision", Error, "§2.6, §6.3", "Quyết định / Nghị quyết: a `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` line, then `Điều 1.`, `Điều 2.` … in order"),
    rule("ND30-6.3-authority-line", Error, "§2.6, §6.3 (templates 1.1-1.3)", "Quyết định: the issuing authority line (`CHỦ TỊCH ỦY BAN NHÂN DÂN …`) after the summary, capitals, bold, centred, 13-14 pt (missing: an error; in a Nghị quyết a warning)"),
    rule("ND30-6.3-decision-word", Error, "§2.5, §6.3", "Quyết định / Nghị quyết: `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` (the kind's own word) centred, bold, on its own line"),
    rule("ND30-3-minutes-signers", Error, "§3 (template 1.9)", "Biên bản: two signers (THƯ KÝ and CHỦ TỌA)"),
    rule("ND30-2.14-appendix", Error, "§2.14", "Phụ lục label 14 pt bold; its page numbers restart at 1"),
];

pub fn rule_info(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// One thing found wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The element: `quốc hiệu`, `số`, `ngày`, `body paragraph 12` …
    pub element: String,
    /// What the document has.
    pub found: String,
    /// What the decree asks.
    pub expected: String,
    pub page: Option<usize>,
    pub paragraph: Option<usize>,
    pub section: &'static str,
    /// The first 40 characters of the paragraph the finding is about, so a
    /// clerk can find it (`None` for the page or the whole document).
    pub text: Option<String>,
    /// Whether `lint --fix` rewrites what this rule checks (a DOCX's
    /// formatting, page setup, padding); the rest needs a person.
    pub fixable: bool,
    /// Where it is in the terms a reader finds it by (`page 1, the header,
    /// right column`; `the 3rd paragraph after `II. NHIỆM VỤ``).
    pub location: Option<String>,
    /// PDF: where the paragraph's text stands on its page.
    pub bbox: Option<Bbox>,
    /// The first quantity of `found` (`{"value": 0, "unit": "pt"}`).
    pub found_value: Option<Quantity>,
    /// The first quantity or range of `expected` (`{"min": 13, "max": 14,
    /// "unit": "pt"}`).
    pub expected_value: Option<Quantity>,
    /// `location`, `found` and `expected` as catalogue messages, shown in
    /// the reader's language (`None`: the English text is all there is).
    #[serde(skip)]
    pub location_msg: Option<Message>,
    /// `element` as a catalogue message where it is not Vietnamese already.
    #[serde(skip)]
    pub element_msg: Option<Message>,
    #[serde(skip)]
    pub found_msg: Option<Message>,
    #[serde(skip)]
    pub expected_msg: Option<Message>,
}

/// A box on a page, mm from its top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bbox {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
    pub unit: &'static str,
}

impl Bbox {
    /// A box read from a page (left, top, right, bottom, mm), to a tenth
    /// of a millimetre, as f64 so JSON prints `70.4`.
    pub fn mm([left, top, right, bottom]: [f32; 4]) -> Bbox {
        let mm = |v: f32| (f64::from(v) * 10.0).round() / 10.0;
        Bbox {
            left: mm(left),
            top: mm(top),
            right: mm(right),
            bottom: mm(bottom),
            unit: "mm",
        }
    }
}

/// A number with its unit, or a range (`min`-`max`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub unit: &'static str,
}

/// The first `N unit` or `N-M unit` in a finding's prose (`12 pt`,
/// `13-14 pt`, `21.2 mm`, `89 %`, `1 cm to 1.27 cm`); units pt, mm, cm, %.
pub fn quantity(text: &str) -> Option<Quantity> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == ',' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    for (k, w) in words.iter().enumerate() {
        let unit = match words.get(k + 1).copied() {
            Some("pt") => "pt",
            Some("mm") => "mm",
            Some("cm") => "cm",
            Some("%") => "%",
            _ => continue,
        };
        let w = w.trim_start_matches(['`', '≥', '<', '>']);
        if let Some((a, b)) = w.split_once('-') {
            if let (Ok(min), Ok(max)) = (a.parse::<f64>(), b.parse::<f64>()) {
                return Some(Quantity {
                    value: None,
                    min: Some(min),
                    max: Some(max),
                    unit,
                });
            }
        }
        if let Ok(value) = w.parse::<f64>() {
            return Some(Quantity {
                value: Some(value),
                min: None,
                max: None,
                unit,
            });
        }
    }
    None
}

/// The rules whose findings `--fix` acts on (see `fix::plan`).
const FIXABLE: [&str; 16] = [
    "ND30-1-page-size",
    "ND30-1-margins",
    "ND30-1-font",
    "ND30-2.1-national-title",
    "ND30-2.1-motto",
    "ND30-2.2-parent",
    "ND30-2.2-issuer",
    "ND30-2.3-number",
    "ND30-2.3-number-padding",
    "ND30-2.4-date",
    "ND30-2.4-date-style",
    "ND30-2.5-type-name",
    "ND30-2.6-body-size",
    "ND30-2.6-body-align",
    "ND30-2.6-body-indent",
    "ND30-2.6-body-spacing",
];

impl Finding {
    pub fn new(
        rule: &'static str,
        element: impl Into<String>,
        found: impl Into<String>,
        expected: impl Into<String>,
    ) -> Finding {
        let info = rule_info(rule).unwrap_or_else(|| panic!("rule {rule} is in the catalogue"));
        let (found, expected) = (found.into(), expected.into());
        let (found_msg, expected_msg) = (phrase(&found), phrase(&expected));
        let element = element.into();
        Finding {
            rule,
            severity: info.severity,
            element_msg: crate::phrases::element(&element),
            element,
            found_value: quantity(&found),
            expected_value: quantity(&expected),
            found,
            expected,
            location: None,
            bbox: None,
            location_msg: None,
            found_msg,
            expected_msg,
            page: None,
            paragraph: None,
            section: info.section,
            fixable: FIXABLE.contains(&rule),
            text: None,
        }
    }

    /// A finding whose `found` and `expected` are catalogue messages.
    pub fn said(
        rule: &'static str,
        element: impl Into<String>,
        found: Message,
        expected: Message,
    ) -> Finding {
        Finding::new(rule, element, "", "").with_messages(found, expected)
    }

    /// Places the finding at a paragraph of the read document.
    pub fn at(mut self, para: &crate::model::Para) -> Finding {
        self.page = para.page;
        self.paragraph = Some(para.index);
        let text = crate::recognize::normal(&para.text);
        self.text = Some(text.chars().take(40).collect());
        self.bbox = para.bbox.map(Bbox::mm);
        self
    }

    pub fn on_page(mut self, page: usize) -> Finding {
        self.page = Some(page);
        self
    }

    pub fn warning(mut self) -> Finding {
        self.severity = Severity::Warning;
        self
    }

    /// `found` and `expected` as messages of the catalogue.
    pub fn with_messages(mut self, found: Message, expected: Message) -> Finding {
        self.found = found.english();
        self.expected = expected.english();
        self.found_value = quantity(&self.found);
        self.expected_value = quantity(&self.expected);
        self.found_msg = Some(found);
        self.expected_msg = Some(expected);
        self
    }

    /// `error` / `warning` in the reader's language.
    pub fn severity_word(&self) -> Message {
        match self.severity {
            Severity::Error => msg!("lint-error"),
            Severity::Warning => msg!("lint-warning"),
        }
    }

    /// The element's name in the reader's language.
    pub fn element_text(&self) -> String {
        match &self.element_msg {
            Some(m) => m.to_string(),
            None => self.element.clone(),
        }
    }

    /// Where it is, in the reader's language.
    pub fn location_text(&self) -> Option<String> {
        match &self.location_msg {
            Some(m) => Some(m.to_string()),
            None => self.location.clone(),
        }
    }

    /// `found …; the decree asks … (§…)` in the reader's language.
    pub fn found_expected(&self) -> Message {
        let text = |m: &Option<Message>, s: &String| m.clone().unwrap_or_else(|| Message::text(s));
        msg!(
            "lint-found-expected",
            found = text(&self.found_msg, &self.found),
            expected = text(&self.expected_msg, &self.expected),
            section = crate::phrases::section(self.section),
        )
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = self.severity_word();
        let mut place = Vec::new();
        match self.location_text() {
            Some(location) => place.push(location),
            None => place.extend(
                self.page
                    .map(|page| msg!("lint-page", page = page).to_string()),
            ),
        }
        let place = if place.is_empty() {
            String::new()
        } else {
            format!(" ({})", place.join(", "))
        };
        write!(
            f,
            "{severity}[{}] {}{place}: {}",
            self.rule,
            self.element_text(),
            self.found_expected()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::quantity;

    #[test]
    fn quantities_are_read_from_the_prose() {
        let q = quantity("12 pt, not bold").unwrap();
        assert_eq!((q.value, q.unit), (Some(12.0), "pt"));
        let q = quantity("13-14 pt, bold").unwrap();
        assert_eq!((q.min, q.max, q.unit), (Some(13.0), Some(14.0), "pt"));
        let q = quantity("found 21.2 mm under a 23.7 mm line (89 %)").unwrap();
        assert_eq!((q.value, q.unit), (Some(21.2), "mm"));
        assert!(quantity("`ngày 08 tháng 03`").is_none());
        assert_eq!(
            quantity("a blank at least 4 mm wide").unwrap().value,
            Some(4.0)
        );
    }
}
