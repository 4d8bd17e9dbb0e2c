//! URL rules from the seeds: well-formed URLs, wildcards only at the
//! subdomain level (`https://*.contoso.com`), initiate login URI over https.

use crate::i18n::Catalog;
use std::borrow::Cow;
use url::Url;

/// What a URL is used for; each kind has its own rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// OAuth redirect target: any scheme (native apps use custom schemes),
    /// no fragment, subdomain wildcard allowed.
    Callback,
    /// Post-logout redirect: like a callback.
    Logout,
    /// A CORS or web origin: scheme, host and port only.
    Origin,
    /// Initiate login URI: https only, no wildcard.
    InitiateLogin,
    /// Logo: http(s), no wildcard.
    Logo,
}

const PLACEHOLDER: &str = "wildcard-label-x";

/// The URL with every non-ASCII character of its authority (host) replaced
/// by `x`, for parsing. The workspace pins `idna_adapter` to its ASCII-only
/// back end (see crates/nexus-domain/Cargo.toml), which saves the console
/// about 105 KB of Unicode tables but makes `url` reject Unicode host names;
/// their shape is still checked here, and IDNA's finer rules are left to the
/// server. Punycode (`xn--`) hosts parse as they are.
fn ascii_host(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let Some(start) = s.find("://").map(|i| i + 3) else {
        return Cow::Borrowed(s);
    };
    let end = s[start..]
        .find(['/', '?', '#'])
        .map_or(s.len(), |i| start + i);
    let host: String = s[start..end]
        .chars()
        .map(|c| match c {
            // IDNA's full stops (ideographic, fullwidth, halfwidth) separate labels.
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
            c if c.is_ascii() => c,
            _ => 'x',
        })
        .collect();
    Cow::Owned(format!("{}{host}{}", &s[..start], &s[end..]))
}

/// Characters that render as nothing (Unicode's default-ignorable code
/// points): a URL holding one looks like another, so it is refused.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// Whether the URL's host is this machine: `localhost` (or a name under
/// it), 127.0.0.0/8 or `[::1]`.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Checks one URL; `Err` carries a message for the person who typed it.
pub fn check_url(t: &Catalog, raw: &str, kind: UrlKind) -> Result<(), String> {
    let r = &t.rules;
    let s = raw.trim();
    if s.is_empty() {
        return Err(r.url_empty.into());
    }
    if s.chars().any(char::is_whitespace) {
        return Err(r.url_spaces.into());
    }
    if let Some(c) = s.chars().find(|c| c.is_control() || is_invisible(*c)) {
        return Err((r.url_invisible)(&format!("U+{:04X}", c as u32)));
    }
    let wildcard_allowed = matches!(kind, UrlKind::Callback | UrlKind::Logout | UrlKind::Origin);
    let has_wildcard = s.contains('*');
    let candidate = if has_wildcard {
        if !wildcard_allowed {
            return Err(r.wildcard_not_here.into());
        }
        // Only the whole leftmost host label may be `*`: scheme://*.example.com
        let Some((scheme, after)) = s.split_once("://") else {
            return Err(r.url_no_scheme.into());
        };
        let Some(rest) = after.strip_prefix("*.") else {
            return Err(r.wildcard_subdomain.into());
        };
        if rest.contains('*') {
            return Err(r.wildcard_one.into());
        }
        let host_end = rest.find(['/', ':', '?', '#']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        if host.split('.').filter(|l| !l.is_empty()).count() < 2 {
            return Err(r.wildcard_registrable.into());
        }
        format!("{scheme}://{PLACEHOLDER}.{rest}")
    } else {
        s.to_string()
    };
    let url =
        Url::parse(&ascii_host(&candidate)).map_err(|e| (r.url_unparsable)(&e.to_string()))?;
    // A `%2A` in the host decodes to `*`: the same subdomain-only rule applies.
    if url.host_str().is_some_and(|h| h.contains('*')) {
        return Err(r.wildcard_subdomain.into());
    }
    let scheme = url.scheme();
    let web = scheme == "http" || scheme == "https";
    match kind {
        UrlKind::InitiateLogin if scheme != "https" => return Err(r.initiate_https.into()),
        UrlKind::Logo if scheme != "https" => return Err(r.logo_https.into()),
        UrlKind::Origin if !web => return Err(r.origin_http.into()),
        // Schemes that run code or read local files, never a redirect
        // target (Keycloak refuses them too).
        UrlKind::Callback | UrlKind::Logout
            if matches!(scheme, "javascript" | "data" | "vbscript" | "file") =>
        {
            return Err((r.scheme_not_redirect)(scheme));
        }
        UrlKind::Callback | UrlKind::Logout if scheme == "http" && !is_loopback(&url) => {
            return Err(r.https_only_localhost.into());
        }
        _ => {}
    }
    if web && url.host_str().is_none_or(str::is_empty) {
        return Err(r.no_host.into());
    }
    if !web && url.cannot_be_a_base() && !candidate.contains(':') {
        return Err(r.url_invalid.into());
    }
    if url.fragment().is_some()
        && matches!(
            kind,
            UrlKind::Callback | UrlKind::Logout | UrlKind::InitiateLogin
        )
    {
        return Err(r.redirect_fragment.into());
    }
    if kind == UrlKind::Origin
        && (url.path() != "/" || url.query().is_some() || url.fragment().is_some())
    {
        return Err(r.origin_only.into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(r.url_userinfo.into());
    }
    Ok(())
}

/// Whether a logo URL may be shown as an image: only https, never other schemes.
pub fn is_displayable_logo(raw: &str) -> bool {
    Url::parse(&ascii_host(raw.trim()))
        .is_ok_and(|u| u.scheme() == "https" && u.host_str().is_some())
}

/// Checks one entry of the deployment's logo hosts (config.json
/// `logoHosts`): a host name, with a port when it is not 443, such as
/// `cdn.example.com` or `cdn.example.com:8443`. No scheme, path, user or
/// wildcard: each entry is also written into the CSP's `img-src` as
/// `https://<entry>`, where anything else would widen or break the policy.
pub fn check_logo_host(t: &Catalog, entry: &str) -> Result<(), String> {
    let e = entry.trim();
    let refuse = || Err((t.rules.logo_host_bad)(e));
    if e.is_empty()
        || !e
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
    {
        return refuse();
    }
    let Ok(url) = Url::parse(&format!("https://{e}/")) else {
        return refuse();
    };
    // What the URL parser reads back must be the entry itself: nothing
    // normalised away (a trailing dot, `:443`, upper case is fine).
    let Some(host) = url.host_str() else {
        return refuse();
    };
    let back = match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    };
    if back != e.to_ascii_lowercase() {
        return refuse();
    }
    Ok(())
}

/// Whether a logo may load by itself: it is displayable (https) and its
/// host, and port when not 443, is one of `hosts` (the deployment's
/// `logoHosts`, any case). Any other logo would tell its host who looked at
/// the client and when, so it is loaded only when the user asks.
pub fn is_allowed_logo(raw: &str, hosts: &[String]) -> bool {
    if !is_displayable_logo(raw) {
        return false;
    }
    let Some(at) = logo_host(raw) else {
        return false;
    };
    hosts.iter().any(|h| h.trim().eq_ignore_ascii_case(&at))
}

/// The host of a logo URL as [`check_logo_host`] writes hosts: the host
/// name, and the port when it is not the scheme's default.
pub fn logo_host(raw: &str) -> Option<String> {
    let url = Url::parse(&ascii_host(raw.trim())).ok()?;
    let host = url.host_str()?;
    Some(match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use UrlKind::*;

    #[test]
    fn accepts() {
        for (u, k) in [
            ("https://app.example.com/callback", Callback),
            ("https://*.example.com/callback", Callback),
            ("myapp://callback", Callback),
            ("com.example.app:/oauth2redirect", Callback),
            ("http://localhost:3000/cb", Callback),
            ("http://127.0.0.1:53682/callback", Callback),
            ("http://[::1]:8080/cb", Logout),
            ("http://app.localhost/cb", Logout),
            ("https://example.com", Origin),
            ("https://*.example.com", Origin),
            ("https://example.com:8443/", Origin),
            ("https://login.example.com/start", InitiateLogin),
            ("https://example.com/logo.png", Logo),
            ("https://*.example.com/bye", Logout),
            // Unicode and punycode host names (IDN).
            ("https://bücher.example/callback", Callback),
            ("https://xn--bcher-kva.example/callback", Callback),
            ("https://*.bücher.example/cb", Callback),
            ("https://münchen.example:8443", Origin),
            ("https://shop.example.com/für/sie?q=ä", Callback),
            ("https://bücher\u{3002}example/cb", Callback),
        ] {
            assert_eq!(check_url(&EN, u, k), Ok(()), "{u}");
        }
    }

    #[test]
    fn rejects() {
        for (u, k) in [
            ("", Callback),
            ("not a url", Callback),
            ("example.com/cb", Callback),
            ("https://app.*.example.com", Callback),
            ("https://*example.com", Callback),
            ("https://*.com", Callback),
            ("https://*.*.example.com", Callback),
            ("https://example.com/*", Callback),
            ("https://example.com/cb#x", Callback),
            ("http://login.example.com", InitiateLogin),
            ("https://*.example.com", InitiateLogin),
            ("https://example.com/path", Origin),
            ("ftp://example.com", Origin),
            ("https://*.example.com/logo.png", Logo),
            ("https://user:pw@example.com", Callback),
            ("https://", Callback),
            ("https://a.%2A.example.com/cb", Callback),
            ("https://bü cher.example/cb", Callback),
            ("https://bücher.example/cb#frag", Callback),
            ("https://user:pw@bücher.example", Callback),
            ("https://münchen.example:8ä43", Origin),
            // Invisible characters, in the host or anywhere else.
            ("https://app.example.com\u{200b}/cb", Callback),
            ("https://\u{feff}app.example.com/cb", Callback),
            ("https://app.example.com/c\u{ad}b", Callback),
            ("https://app.example.com/\u{202e}bc", Callback),
            ("https://app.example.com/\u{7}", Callback),
            // Schemes that run code or read files, and plain http off this machine.
            ("javascript:alert(1)", Callback),
            ("JavaScript:alert(1)", Logout),
            ("data:text/html,<script>alert(1)</script>", Callback),
            ("vbscript:msgbox(1)", Logout),
            ("file:///etc/passwd", Callback),
            ("http://app.example.com/cb", Callback),
            ("http://app.example.com/bye", Logout),
            ("http://localhost.evil.example/cb", Callback),
            // The logo: https only.
            ("http://cdn.example.com/logo.png", Logo),
        ] {
            assert!(check_url(&EN, u, k).is_err(), "{u} should fail");
        }
    }

    #[test]
    fn an_invisible_character_is_named() {
        assert_eq!(
            check_url(&EN, "https://app.example.com\u{200b}/cb", UrlKind::Callback),
            Err("The URL contains an invisible character (U+200B); retype it.".into())
        );
    }

    #[test]
    fn logo_display() {
        assert!(is_displayable_logo("https://cdn.example.com/l.png"));
        assert!(is_displayable_logo("https://bücher.example/l.png"));
        assert!(!is_displayable_logo("http://cdn.example.com/l.png"));
        assert!(!is_displayable_logo("javascript:alert(1)"));
        assert!(!is_displayable_logo("data:image/png;base64,AAAA"));
    }

    #[test]
    fn logo_hosts() {
        for ok in [
            "cdn.example.com",
            "CDN.Example.com",
            "cdn.example.com:8443",
            "localhost",
            "127.0.0.1:8443",
            "[::1]:8443",
        ] {
            assert_eq!(check_logo_host(&EN, ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "https://cdn.example.com",
            "cdn.example.com/logos",
            "*.example.com",
            "user@cdn.example.com",
            "cdn.example.com:443",
            "cdn.example.com:99999",
            "cdn example.com",
            "cdn.example.com;script-src",
            "'self'",
            "bücher.example",
        ] {
            assert!(check_logo_host(&EN, bad).is_err(), "{bad}");
        }
        let hosts = vec![
            "cdn.example.com".to_string(),
            "img.example.org:8443".to_string(),
        ];
        assert!(is_allowed_logo("https://cdn.example.com/l.png", &hosts));
        assert!(is_allowed_logo("https://CDN.example.com:443/l.png", &hosts));
        assert!(is_allowed_logo(
            "https://img.example.org:8443/l.png",
            &hosts
        ));
        assert!(!is_allowed_logo("https://img.example.org/l.png", &hosts));
        assert!(!is_allowed_logo(
            "https://cdn.example.com.evil.example/l.png",
            &hosts
        ));
        assert!(!is_allowed_logo(
            "https://evil.example/cdn.example.com/l.png",
            &hosts
        ));
        assert!(!is_allowed_logo("http://cdn.example.com/l.png", &hosts));
        assert!(!is_allowed_logo("https://cdn.example.com/l.png", &[]));
        assert_eq!(
            logo_host("https://Img.Example.org:8443/x").as_deref(),
            Some("img.example.org:8443")
        );
        assert_eq!(
            logo_host("https://img.example.org:443/x").as_deref(),
            Some("img.example.org")
        );
        assert_eq!(logo_host("not a url"), None);
    }
}
