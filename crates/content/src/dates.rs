//! Dates are parsed and worded here, at build time, so the wasm carries no date library.

use cart_model::{Date, Lang};

/// A checked calendar date, ordered so review dates can be compared.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// Parses `YYYY-MM-DD`, rejecting impossible days like 2026-02-30.
    pub fn parse(s: &str) -> Result<Day, String> {
        let bad = || format!("malformed date \"{s}\": expected YYYY-MM-DD, a real calendar day");
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let (year, month, day) = (
            parts[0].parse::<i32>().map_err(|_| bad())?,
            parts[1].parse::<u32>().map_err(|_| bad())?,
            parts[2].parse::<u32>().map_err(|_| bad())?,
        );
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        Ok(Day { year, month, day })
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Howard Hinnant's civil-from-days algorithm.
    fn from_days_since_epoch(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// The date for the documents: ISO for machines, words in the edition's language.
    pub fn to_model(self, lang: Lang) -> Date {
        Date { iso: self.iso(), display: lang.strings().date(self.year, self.month, self.day) }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
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

    #[test]
    fn parses_and_words_real_days() {
        let d = Day::parse("2026-03-12").unwrap();
        assert_eq!(d.to_model(Lang::En).display, "12 March 2026");
        assert_eq!(d.to_model(Lang::Es).display, "12 de marzo de 2026");
        assert_eq!(d.to_model(Lang::Es).iso, "2026-03-12");
        assert!(Day::parse("2024-02-29").is_ok());
    }

    #[test]
    fn rejects_malformed_and_impossible_days() {
        for bad in ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "soon", "2026-01-0a", ""] {
            assert!(Day::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn epoch_days_convert_to_calendar_days() {
        assert_eq!(Day::from_days_since_epoch(0), Day { year: 1970, month: 1, day: 1 });
        assert_eq!(Day::from_days_since_epoch(20_517), Day { year: 2026, month: 3, day: 5 });
        assert_eq!(Day::from_days_since_epoch(11_016), Day { year: 2000, month: 2, day: 29 });
    }
}
