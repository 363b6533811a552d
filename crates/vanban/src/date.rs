//! Calendar dates as the decree writes them.

use std::fmt;

use vanban_i18n::{msg, Message};

/// A calendar date (Gregorian), checked on construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or says why it cannot exist.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Date, Message> {
        if !(1900..=2999).contains(&year) {
            return Err(msg!("date-year-outside", year = year));
        }
        if !(1..=12).contains(&month) {
            return Err(msg!("date-month", month = month));
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(msg!(
                "date-no-day",
                year = year,
                month = month,
                day = day,
                last = last
            ));
        }
        Ok(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` (ISO 8601) or the Vietnamese `DD/MM/YYYY`.
    pub fn parse(text: &str) -> Result<Date, Message> {
        let text = text.trim();
        let bad = || msg!("date-not-a-date", value = text);
        let parts: Vec<&str> = if text.contains('-') {
            text.split('-').collect()
        } else {
            text.split('/').rev().collect()
        };
        let [y, m, d] = parts.as_slice() else {
            return Err(bad());
        };
        let number = |s: &str| s.parse::<u16>().map_err(|_| bad());
        let (year, month, day) = (number(y)?, number(m)?, number(d)?);
        if month > 255 || day > 255 {
            return Err(bad());
        }
        Date::new(year, month as u8, day as u8)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The day as the decree writes it: two digits (`08`, `15`).
    pub fn day_text(self) -> String {
        format!("{:02}", self.day)
    }

    /// The month as the decree writes it: `01`, `02`, then `3` … `12`.
    pub fn month_text(self) -> String {
        if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        }
    }

    /// `ngày 08 tháng 3 năm 2024`
    pub fn long(self) -> String {
        format!(
            "ngày {} tháng {} năm {}",
            self.day_text(),
            self.month_text(),
            self.year
        )
    }

    /// `08/3/2024`, `20/01/2012`
    pub fn short(self) -> String {
        format!("{}/{}/{}", self.day_text(), self.month_text(), self.year)
    }

    /// `2024-03-08`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short())
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn day_is_padded_below_ten() {
        assert_eq!(date(2024, 3, 1).day_text(), "01");
        assert_eq!(date(2024, 3, 9).day_text(), "09");
        assert_eq!(date(2024, 3, 10).day_text(), "10");
        assert_eq!(date(2024, 3, 31).day_text(), "31");
    }

    #[test]
    fn only_january_and_february_are_padded() {
        assert_eq!(date(2020, 1, 5).month_text(), "01");
        assert_eq!(date(2020, 2, 5).month_text(), "02");
        assert_eq!(date(2020, 3, 5).month_text(), "3");
        assert_eq!(date(2020, 9, 5).month_text(), "9");
        assert_eq!(date(2020, 10, 5).month_text(), "10");
        assert_eq!(date(2020, 12, 5).month_text(), "12");
    }

    #[test]
    fn long_and_short_forms() {
        assert_eq!(date(2024, 3, 8).long(), "ngày 08 tháng 3 năm 2024");
        assert_eq!(date(2020, 1, 5).long(), "ngày 05 tháng 01 năm 2020");
        assert_eq!(date(2019, 6, 29).long(), "ngày 29 tháng 6 năm 2019");
        assert_eq!(date(2024, 3, 7).short(), "07/3/2024");
        assert_eq!(date(2012, 1, 20).short(), "20/01/2012");
        assert_eq!(date(2017, 12, 18).short(), "18/12/2017");
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2023, 2, 29).is_err());
        assert!(Date::new(2024, 2, 29).is_ok());
        assert!(Date::new(1900, 2, 29).is_err());
        assert!(Date::new(2000, 2, 29).is_ok());
        assert!(Date::new(2024, 4, 31).is_err());
        assert!(Date::new(2024, 13, 1).is_err());
        assert!(Date::new(2024, 1, 0).is_err());
    }

    #[test]
    fn parses_iso_and_vietnamese_forms() {
        assert_eq!(Date::parse("2024-03-08"), Ok(date(2024, 3, 8)));
        assert_eq!(Date::parse("08/3/2024"), Ok(date(2024, 3, 8)));
        assert!(Date::parse("2024-02-30")
            .unwrap_err()
            .english()
            .contains("no day 30"));
        assert!(Date::parse("hôm nay").is_err());
        assert!(Date::parse("2024-3").is_err());
    }
}
