//! `vanban.set_language("vi")`: the language of exceptions and warnings.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use vanban_i18n::Lang;

/// Sets the language of vanban's messages (exceptions, warnings, problem
/// dicts) for the whole process: "vi" (tiếng Việt), "en" (the default),
/// or a tag or locale name such as "vi-VN" or "vi_VN.UTF-8".
#[pyfunction]
pub fn set_language(lang: &str) -> PyResult<()> {
    let chosen = Lang::from_tag(lang)
        .filter(|_| !lang.trim().is_empty())
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "`{lang}` is not a language vanban speaks: use \"en\" or \"vi\""
            ))
        })?;
    vanban_i18n::set_language(chosen);
    Ok(())
}

/// The language of vanban's messages: "en" or "vi".
#[pyfunction]
pub fn get_language() -> &'static str {
    vanban_i18n::language().tag()
}
