//! The 2025 administrative map: a document dated on or after 1 July 2025
//! that names a district (gone) or a merged province as its issuer, parent,
//! signer, addressee, recipient or place is most likely a stale template.

use super::Ctx;
use crate::admin_map::{self, Stale};
use crate::finding::Finding;
use crate::recognize::normal;
use vanban_i18n::msg;

const RULE: &str = "ND30-2.2-admin-map";

pub fn check(ctx: &mut Ctx) {
    if !dated_under_new_map(ctx) {
        return;
    }
    let el = ctx.el;
    let named: [(&str, &[usize]); 5] = [
        ("cơ quan chủ quản", &el.parent),
        ("cơ quan ban hành", &el.issuer),
        ("Kính gửi", &el.addressees),
        ("Nơi nhận", &el.recipients),
        ("người ký", &el.signer),
    ];
    let mut paras: Vec<(&str, usize)> = named
        .iter()
        .flat_map(|(element, list)| list.iter().map(move |&i| (*element, i)))
        .collect();
    if let Some(i) = el.authority {
        paras.push(("thẩm quyền ban hành", i));
    }
    for (element, i) in paras {
        let para = ctx.para(i);
        for stale in admin_map::stale_in(&para.text) {
            let f = finding(element, &stale).at(para);
            ctx.push(f);
        }
    }
    if let Some(i) = el.place_date {
        let para = ctx.para(i);
        if let Some(place) = para.text.split_once(',').map(|(p, _)| p.to_string()) {
            if let Some(stale) = admin_map::stale_place(&place) {
                let f = finding("địa danh", &stale).at(para);
                ctx.push(f);
            }
        }
    }
}

fn finding(element: &str, stale: &Stale) -> Finding {
    let found = if stale.district {
        msg!("lint-admin-district", unit = &stale.unit)
    } else {
        msg!("lint-admin-province", unit = &stale.unit)
    };
    Finding::new(RULE, element, "", "").with_messages(found, stale.message())
}

/// The document's date (the place/date line, or for a Biên bản the first
/// date of its body) is on or after 1 July 2025.
fn dated_under_new_map(ctx: &Ctx) -> bool {
    let el = ctx.el;
    let candidates = el
        .place_date
        .into_iter()
        .chain(el.body.iter().copied().take(3));
    for i in candidates {
        if let Some((year, month, day)) = date_of(&normal(&ctx.para(i).text)) {
            return admin_map::in_force(year, month, day);
        }
    }
    false
}

/// `ngày 08 tháng 3 năm 2026` → (2026, Some(3), Some(8)); blank slots give
/// `None` for the day or month.
fn date_of(text: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
    let after = text.split_once("ngày")?.1;
    let (day, rest) = after.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    let digits = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect()
    };
    let year: u16 = digits(year).parse().ok()?;
    if !(1945..=9999).contains(&year) {
        return None;
    }
    Some((year, digits(month).parse().ok(), digits(day).parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::date_of;

    #[test]
    fn dates_with_and_without_blank_slots() {
        assert_eq!(
            date_of("An Bình, ngày 08 tháng 3 năm 2026"),
            Some((2026, Some(3), Some(8)))
        );
        assert_eq!(
            date_of("An Bình, ngày … tháng … năm 2026"),
            Some((2026, None, None))
        );
        assert_eq!(date_of("Hà Nội, tháng 3"), None);
    }
}
