//! The words of findings' `found` and `expected` as catalogue messages
//! (`lint-v-*` in `locales/*/lint.ftl`), so `--lang vi` shows them in
//! Vietnamese; their English is the prose findings always had.

use vanban_i18n::{msg, Arg, Message};

/// A measure to a tenth (`12.7`; `12,7` in Vietnamese).
pub fn num(x: f32) -> Arg {
    Arg::Real {
        value: (f64::from(x) * 10.0).round() / 10.0,
        digits: None,
    }
}

pub fn pt(x: f32) -> Message {
    msg!("lint-v-pt", n = num(x))
}

pub fn pt_range(min: f32, max: f32) -> Message {
    if min == max {
        pt(min)
    } else {
        msg!("lint-v-pt-range", min = num(min), max = num(max))
    }
}

pub fn mm(x: f32) -> Message {
    msg!("lint-v-mm", n = num(x))
}

pub fn mm_range(min: f32, max: f32) -> Message {
    msg!("lint-v-mm-range", min = num(min), max = num(max))
}

/// Several words joined as `a, b, c`.
pub fn list(items: Vec<Message>) -> Message {
    let mut items = items.into_iter();
    let first = items.next().unwrap_or_else(|| Message::text(""));
    items.fold(first, |a, b| msg!("lint-v-list", a = a, b = b))
}

/// `left`, `right`, `center`, `justify`: an alignment as found.
pub fn align(a: crate::model::Align) -> Message {
    let key = format!("{a:?}").to_lowercase();
    msg!("lint-v-align", align = key)
}
