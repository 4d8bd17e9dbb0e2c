//! The one rule for base paths (the sub-path the console is served under):
//! the source of truth for the stand-in's `--base-path`, the console's
//! `basePath` setting and, as a regular expression, `scripts/set-base-path.sh`.
//!
//! A base path goes into `<base href="…">`, a redirect's `Location`, a `sed`
//! replacement and the router's base, so it admits only unreserved path
//! characters: ASCII letters and digits, `-`, `.`, `_`, `~`, and `/` between
//! segments. No segment may be empty (`//`, so `//host` cannot become a
//! scheme-relative URL), `.` or `..`. Leading and trailing `/` are added when
//! missing: `admin/clients` is `/admin/clients/`, and `""` is `/`.

use std::fmt;

/// A checked base path: starts and ends with `/` (`/` alone at the root).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BasePath(String);

/// Why a base path was refused; the message names what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BasePathError {
    /// A character outside the allow-list, at this (0-based, in characters)
    /// position of the input.
    Character { ch: char, position: usize },
    /// Two `/` in a row.
    EmptySegment,
    /// A `.` or `..` segment.
    DotSegment(String),
}

/// Whether `ch` may appear in a base path.
pub fn is_allowed_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || matches!(ch, '-' | '.' | '_' | '~' | '/')
}

/// How a refused character is shown: visible ones quoted, the others named
/// or escaped (a space, a tab or a control character prints as nothing).
fn describe(ch: char) -> String {
    match ch {
        ' ' => "a space".into(),
        c if c.is_whitespace() || c.is_control() => {
            format!(
                "the character U+{:04X} ('{}')",
                u32::from(c),
                c.escape_default()
            )
        }
        c => format!("'{c}'"),
    }
}

impl fmt::Display for BasePathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ALLOWED: &str =
            "only ASCII letters, digits, '-', '.', '_', '~' and '/' between segments are allowed";
        match self {
            BasePathError::Character { ch, position } => write!(
                f,
                "the base path contains {} at position {}; {ALLOWED}",
                describe(*ch),
                position + 1
            ),
            BasePathError::EmptySegment => write!(
                f,
                "the base path contains '//' (an empty segment); separate segments with one '/'"
            ),
            BasePathError::DotSegment(s) => write!(
                f,
                "the base path contains a '{s}' segment; name the directories instead"
            ),
        }
    }
}

impl std::error::Error for BasePathError {}

impl BasePath {
    /// The root, `/`.
    pub fn root() -> BasePath {
        BasePath("/".into())
    }

    /// Checks `raw` against the rule and normalises it to start and end
    /// with `/`. Nothing is trimmed: surrounding whitespace is refused like
    /// any other.
    pub fn parse(raw: &str) -> Result<BasePath, BasePathError> {
        if let Some((position, ch)) = raw.chars().enumerate().find(|(_, c)| !is_allowed_char(*c)) {
            return Err(BasePathError::Character { ch, position });
        }
        if raw.contains("//") {
            return Err(BasePathError::EmptySegment);
        }
        let inner = raw.strip_prefix('/').unwrap_or(raw);
        let inner = inner.strip_suffix('/').unwrap_or(inner);
        if inner.is_empty() {
            return Ok(BasePath::root());
        }
        if let Some(dots) = inner.split('/').find(|s| *s == "." || *s == "..") {
            return Err(BasePathError::DotSegment(dots.to_string()));
        }
        Ok(BasePath(format!("/{inner}/")))
    }

    /// The path with both slashes: `/` or `/admin/clients/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path without its trailing slash, as a router base: `""` at the
    /// root, `/admin/clients` under a sub-path.
    pub fn without_trailing_slash(&self) -> &str {
        self.0.strip_suffix('/').unwrap_or(&self.0)
    }

    /// Whether this is the root, `/`.
    pub fn is_root(&self) -> bool {
        self.0 == "/"
    }
}

impl Default for BasePath {
    fn default() -> Self {
        BasePath::root()
    }
}

impl fmt::Display for BasePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for BasePath {
    type Err = BasePathError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BasePath::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_the_slashes() {
        for (raw, want) in [
            ("", "/"),
            ("/", "/"),
            ("admin", "/admin/"),
            ("/admin", "/admin/"),
            ("admin/", "/admin/"),
            ("/admin/clients/", "/admin/clients/"),
            ("a-b.c_d~e/v1.2", "/a-b.c_d~e/v1.2/"),
            ("/...", "/.../"),
            ("/.well-known/x", "/.well-known/x/"),
        ] {
            let p = BasePath::parse(raw).unwrap_or_else(|e| panic!("{raw:?}: {e}"));
            assert_eq!(p.as_str(), want, "{raw:?}");
        }
        assert_eq!(
            BasePath::parse("/a/b").unwrap().without_trailing_slash(),
            "/a/b"
        );
        assert_eq!(BasePath::root().without_trailing_slash(), "");
        assert!(BasePath::parse("").unwrap().is_root());
        assert_eq!("x".parse::<BasePath>().unwrap().to_string(), "/x/");
    }

    #[test]
    fn refuses_what_is_outside_the_allow_list_and_names_it() {
        for (raw, named) in [
            ("/a#b", "'#'"),
            ("/a&b", "'&'"),
            ("/a?b", "'?'"),
            ("/a\\b", "'\\'"),
            ("/a%2e", "'%'"),
            ("/a b", "a space"),
            (" /a", "a space"),
            ("/a\tb", "U+0009"),
            ("/a\nb", "U+000A"),
            ("/a\u{7f}", "U+007F"),
            ("/a\u{a0}", "U+00A0"),
            ("/caf\u{e9}", "'\u{e9}'"),
            ("/a\"b", "'\"'"),
            ("/a<b", "'<'"),
            ("/a'b", "'''"),
            ("/a:b", "':'"),
            ("/a@b", "'@'"),
            ("/a;b", "';'"),
        ] {
            let e = BasePath::parse(raw).expect_err(raw);
            let msg = e.to_string();
            assert!(
                matches!(e, BasePathError::Character { .. }),
                "{raw:?}: {e:?}"
            );
            assert!(msg.contains(named), "{raw:?}: {msg}");
            assert!(msg.contains("only ASCII letters"), "{msg}");
        }
        let e = BasePath::parse("/a#b").unwrap_err();
        assert!(e.to_string().contains("position 3"), "{e}");
    }

    #[test]
    fn refuses_empty_and_dot_segments() {
        for raw in ["//", "//host", "//host/x", "/a//b", "a//", "///"] {
            assert_eq!(
                BasePath::parse(raw),
                Err(BasePathError::EmptySegment),
                "{raw:?}"
            );
        }
        for (raw, seg) in [
            ("/a/../b", ".."),
            ("..", ".."),
            ("/..", ".."),
            ("/a/..", ".."),
            ("/./a", "."),
            (".", "."),
            ("a/./", "."),
        ] {
            assert_eq!(
                BasePath::parse(raw),
                Err(BasePathError::DotSegment(seg.into())),
                "{raw:?}"
            );
        }
        let msg = BasePath::parse("/a/../b").unwrap_err().to_string();
        assert!(msg.contains("'..'"), "{msg}");
        assert!(BasePath::parse("//host")
            .unwrap_err()
            .to_string()
            .contains("'//'"));
    }
}
