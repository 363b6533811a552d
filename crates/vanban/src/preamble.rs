//! The head of a Quyết định or Nghị quyết typed into its body, as a clerk
//! first writes it: the authority line, the căn cứ (lines opening `Căn cứ`,
//! `Xét`, `Theo đề nghị`, `Trên cơ sở`) and `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:`,
//! then the articles. vanban prints these itself (`authority_line`,
//! `bases`, the enacting line), so they are taken out of the body and laid
//! out as if given in their fields: nothing prints twice. What stands
//! before the enacting line and is none of these is refused with how to
//! write it, rather than guessed at.

use crate::body::BodyProblem;
use crate::kind::Kind;
use vanban_i18n::msg;

/// The openers of a căn cứ (App. I II.6.a and the templates' usage).
const OPENERS: [&str; 4] = ["Căn cứ", "Xét", "Theo đề nghị", "Trên cơ sở"];

/// What was typed at the head of the body, and the body without it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preamble {
    /// The authority line typed in capitals before the căn cứ (its lines
    /// joined by `\n`), if any.
    pub authority: Option<String>,
    /// The căn cứ, each as typed (the validator punctuates them).
    pub bases: Vec<String>,
    /// The body with the taken lines left blank, so the lines of the rest
    /// keep their numbers in messages.
    pub body: String,
}

/// Takes the typed head of `markdown`, the body of a `kind` document:
/// `None` when it has none (the body starts with its articles or text).
pub fn take(markdown: &str, kind: Kind) -> Result<Option<Preamble>, Vec<BodyProblem>> {
    let own_word = match kind {
        Kind::QuyetDinh => "QUYẾT ĐỊNH",
        Kind::NghiQuyet => "QUYẾT NGHỊ",
        _ => return Ok(None),
    };
    let lines: Vec<&str> = markdown.lines().collect();
    // The enacting line, if typed before the first heading; one typed
    // after it is refused (it would print in the middle of the articles).
    let first_heading = lines
        .iter()
        .position(|l| l.trim_start().starts_with('#'))
        .unwrap_or(lines.len());
    let mut problems = Vec::new();
    let mut enacting = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(word) = enacting_word(line) else {
            continue;
        };
        if i > first_heading || enacting.is_some() {
            problems.push(BodyProblem {
                line: i + 1,
                message: msg!("enacting-line-typed", word = word),
            });
        } else if word != own_word {
            problems.push(BodyProblem {
                line: i + 1,
                message: msg!(
                    "enacting-line-other",
                    kind = kind.name(),
                    own = own_word,
                    word = word
                ),
            });
            enacting = Some(i);
        } else {
            enacting = Some(i);
        }
    }
    // Without a typed enacting line, căn cứ typed at the head are still
    // taken when only they stand before the first article: printed where
    // they are, they would come after vanban's `QUYẾT ĐỊNH:`.
    let end = match enacting {
        Some(i) => i,
        None => {
            let head_is_bases = lines[..first_heading]
                .iter()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| opens_basis(&unwrap(l)));
            let article_follows = lines
                .get(first_heading)
                .is_some_and(|l| is_article_heading(l));
            if !(head_is_bases && article_follows) {
                return match problems.is_empty() {
                    true => Ok(None),
                    false => Err(problems),
                };
            }
            first_heading
        }
    };
    let mut preamble = Preamble::default();
    let mut authority: Vec<String> = Vec::new();
    let mut after_blank = true;
    for (i, line) in lines[..end].iter().enumerate() {
        let text = unwrap(line);
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        let blank_before = std::mem::replace(&mut after_blank, false);
        if opens_basis(&text) {
            preamble.bases.push(text);
        } else if preamble.bases.is_empty() && is_capitals(&text) {
            authority.push(text);
        } else if let (Some(last), false) = (preamble.bases.last_mut(), blank_before) {
            // A căn cứ wrapped onto the next line of its paragraph.
            last.push(' ');
            last.push_str(&text);
        } else {
            let shown: String = text.chars().take(40).collect();
            problems.push(BodyProblem {
                line: i + 1,
                message: msg!(
                    "preamble-not-basis",
                    shown = shown,
                    own = own_word,
                    openers = OPENERS.map(|o| format!("`{o}`")).join(", ")
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    preamble.authority = (!authority.is_empty()).then(|| authority.join("\n"));
    // The taken lines are left blank: the rest keeps its line numbers.
    let taken = match enacting {
        Some(i) => i + 1,
        None => end,
    };
    let mut body = "\n".repeat(taken);
    body.push_str(
        &lines[taken..]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    );
    preamble.body = body;
    Ok(Some(preamble))
}

/// `QUYẾT ĐỊNH` or `QUYẾT NGHỊ` when the line is only that (with or
/// without its colon, bold or not, in any case).
fn enacting_word(line: &str) -> Option<&'static str> {
    let text = unwrap(line).to_uppercase();
    let text = text.trim_end_matches(':').trim_end();
    ["QUYẾT ĐỊNH", "QUYẾT NGHỊ"]
        .into_iter()
        .find(|word| text == *word)
}

/// A line's text without the list dash, emphasis or heading marks around
/// it: `- *Căn cứ …;*` → `Căn cứ …;`.
fn unwrap(line: &str) -> String {
    let mut text = line.trim();
    for prefix in ["- ", "+ ", "> "] {
        text = text.strip_prefix(prefix).unwrap_or(text).trim_start();
    }
    text.trim_matches(|c| c == '*' || c == '_' || c == '#')
        .trim()
        .to_string()
}

fn opens_basis(text: &str) -> bool {
    OPENERS.iter().any(|opener| {
        text.strip_prefix(opener)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// All its letters are capitals (an authority line): `CHỦ TỊCH ỦY BAN …`.
fn is_capitals(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

fn is_article_heading(line: &str) -> bool {
    let text = line.trim_start().trim_start_matches('#').trim_start();
    ["Điều", "ĐIỀU"].iter().any(|word| {
        text.strip_prefix(word)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', '.']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Quyết định typed as it is printed: authority line, căn cứ (one
    /// wrapped onto a second line), `QUYẾT ĐỊNH:`, then the articles.
    #[test]
    fn the_typed_head_is_taken_out_of_the_body() {
        let body = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI\n\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n\n\
                    Căn cứ Nghị định số 30/2020/NĐ-CP\nngày 05 tháng 3 năm 2020;\n\n\
                    Theo đề nghị của Giám đốc Sở Nội vụ.\n\n**QUYẾT ĐỊNH:**\n\n# Điều 1. Phê duyệt\n";
        let taken = take(body, Kind::QuyetDinh).unwrap().unwrap();
        assert_eq!(
            taken.authority.as_deref(),
            Some("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI")
        );
        assert_eq!(
            taken.bases,
            [
                "Căn cứ Luật Tổ chức chính quyền địa phương;",
                "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;",
                "Theo đề nghị của Giám đốc Sở Nội vụ."
            ]
        );
        // The article keeps its line number (12).
        assert_eq!(taken.body.lines().nth(11), Some("# Điều 1. Phê duyệt"));
        assert!(taken.body.lines().take(11).all(str::is_empty));
    }

    #[test]
    fn bases_before_the_first_article_without_the_enacting_line() {
        let body = "Căn cứ Luật A;\n\nXét đề nghị B.\n\n# Điều: Một\n\nNội dung.\n";
        let taken = take(body, Kind::NghiQuyet).unwrap().unwrap();
        assert_eq!(taken.bases, ["Căn cứ Luật A;", "Xét đề nghị B."]);
        // A body that opens with text, not căn cứ, is left as it is.
        assert_eq!(
            take("Nội dung.\n\n# Điều: Một\n", Kind::QuyetDinh).unwrap(),
            None
        );
        assert_eq!(
            take("Căn cứ A;\n\nQUYẾT ĐỊNH:\n", Kind::KeHoach).unwrap(),
            None
        );
    }

    /// What is not a căn cứ before the enacting line, the enacting word of
    /// the other kind, and one typed among the articles are refused with
    /// their lines.
    #[test]
    fn what_cannot_be_taken_is_refused_with_its_line() {
        let problems = take(
            "Căn cứ A;\n\nMột đoạn khác.\n\nQUYẾT ĐỊNH:\n",
            Kind::QuyetDinh,
        )
        .unwrap_err();
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0].message.english().contains("`bases`"),
            "{problems:?}"
        );
        let problems =
            take("Căn cứ A.\n\nQUYẾT ĐỊNH:\n\n# Điều: X\n", Kind::NghiQuyet).unwrap_err();
        assert!(
            problems[0].message.english().contains("`QUYẾT NGHỊ:`"),
            "{problems:?}"
        );
        let problems = take("# Điều: X\n\nQUYẾT ĐỊNH:\n", Kind::QuyetDinh).unwrap_err();
        assert_eq!(problems[0].line, 3);
    }
}
