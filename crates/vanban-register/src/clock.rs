//! The date a register uses: the calendar day in Vietnam (UTC+7, no summer
//! time), from a clock that tests replace.

use vanban::Date;

/// Vietnam's offset from UTC, in seconds.
const VIETNAM_OFFSET: i64 = 7 * 3600;

/// Where "now" comes from.
pub trait Clock: Send + Sync {
    /// Seconds since 1970-01-01 00:00 UTC.
    fn now_utc(&self) -> i64;
}

/// The system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_utc(&self) -> i64 {
        match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        }
    }
}

/// A clock stopped at one instant (tests, `--date`).
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_utc(&self) -> i64 {
        self.0
    }
}

/// The calendar day in Vietnam at `utc_seconds`.
pub fn vietnam_date(utc_seconds: i64) -> Date {
    let (y, m, d) = civil_from_days((utc_seconds + VIETNAM_OFFSET).div_euclid(86_400));
    // Years outside 1900–2999 are refused by Date; clamp to its range.
    let y = y.clamp(1900, 2999) as u16;
    Date::new(y, m, d).unwrap_or_else(|_| Date::new(y, 1, 1).expect("1 January exists"))
}

/// The UTC instant of `hour:minute` Vietnam time on `date` (for tests and
/// for `--date`, which stands for noon of that day).
pub fn vietnam_instant(date: Date, hour: u32, minute: u32) -> i64 {
    let days = days_from_civil(i64::from(date.year()), date.month(), date.day());
    days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 - VIETNAM_OFFSET
}

/// `YYYY-MM-DDTHH:MM:SSZ` (when an entry was recorded).
pub fn utc_timestamp(utc_seconds: i64) -> String {
    let (y, m, d) = civil_from_days(utc_seconds.div_euclid(86_400));
    let s = utc_seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (H. Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_year_falls_at_midnight_in_vietnam_not_in_utc() {
        let last_day = Date::new(2026, 12, 31).unwrap();
        let first_day = Date::new(2027, 1, 1).unwrap();
        // 23:59 on 31 December in Vietnam is 16:59 UTC the same day.
        let before = vietnam_instant(last_day, 23, 59);
        assert_eq!(utc_timestamp(before), "2026-12-31T16:59:00Z");
        assert_eq!(vietnam_date(before), last_day);
        // 00:01 on 1 January in Vietnam is still 31 December in UTC.
        let after = vietnam_instant(first_day, 0, 1);
        assert_eq!(utc_timestamp(after), "2026-12-31T17:01:00Z");
        assert_eq!(vietnam_date(after), first_day);
    }

    #[test]
    fn days_round_trip_over_leap_years() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 2, 29), (2100, 3, 1)] {
            let days = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(days), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
