//! `Retry-After` (RFC 9110 §10.2.3): how long a server asks to be left
//! alone after a 429 or a 503, and how to say so.
//!
//! Pure: the api layer reads the header and the clock; this module turns
//! the value into seconds to wait and the seconds into a sentence.

use crate::i18n::Catalog;

/// Longest wait worth stating exactly (a day); anything above is "in more
/// than a day". A server may send any number, or a date years ahead.
const MAX_STATED: u64 = 86_400;

/// Seconds to wait, from a `Retry-After` value and the current time (Unix
/// seconds). The value is either a number of seconds (`120`) or an HTTP
/// date (`Wed, 21 Oct 2015 07:28:00 GMT`, or the obsolete RFC 850 and
/// asctime forms, which recipients must still read). A date already past
/// means "now" (0). `None` when the value is neither.
pub fn seconds_to_wait(value: &str, now_unix: i64) -> Option<u64> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if v.bytes().all(|b| b.is_ascii_digit()) {
        // A number too large for u64 is still "a very long time".
        return Some(v.parse::<u64>().unwrap_or(u64::MAX));
    }
    let at = http_date(v)?;
    Some(u64::try_from(at.saturating_sub(now_unix)).unwrap_or(0))
}

/// The advice for the user: "Try again in 30 seconds."
pub fn advice(t: &Catalog, seconds: u64) -> String {
    let p = &t.problems;
    if seconds == 0 {
        return p.retry_now.into();
    }
    if seconds > MAX_STATED {
        return p.retry_later.into();
    }
    (p.retry_in)(&duration(t, seconds))
}

/// A wait in words, rounded up so nobody is told to come back too early:
/// seconds under two minutes, then minutes, then hours and minutes.
fn duration(t: &Catalog, seconds: u64) -> String {
    let p = &t.problems;
    if seconds < 120 {
        return (p.seconds)(seconds);
    }
    let minutes = seconds.div_ceil(60);
    if minutes < 60 {
        return (p.minutes)(minutes);
    }
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        (p.hours)(h)
    } else {
        format!("{} {}", (p.hours)(h), (p.minutes)(m))
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Digits only (no sign, no spaces), as a number.
fn number(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A day of the month, 1 to 31.
fn day(s: &str) -> Option<u32> {
    number(s)
        .and_then(|d| u32::try_from(d).ok())
        .filter(|d| (1..=31).contains(d))
}

/// `hh:mm:ss` as seconds into the day.
fn time_of_day(s: &str) -> Option<i64> {
    let mut parts = s.split(':');
    let h = number(parts.next()?)?;
    let m = number(parts.next()?)?;
    let sec = number(parts.next()?)?;
    if parts.next().is_some() || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    Some(h * 3600 + m * 60 + sec)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn unix(year: i64, month: u32, day: u32, seconds: i64) -> Option<i64> {
    if !(1..=9999).contains(&year) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + seconds)
}

/// An HTTP date as Unix seconds: IMF-fixdate, RFC 850 or asctime.
fn http_date(s: &str) -> Option<i64> {
    let words: Vec<&str> = s.split_ascii_whitespace().collect();
    match words.as_slice() {
        // Sun, 06 Nov 1994 08:49:37 GMT
        [_, d, mon, year, time, gmt] if gmt.eq_ignore_ascii_case("GMT") => {
            unix(number(year)?, month(mon)?, day(d)?, time_of_day(time)?)
        }
        // Sunday, 06-Nov-94 08:49:37 GMT (a two-digit year is taken as
        // 1970-2069, close to RFC 9110's "not more than 50 years ahead")
        [_, date, time, gmt] if gmt.eq_ignore_ascii_case("GMT") => {
            let mut d = date.split('-');
            let dd = day(d.next()?)?;
            let mon = month(d.next()?)?;
            let yy = number(d.next()?)?;
            let year = if yy < 100 {
                if yy >= 70 {
                    1900 + yy
                } else {
                    2000 + yy
                }
            } else {
                yy
            };
            unix(year, mon, dd, time_of_day(time)?)
        }
        // Sun Nov  6 08:49:37 1994
        [_, mon, d, time, year] => unix(number(year)?, month(mon)?, day(d)?, time_of_day(time)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1994-11-06T08:49:37Z, RFC 9110's example date.
    const EXAMPLE: i64 = 784_111_777;

    #[test]
    fn a_number_of_seconds() {
        assert_eq!(seconds_to_wait("30", 0), Some(30));
        assert_eq!(seconds_to_wait(" 120 ", 0), Some(120));
        assert_eq!(seconds_to_wait("0", 0), Some(0));
        assert_eq!(
            seconds_to_wait("99999999999999999999999", 0),
            Some(u64::MAX)
        );
        for bad in ["", " ", "-5", "1.5", "30s", "soon", "0x10"] {
            assert_eq!(seconds_to_wait(bad, 0), None, "{bad:?}");
        }
    }

    #[test]
    fn the_three_http_date_forms() {
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "sun, 06 nov 1994 08:49:37 gmt",
        ] {
            assert_eq!(seconds_to_wait(form, EXAMPLE - 90), Some(90), "{form}");
        }
        // A date in the past: now.
        assert_eq!(
            seconds_to_wait("Sun, 06 Nov 1994 08:49:37 GMT", EXAMPLE + 5),
            Some(0)
        );
        // A leap day and the turn of a year.
        assert_eq!(
            seconds_to_wait("Thu, 29 Feb 2024 00:00:00 GMT", 1_709_164_800 - 1),
            Some(1)
        );
        assert_eq!(
            seconds_to_wait("Sat, 01 Jan 2000 00:00:00 GMT", 946_684_800),
            Some(0)
        );
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:00:00 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "tomorrow",
        ] {
            assert_eq!(seconds_to_wait(bad, 0), None, "{bad}");
        }
    }

    #[test]
    fn advice_in_words() {
        assert_eq!(advice(&crate::i18n::EN, 30), "Try again in 30 seconds.");
        assert_eq!(advice(&crate::i18n::EN, 1), "Try again in 1 second.");
        assert_eq!(advice(&crate::i18n::EN, 0), "You can try again now.");
        assert_eq!(advice(&crate::i18n::EN, 119), "Try again in 119 seconds.");
        assert_eq!(advice(&crate::i18n::EN, 121), "Try again in 3 minutes.");
        assert_eq!(advice(&crate::i18n::EN, 3600), "Try again in 1 hour.");
        assert_eq!(
            advice(&crate::i18n::EN, 3_661),
            "Try again in 1 hour 2 minutes."
        );
        assert_eq!(
            advice(&crate::i18n::EN, u64::MAX),
            "Try again in more than a day."
        );
    }
}
