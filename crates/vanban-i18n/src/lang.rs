//! The languages of the catalogue, read from a tag (`vi`, `vi-VN`,
//! `vi_VN.UTF-8`), from the POSIX locale variables, or negotiated from an
//! HTTP `Accept-Language` header; and the process's language.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language the catalogue has. English is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Vi];

    /// The BCP 47 tag: `en`, `vi`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }

    /// The language of a tag or a POSIX locale name, by its primary
    /// subtag: `vi`, `vi-VN`, `VI`, `vi_VN.UTF-8`, `vi_VN@tet` are
    /// Vietnamese; `en`, `en_US.UTF-8`, `C` and `POSIX` are English; any
    /// other (`fr_FR`, empty) is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag == "C" || tag == "POSIX" || tag.starts_with("C.") {
            return Some(Lang::En);
        }
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the POSIX locale variables as a program reads its
    /// messages' language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// that is set and not empty decides; English when it names another
    /// language or none is set.
    pub fn from_env() -> Lang {
        Lang::from_env_with(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] with the variables looked up by `get` (for tests
    /// and embedders).
    pub fn from_env_with(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&get)
            .find(|value| !value.trim().is_empty())
            .and_then(|value| Lang::from_tag(&value))
            .unwrap_or_default()
    }

    /// The best language for an HTTP `Accept-Language` header (RFC 9110
    /// §12.5.4): the highest `q` among the languages we have, the earlier
    /// in the header on a tie; `*` stands for English; `q=0` refuses.
    /// English when nothing matches or the header is malformed.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(u16, Lang)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let range = parts.next().unwrap_or("").trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .map_or(Some(1000), quality_thousandths);
            let Some(quality) = quality else { continue };
            let lang = if range == "*" {
                Some(Lang::En)
            } else {
                Lang::from_tag(range).filter(|_| !range.contains('_') && !range.contains('.'))
            };
            if let Some(lang) = lang {
                if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
                    best = Some((quality, lang));
                }
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }
}

/// A `q` value (`0`, `0.8`, `1.000`) in thousandths; `None` if malformed.
fn quality_thousandths(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{fraction:0<3}");
    let value = match whole {
        "0" => digits.parse::<u16>().ok()?,
        "1" if digits == "000" => 1000,
        _ => return None,
    };
    Some(value)
}

static LANGUAGE: AtomicU8 = AtomicU8::new(0);

/// Sets the language messages are shown in when no other is asked for
/// (`Display` of errors and problems): the CLI's `--lang`, Python's
/// `vanban.set_language`.
pub fn set_language(lang: Lang) {
    LANGUAGE.store(lang as u8, Ordering::Relaxed);
}

/// The process's language (English unless [`set_language`] said otherwise).
pub fn language() -> Lang {
    match LANGUAGE.load(Ordering::Relaxed) {
        1 => Lang::Vi,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locale_names() {
        for tag in ["vi", "vi-VN", "VI", "vi_VN.UTF-8", "vi_VN.utf8@tet", " vi "] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::Vi), "{tag}");
        }
        for tag in ["en", "en-US", "en_GB.UTF-8", "C", "POSIX", "C.UTF-8"] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::En), "{tag}");
        }
        for tag in ["fr_FR.UTF-8", "", "vie", "zh-Hant"] {
            assert_eq!(Lang::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn environment_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env_with(env(&[("LANG", "vi_VN.UTF-8")])),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_env_with(env(&[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_with(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "vi_VN")])),
            Lang::Vi
        );
        // An empty variable does not decide.
        assert_eq!(
            Lang::from_env_with(env(&[("LC_ALL", ""), ("LANG", "vi_VN.UTF-8")])),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_env_with(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_env_with(env(&[])), Lang::En);
    }

    #[test]
    fn accept_language() {
        assert_eq!(Lang::negotiate("vi"), Lang::Vi);
        assert_eq!(
            Lang::negotiate("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"),
            Lang::Vi
        );
        assert_eq!(Lang::negotiate("en-US,en;q=0.9,vi;q=0.8"), Lang::En);
        assert_eq!(Lang::negotiate("fr-FR, vi;q=0.5"), Lang::Vi);
        assert_eq!(Lang::negotiate("en;q=0.2, vi;q=0.7"), Lang::Vi);
        assert_eq!(Lang::negotiate("vi;q=0, en"), Lang::En);
        assert_eq!(Lang::negotiate("vi;q=0"), Lang::En);
        assert_eq!(Lang::negotiate("*"), Lang::En);
        assert_eq!(Lang::negotiate("fr, de"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        // A malformed q drops its item, not the header.
        assert_eq!(Lang::negotiate("en;q=2, vi;q=0.1"), Lang::Vi);
        assert_eq!(Lang::negotiate("en;q=abc, vi"), Lang::Vi);
        // Equal q: the earlier wins.
        assert_eq!(Lang::negotiate("vi;q=0.5, en;q=0.5"), Lang::Vi);
    }

    #[test]
    fn quality_values() {
        assert_eq!(quality_thousandths("1"), Some(1000));
        assert_eq!(quality_thousandths("1.000"), Some(1000));
        assert_eq!(quality_thousandths("0.8"), Some(800));
        assert_eq!(quality_thousandths("0"), Some(0));
        assert_eq!(quality_thousandths("1.5"), None);
        assert_eq!(quality_thousandths("0.1234"), None);
    }
}
