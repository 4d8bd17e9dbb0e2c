//! Loopback names: which `Host` headers the dev routes answer, and which
//! `--host` addresses keep the stand-in on this machine.
//!
//! The dev routes hand out admin tokens and change the server's behaviour. A
//! web page can reach a server on 127.0.0.1 by DNS rebinding (its own host
//! name, re-pointed at 127.0.0.1), but the browser still sends that host name
//! in `Host`; answering only loopback names closes that door.

use std::net::IpAddr;

/// The loopback names the dev routes answer, as `Host` spells them.
pub const LOOPBACK_NAMES: &str = "localhost, 127.0.0.1 or [::1]";

/// Whether `port` is what follows the `:` of a `Host`: 1 to 5 digits that
/// make a port number.
fn is_port(port: &str) -> bool {
    !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok()
}

/// Whether a `Host` header (or a URI authority) names this machine:
/// `localhost` (any case), `127.0.0.1` or `[::1]`, each with or without a
/// port. Anything else, including other names that resolve to 127.0.0.1,
/// is refused.
pub fn is_loopback_host_header(value: &str) -> bool {
    if let Some(rest) = value.strip_prefix('[') {
        return match rest.split_once(']') {
            Some(("::1", "")) => true,
            Some(("::1", tail)) => tail.strip_prefix(':').is_some_and(is_port),
            _ => false,
        };
    }
    let (name, port) = match value.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (value, None),
    };
    let known = name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1";
    known && port.is_none_or(is_port)
}

/// Whether `--host` binds a loopback interface only (`localhost`, any
/// 127.x.y.z, `::1` with or without brackets).
pub fn is_loopback_bind(host: &str) -> bool {
    let host = host.trim();
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The start-up warning for a `--host` other machines can reach, if any.
pub fn bind_warning(host: &str) -> Option<String> {
    if is_loopback_bind(host) {
        return None;
    }
    Some(format!(
        "nexus-devserver: WARNING: --host {host} is not a loopback address, so other machines can reach this server.\n\
         nexus-devserver: The stand-in has no real security: its dev tokens are signed with a published secret, \
         the demo Basic passwords are public, and anyone who can reach it can read and change the data.\n\
         nexus-devserver: The dev routes (/dev/*) still answer only requests addressed to {LOOPBACK_NAMES}. \
         Use it on a trusted network only, and never with real data."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_host_headers() {
        for ok in [
            "localhost",
            "LOCALHOST:8081",
            "127.0.0.1",
            "127.0.0.1:80",
            "[::1]",
            "[::1]:65535",
        ] {
            assert!(is_loopback_host_header(ok), "{ok}");
        }
        for bad in [
            "",
            "evil.example.com",
            "localhost.evil.example.com",
            "localhost:",
            "localhost:99999",
            "localhost:80:81",
            "127.0.0.1.nip.io",
            "127.0.0.2",
            "127.0.0.1:8081@evil.example.com",
            "::1",
            "[::1]x",
            "[::1]:",
            "[::2]",
            "0.0.0.0",
        ] {
            assert!(!is_loopback_host_header(bad), "{bad}");
        }
    }

    #[test]
    fn loopback_binds() {
        for ok in ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"] {
            assert!(is_loopback_bind(ok), "{ok}");
            assert_eq!(bind_warning(ok), None);
        }
        for bad in ["0.0.0.0", "::", "192.168.1.20", "example.com"] {
            assert!(!is_loopback_bind(bad), "{bad}");
            let w = bind_warning(bad).unwrap_or_default();
            assert!(w.contains(bad) && w.contains("no real security"), "{w}");
        }
    }
}
