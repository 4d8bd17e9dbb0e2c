//! Numbers and dates as a language writes them: pure functions (no Intl),
//! a few hundred bytes of wasm.

/// `n` with `sep` between groups of three digits: `group(10000, '.')` is
/// `"10.000"`.
pub fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// `value / unit` rounded half up to one decimal, with `decimal` before the
/// tenth: `tenths(7200, 3600, ',')` is `"2,0"`. Integer arithmetic (no float
/// printer in the wasm).
pub fn tenths(value: i64, unit: i64, decimal: char) -> String {
    let t = (i128::from(value) * 10 + i128::from(unit) / 2) / i128::from(unit.max(1));
    format!("{}{decimal}{}", t / 10, t % 10)
}

/// A moment on the wall clock: the fields a date format needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CivilTime {
    pub year: i64,
    /// 1..=12
    pub month: u32,
    /// 1..=31
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl CivilTime {
    /// Unix seconds at a UTC offset (minutes east of Greenwich; the browser
    /// gives `-Date.getTimezoneOffset()`), as a calendar date and time.
    pub fn from_unix(unix: i64, offset_minutes: i32) -> CivilTime {
        let local = unix.saturating_add(i64::from(offset_minutes) * 60);
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilTime {
            year,
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
            hour: u32::try_from(secs / 3600).unwrap_or(0),
            minute: u32::try_from(secs % 3600 / 60).unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_tenths() {
        assert_eq!(group(0, ','), "0");
        assert_eq!(group(1000, ','), "1,000");
        assert_eq!(group(1_234_567, '.'), "1.234.567");
        assert_eq!(tenths(7200, 3600, '.'), "2.0");
        assert_eq!(tenths(2_592_000, 86_400, ','), "30,0");
        assert_eq!(tenths(5400, 3600, ','), "1,5");
    }

    #[test]
    fn calendar_dates() {
        let at = |u, o| {
            let c = CivilTime::from_unix(u, o);
            (c.year, c.month, c.day, c.hour, c.minute)
        };
        assert_eq!(at(0, 0), (1970, 1, 1, 0, 0));
        assert_eq!(at(951_782_400, 0), (2000, 2, 29, 0, 0));
        assert_eq!(at(1_796_195_100, -480), (2026, 12, 1, 23, 5));
        assert_eq!(at(-1, 0), (1969, 12, 31, 23, 59));
    }
}
