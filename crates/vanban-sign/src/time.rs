//! The signing time. It is given by the caller (the CLI reads the clock or
//! `--time`), never read in here, so the same input, key and time give the
//! same bytes. Written as ISO 8601 for people and as a PDF date (`/M`).

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment and the zone it is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SigningTime {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The zone's offset from UTC in minutes (Vietnam: +420).
    pub offset_minutes: i32,
}

/// Vietnam's zone, UTC+07:00, in which the decree writes signing times.
pub const VIETNAM_OFFSET_MINUTES: i32 = 7 * 60;

impl SigningTime {
    /// The clock now, shown in Vietnam's zone.
    pub fn now_in_vietnam() -> SigningTime {
        let unix = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        SigningTime {
            unix,
            offset_minutes: VIETNAM_OFFSET_MINUTES,
        }
    }

    /// Reads `2026-12-07T14:30:00+07:00` (or `…Z`): the form `--time` takes.
    pub fn parse_iso(text: &str) -> Result<SigningTime, String> {
        let bad =
            || format!("`{text}` is not a time as ISO 8601 writes it (2026-12-07T14:30:00+07:00)");
        let b = text.trim().as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
            return Err(bad());
        }
        let num = |range: std::ops::Range<usize>| -> Result<i64, String> {
            let s = std::str::from_utf8(&b[range]).map_err(|_| bad())?;
            if !s.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            s.parse().map_err(|_| bad())
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if b[16] != b':' || !(1..=12).contains(&month) || day < 1 || day > days_in(year, month) {
            return Err(bad());
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(bad());
        }
        let zone = &b[19..];
        let offset_minutes = match zone {
            b"Z" => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let digits = [*h1, *h2, *m1, *m2];
                if !digits.iter().all(u8::is_ascii_digit) {
                    return Err(bad());
                }
                let minutes = i32::from(h1 - b'0') * 600
                    + i32::from(h2 - b'0') * 60
                    + i32::from(m1 - b'0') * 10
                    + i32::from(m2 - b'0');
                if minutes > 14 * 60 {
                    return Err(bad());
                }
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return Err(bad()),
        };
        let local = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
        Ok(SigningTime {
            unix: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }

    /// The local date and time: (year, month, day, hour, minute, second).
    fn local(&self) -> (i64, i64, i64, i64, i64, i64) {
        let local = self.unix + i64::from(self.offset_minutes) * 60;
        let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        (y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
    }

    fn zone(&self, separator: &str, close: &str) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let m = self.offset_minutes.unsigned_abs();
        format!("{sign}{:02}{separator}{:02}{close}", m / 60, m % 60)
    }

    /// `2026-12-07T14:30:00+07:00`.
    pub fn iso(&self) -> String {
        let (y, mo, d, h, mi, s) = self.local();
        format!(
            "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{}",
            self.zone(":", "")
        )
    }

    /// `D:20261207143000+07'00'` (ISO 32000 §7.9.4).
    pub fn pdf_date(&self) -> String {
        let (y, mo, d, h, mi, s) = self.local();
        format!(
            "D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}{}",
            self.zone("'", "'")
        )
    }

    /// Reads a PDF date as signing tools write it (`D:YYYYMMDDHHmmSS`,
    /// then `Z`, `+07'00'`, `+07'00` or nothing, read as UTC).
    pub fn parse_pdf_date(text: &str) -> Option<SigningTime> {
        let t = text.strip_prefix("D:").unwrap_or(text);
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() < 8 {
            return None;
        }
        let field = |i: usize, default: i64| -> i64 {
            digits
                .get(i..i + 2)
                .and_then(|s| s.parse().ok())
                .unwrap_or(default)
        };
        let year: i64 = digits[..4].parse().ok()?;
        let (month, day) = (field(4, 1), field(6, 1));
        let (hour, minute, second) = (field(8, 0), field(10, 0), field(12, 0));
        if !(1..=12).contains(&month) || day < 1 || day > days_in(year, month) {
            return None;
        }
        let rest: Vec<char> = t[digits.len()..].chars().collect();
        let offset_minutes = match rest.first() {
            Some(&sign @ ('+' | '-')) => {
                let num: String = rest[1..].iter().filter(|c| c.is_ascii_digit()).collect();
                let h: i32 = num.get(0..2).and_then(|s| s.parse().ok()).unwrap_or(0);
                let m: i32 = num.get(2..4).and_then(|s| s.parse().ok()).unwrap_or(0);
                let minutes = (h * 60 + m).min(14 * 60);
                if sign == '-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => 0,
        };
        let local = days_from_civil(year, month, day) * 86_400
            + hour.min(23) * 3600
            + minute.min(59) * 60
            + second.min(59);
        Some(SigningTime {
            unix: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_and_pdf_dates_round_trip_in_vietnam_time() {
        let t = SigningTime::parse_iso("2026-12-07T14:30:05+07:00").unwrap();
        assert_eq!(t.unix, 1_796_628_605); // 2026-12-07T07:30:05Z
        assert_eq!(t.iso(), "2026-12-07T14:30:05+07:00");
        assert_eq!(t.pdf_date(), "D:20261207143005+07'00'");
        assert_eq!(SigningTime::parse_pdf_date(&t.pdf_date()), Some(t));
        let utc = SigningTime::parse_iso("2026-12-07T07:30:05Z").unwrap();
        assert_eq!(utc.unix, t.unix);
    }

    #[test]
    fn a_malformed_time_is_refused_with_the_form_expected() {
        for bad in [
            "2026-02-30T10:00:00+07:00",
            "2026-12-07 14:30",
            "2026-12-07T25:00:00Z",
        ] {
            let e = SigningTime::parse_iso(bad).unwrap_err();
            assert!(e.contains("2026-12-07T14:30:00+07:00"), "{e}");
        }
    }
}
