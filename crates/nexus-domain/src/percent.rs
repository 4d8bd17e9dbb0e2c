//! Percent-encoding of one URL component, shared by the console's request
//! paths (api) and its own links (routes), so both spell an id alike.
//!
//! Pure Rust rather than the browser's `encodeURIComponent`: the same output
//! (the same characters left as they are), tested on the host.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What `encodeURIComponent` escapes: everything but ASCII letters, digits
/// and `- _ . ! ~ * ' ( )`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Percent-encodes `s` (UTF-8) for use as one path segment or one query
/// value: a client id is an opaque string and may hold `/`, `?`, `#` or `%`.
pub fn encode_component(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_encode_uri_component_does() {
        for (raw, want) in [
            ("", ""),
            ("abcXYZ019", "abcXYZ019"),
            ("-_.!~*'()", "-_.!~*'()"),
            ("a/b", "a%2Fb"),
            ("a b+c", "a%20b%2Bc"),
            ("?#&=%", "%3F%23%26%3D%25"),
            ("..", ".."),
            (":@$,;[]", "%3A%40%24%2C%3B%5B%5D"),
            ("caf\u{e9}", "caf%C3%A9"),
            ("\u{1f600}", "%F0%9F%98%80"),
            ("\n\t\0", "%0A%09%00"),
        ] {
            assert_eq!(encode_component(raw), want, "{raw:?}");
        }
    }
}
