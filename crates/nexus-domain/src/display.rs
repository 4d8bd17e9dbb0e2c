//! How much of a value a view shows at first.
//!
//! A server may send a value of any length (a 100,000-character name, a
//! callback URL of a megabyte). Laying such a value out with `overflow-wrap:
//! anywhere` inside a grid costs seconds to minutes in a browser, and an
//! unbreakable one pushes every column off the page. Views therefore show a
//! short preview and let the user ask for the rest.

use crate::i18n::Catalog;

/// Characters shown before a value is cut (about three lines of a column).
pub const PREVIEW_CHARS: usize = 160;

/// A value cut for display: the first characters and how many there are in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview<'a> {
    /// The first `max_chars` characters (cut on a character boundary).
    pub head: &'a str,
    /// The number of characters of the whole value.
    pub total_chars: usize,
}

/// `None` when `value` has at most `max_chars` characters (show it whole);
/// otherwise its first `max_chars` characters and its length in characters.
pub fn preview(value: &str, max_chars: usize) -> Option<Preview<'_>> {
    // Byte length bounds the character count: short values cost nothing.
    if value.len() <= max_chars {
        return None;
    }
    let cut = value.char_indices().nth(max_chars).map(|(i, _)| i)?;
    Some(Preview {
        head: &value[..cut],
        total_chars: max_chars + value[cut..].chars().count(),
    })
}

/// A lifetime in seconds as people read it: `"7200 seconds (2.0 hours)"`,
/// `"2592000 seconds (30.0 days)"` (days when whole hours of a day or more),
/// one decimal rounded half up. Integer arithmetic: formatting an `f64` would
/// bring the float printer into the wasm for one line of the detail view.
pub fn lifetime(t: &Catalog, seconds: i64) -> String {
    let c = &t.common;
    let tenths = |unit: i64| crate::i18n::tenths(seconds, unit, t.decimal);
    if seconds >= 86_400 && seconds % 3600 == 0 {
        (c.lifetime_days)(seconds, &tenths(86_400))
    } else if seconds >= 3600 {
        (c.lifetime_hours)(seconds, &tenths(3600))
    } else {
        (c.lifetime_seconds)(seconds)
    }
}

/// Longest text a delete confirmation asks to be typed.
pub const CONFIRM_MAX_CHARS: usize = 60;

/// What a person types to confirm deleting a client: its name, or, when the
/// name is too long to type (a 100,000-character name was asked for whole),
/// its ID, or when both are, the word "delete".
pub fn delete_confirmation(name: &str, id: &str) -> String {
    let short = |s: &str| !s.trim().is_empty() && s.chars().count() <= CONFIRM_MAX_CHARS;
    if short(name) {
        name.to_string()
    } else if short(id) {
        id.to_string()
    } else {
        "delete".to_string()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_delete_is_confirmed_by_something_a_person_can_type() {
        assert_eq!(
            delete_confirmation("Billing Service", "cl_1"),
            "Billing Service"
        );
        let long = "n".repeat(100_000);
        assert_eq!(delete_confirmation(&long, "cl_1"), "cl_1");
        assert_eq!(delete_confirmation(&long, &"i".repeat(61)), "delete");
        assert_eq!(delete_confirmation("   ", "cl_1"), "cl_1");
    }

    use super::*;

    #[test]
    fn a_lifetime_reads_in_hours_or_days_with_one_decimal() {
        for (seconds, reads) in [
            (0, "0 seconds"),
            (-5, "-5 seconds"),
            (3599, "3599 seconds"),
            (3600, "3600 seconds (1.0 hours)"),
            (5400, "5400 seconds (1.5 hours)"),
            (5579, "5579 seconds (1.5 hours)"),
            (5580, "5580 seconds (1.6 hours)"),
            (86_399, "86399 seconds (24.0 hours)"),
            (86_400, "86400 seconds (1.0 days)"),
            (2_592_000, "2592000 seconds (30.0 days)"),
            (90_000, "90000 seconds (1.0 days)"),
        ] {
            assert_eq!(lifetime(&crate::i18n::EN, seconds), reads, "{seconds}");
        }
        assert_eq!(
            lifetime(&crate::i18n::EN, i64::MAX),
            format!("{} seconds ({} hours)", i64::MAX, "2562047788015215.5")
        );
    }

    #[test]
    fn short_values_are_shown_whole() {
        assert_eq!(preview("", 3), None);
        assert_eq!(preview("abc", 3), None);
        // Three characters, six bytes.
        assert_eq!(preview("äöü", 3), None);
    }

    #[test]
    fn long_values_are_cut_on_a_character_boundary() {
        assert_eq!(
            preview("abcdef", 3),
            Some(Preview {
                head: "abc",
                total_chars: 6
            })
        );
        let p = preview("ääääää", 4).expect("cut");
        assert_eq!(p.head, "ääää");
        assert_eq!(p.total_chars, 6);
        let long = "x".repeat(100_000);
        let p = preview(&long, PREVIEW_CHARS).expect("cut");
        assert_eq!(p.head.len(), PREVIEW_CHARS);
        assert_eq!(p.total_chars, 100_000);
    }

    #[test]
    fn counts_read_with_separators() {
        assert_eq!(crate::i18n::EN.num(0), "0");
        assert_eq!(crate::i18n::EN.num(999), "999");
        assert_eq!(crate::i18n::EN.num(1_000), "1,000");
        assert_eq!(crate::i18n::EN.num(100_000), "100,000");
        assert_eq!(crate::i18n::EN.num(1_234_567), "1,234,567");
    }
}
