//! The rules' own words as catalogue messages (`lint-p-*`, `lint-e-*`,
//! `lint-d-*` in `locales/*/lint.ftl`): a finding written with plain
//! English prose is looked up here, so `--lang vi` shows it in Vietnamese
//! while its English (and `--json`) stays word for word what it was.

use vanban_i18n::{msg, Message};

/// A whole `found` or `expected` the rules write as a literal, or one
/// word of the catalogue (`none`, `capitals` …).
pub fn phrase(text: &str) -> Option<Message> {
    Some(match text {
        "none" => msg!("lint-v-none"),
        "capitals" => msg!("lint-v-capitals"),
        "centred" => msg!("lint-v-centred"),
        "justified" => msg!("lint-v-justified"),
        "bold" => msg!("lint-v-bold"),
        "italic" => msg!("lint-v-italic"),
        "black" => msg!("lint-v-black"),
        "no rule" => msg!("lint-v-no-rule"),
        "not bold" => msg!("lint-v-not-bold"),
        "`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` at the top of page 1" => {
            msg!("lint-p-cong-hoa-xa-hoi-chu-nghia")
        }
        "`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` in capitals" => {
            msg!("lint-p-cong-hoa-xa-hoi-chu-nghia-2")
        }
        "`Độc lập - Tự do - Hạnh phúc` under the quốc hiệu" => {
            msg!("lint-p-doc-lap-tu-do-hanh-phuc")
        }
        "`Độc lập - Tự do - Hạnh phúc`, phrases joined by ` - `" => {
            msg!("lint-p-doc-lap-tu-do-hanh-phuc-2")
        }
        "a solid rule as long as the tiêu ngữ" => msg!("lint-p-a-solid-rule-as-long-as"),
        "as long as the tiêu ngữ text" => msg!("lint-p-as-long-as-the-tieu-ngu"),
        "13/14/14 or 12/13/13" => msg!("lint-p-13-14-14-or-12-13"),
        "the issuing authority, top left of page 1" => {
            msg!("lint-p-the-issuing-authority-top-left-of")
        }
        "`Số: …/…` under the issuer" => msg!("lint-p-so-under-the-issuer"),
        "`Số:` then the number and symbol" => msg!("lint-p-so-then-the-number-and-symbol"),
        "`number/symbol`, e.g. `Số: 05/KH-VP`" => msg!("lint-p-number-symbol-e-g-so-05"),
        "a blank at least 6 mm wide" => msg!("lint-p-a-blank-at-least-6-mm"),
        "Arabic numerals" => msg!("lint-p-arabic-numerals"),
        "no spaces inside `number/symbol`" => msg!("lint-p-no-spaces-inside-number-symbol"),
        "no spaces inside the symbol" => msg!("lint-p-no-spaces-inside-the-symbol"),
        "groups joined by `-`, e.g. `KH-UBND`" => msg!("lint-p-groups-joined-by-e-g-kh"),
        "`<issuer>-<unit>` without a type abbreviation" => {
            msg!("lint-p-issuer-unit-without-a-type-abbreviation")
        }
        "`<Place>, ngày DD tháng M năm YYYY` under the tiêu ngữ" => {
            msg!("lint-p-place-ngay-dd-thang-m-nam")
        }
        "the place name followed by a comma" => msg!("lint-p-the-place-name-followed-by-a"),
        "a capital initial" => msg!("lint-p-a-capital-initial"),
        "the date in Arabic numerals" => msg!("lint-p-the-date-in-arabic-numerals"),
        "a real calendar date" => msg!("lint-p-a-real-calendar-date"),
        "`Nơi nhận:` left of the signer" => msg!("lint-p-noi-nhan-left-of-the-signer"),
        "no `- Lưu:` line" => msg!("lint-p-no-luu-line"),
        "last item `- Lưu: VT, <unit>.`" => msg!("lint-p-last-item-luu-vt-unit"),
        "`- Lưu` not the last item" => msg!("lint-p-luu-not-the-last-item"),
        "`- Lưu: VT, …` last" => msg!("lint-p-luu-vt-last"),
        "`- Lưu: VT, <unit>.`" => msg!("lint-p-luu-vt-unit"),
        "no signer block" => msg!("lint-p-no-signer-block"),
        "authority, title and name right of Nơi nhận" => {
            msg!("lint-p-authority-title-and-name-right-of")
        }
        "TM., KT., Q., TL. or TUQ." => msg!("lint-p-tm-kt-q-tl-or-tuq"),
        "the signer's full name" => msg!("lint-p-the-signer-s-full-name"),
        "the name alone, without rank or degree" => msg!("lint-p-the-name-alone-without-rank-or"),
        "centred, bold" => msg!("lint-p-centred-bold"),
        "no `Điều 1.`" => msg!("lint-p-no-dieu-1"),
        "articles `Điều 1.`, `Điều 2.` …" => msg!("lint-p-articles-dieu-1-dieu-2"),
        "two signers: THƯ KÝ and CHỦ TỌA" => msg!("lint-p-two-signers-thu-ky-and-chu"),
        "the main text's numbering continued" => msg!("lint-p-the-main-text-s-numbering-continued"),
        "a section of its own restarting at 1" => msg!("lint-p-a-section-of-its-own-restarting"),
        "precomposed Unicode (NFC), as TCVN 6909 text is typed" => {
            msg!("lint-p-precomposed-unicode-nfc-as-tcvn-6909")
        }
        "no text on any page" => msg!("lint-p-no-text-on-any-page"),
        "real text (a scanned page cannot be checked)" => {
            msg!("lint-p-real-text-a-scanned-page-cannot")
        }
        "every font embedded" => msg!("lint-p-every-font-embedded"),
        "no number on page 1" => msg!("lint-p-no-number-on-page-1"),
        "page numbers from page 2" => msg!("lint-p-page-numbers-from-page-2"),
        "13-14 pt upright" => msg!("lint-p-13-14-pt-upright"),
        "not between the title and the name" => msg!("lint-p-not-between-the-title-and-the"),
        "centred between the title and the name" => {
            msg!("lint-p-centred-between-the-title-and-the")
        }
        "over about a third of the signature, on its left" => {
            msg!("lint-p-over-about-a-third-of-the")
        }
        "the summary under the type name" => msg!("lint-p-the-summary-under-the-type-name"),
        "sentence case, not capitals" => msg!("lint-p-sentence-case-not-capitals"),
        "`V/v …` under the number" => msg!("lint-p-v-v-under-the-number"),
        "`V/v ` then the subject" => msg!("lint-p-v-v-then-the-subject"),
        "not in capitals" => msg!("lint-p-not-in-capitals"),
        "bold capitals" => msg!("lint-p-bold-capitals"),
        "no text in the margin (indent ≥ 0 mm)" => msg!("lint-p-no-text-in-the-margin-indent"),
        "the type name (e.g. `KẾ HOẠCH`) centred under the header" => {
            msg!("lint-p-the-type-name-e-g-ke")
        }
        _ => return None,
    })
}

/// An element's name (`body paragraph 12`, `tiêu ngữ rule`, `left
/// margin`) in the catalogue; `None` for a name already in Vietnamese
/// (`quốc hiệu`, `nơi nhận`), shown as it is.
pub fn element(text: &str) -> Option<Message> {
    let number = |rest: &str| rest.parse::<usize>().ok();
    if let Some(n) = text.strip_prefix("body paragraph ").and_then(number) {
        return Some(msg!("lint-d-body-paragraph", n = n));
    }
    if let Some(n) = text
        .strip_prefix("text (paragraph ")
        .and_then(|r| r.strip_suffix(')'))
        .and_then(number)
    {
        return Some(msg!("lint-d-text-paragraph", n = n));
    }
    if let Some(quoted) = text.strip_prefix("heading ") {
        return Some(msg!("lint-d-heading", text = quoted));
    }
    if let Some(quoted) = text.strip_prefix("article ") {
        return Some(msg!("lint-d-article", text = quoted));
    }
    Some(match text {
        "tiêu ngữ rule" => msg!("lint-e-tieu-ngu-rule"),
        "issuer" => msg!("lint-e-issuer"),
        "summary" => msg!("lint-e-summary"),
        "quốc hiệu, tiêu ngữ, date" => msg!("lint-e-quoc-hieu-tieu-ngu-date"),
        "phụ lục page numbers" => msg!("lint-e-phu-luc-page-numbers"),
        "phụ lục page number" => msg!("lint-e-phu-luc-page-number"),
        "text" => msg!("lint-e-text"),
        "fonts" => msg!("lint-e-fonts"),
        "page" => msg!("lint-e-page"),
        "page number" => msg!("lint-e-page-number"),
        "left margin" => msg!("lint-e-left-margin"),
        "right margin" => msg!("lint-e-right-margin"),
        "top margin" => msg!("lint-e-top-margin"),
        "bottom margin" => msg!("lint-e-bottom-margin"),
        "ngày slot" => msg!("lint-e-ngay-slot"),
        "tháng slot" => msg!("lint-e-thang-slot"),
        "năm slot" => msg!("lint-e-nam-slot"),
        _ => {
            let under = text.strip_suffix(" rule")?;
            let under = element(under).unwrap_or_else(|| Message::text(under));
            msg!("lint-d-rule-of", element = under)
        }
    })
}

/// A rule's section of the spec and the decree (`§1 (App. I I.3)`), its
/// few English words said in Vietnamese (`§1 (Phụ lục I I.3)`).
pub fn section(text: &'static str) -> Message {
    let vi = [
        ("App. I", "Phụ lục I"),
        ("templates", "mẫu"),
        ("template", "mẫu"),
        ("footnote", "chú thích"),
        ("[practice]", "[thực tiễn]"),
    ]
    .iter()
    .fold(text.to_string(), |t, (en, vi)| t.replace(en, vi));
    msg!("lint-section", en = text, vi = vi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban_i18n::Lang;

    #[test]
    fn elements_and_phrases_keep_their_english() {
        for name in [
            "body paragraph 12",
            "heading `I. MỤC ĐÍCH`",
            "left margin",
            "tiêu ngữ rule",
            "cơ quan ban hành rule",
            "text (paragraph 3)",
        ] {
            assert_eq!(element(name).unwrap().english(), name);
        }
        assert_eq!(element("quốc hiệu"), None);
        assert_eq!(
            element("cơ quan ban hành rule").unwrap().render(Lang::Vi),
            "đường kẻ dưới cơ quan ban hành"
        );
        assert_eq!(
            element("body paragraph 12").unwrap().render(Lang::Vi),
            "đoạn 12 của phần nội dung"
        );
        let section = section("§2.1 (App. I V footnote)");
        assert_eq!(section.english(), "§2.1 (App. I V footnote)");
        assert_eq!(section.render(Lang::Vi), "§2.1 (Phụ lục I V chú thích)");
        assert_eq!(
            phrase("two signers: THƯ KÝ and CHỦ TỌA").unwrap().english(),
            "two signers: THƯ KÝ and CHỦ TỌA"
        );
    }
}
