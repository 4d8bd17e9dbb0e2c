//! The checks on credentials a person pastes or types at the sign-in form,
//! before they are used. Pure (the clock is a parameter), so they are unit
//! tested on the host; the form only calls them and shows their message.

use super::Credentials;
use nexus_domain::{caller_from_jwt, Caller, Catalog, ClaimNames};

/// Why entered credentials cannot be used, in words shown at the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialsProblem {
    /// The token field is empty (or only spaces).
    NoToken,
    /// Characters a copy from a document or chat tends to bring along
    /// (zero-width spaces, typographic quotes): HTTP cannot carry them.
    HiddenCharacters,
    /// Spaces or line breaks inside the token, usually a pasted
    /// "Bearer …" prefix or a token broken over lines.
    Whitespace,
    /// A JWT whose `exp` has passed: the server would answer 401.
    Expired,
    /// No user name, or one with a colon (RFC 7617: the colon separates
    /// the user name from the password).
    BadUserName,
}

impl CredentialsProblem {
    /// The message for the form.
    pub fn message(self, t: &Catalog) -> &'static str {
        let s = &t.sign_in;
        match self {
            CredentialsProblem::NoToken => s.no_token,
            CredentialsProblem::HiddenCharacters => s.hidden_chars,
            CredentialsProblem::Whitespace => s.whitespace,
            CredentialsProblem::Expired => s.expired,
            CredentialsProblem::BadUserName => s.bad_user,
        }
    }
}

impl std::fmt::Display for CredentialsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(&nexus_domain::i18n::EN))
    }
}

/// Bearer credentials from the form's token and optional application
/// token (both trimmed; an empty application token is none). A JWT is read
/// with `names` only to refuse one that expired before `now` (seconds since
/// the epoch); an opaque token is the server's to judge.
pub fn check_bearer(
    token: &str,
    app_token: &str,
    names: &ClaimNames,
    now: i64,
) -> Result<Credentials, CredentialsProblem> {
    let token = token.trim();
    if token.is_empty() {
        return Err(CredentialsProblem::NoToken);
    }
    if !token
        .chars()
        .all(|c| c.is_ascii_graphic() || c.is_whitespace())
    {
        return Err(CredentialsProblem::HiddenCharacters);
    }
    if token.contains(char::is_whitespace) {
        return Err(CredentialsProblem::Whitespace);
    }
    if let Caller::Known(claims) = caller_from_jwt(token, names) {
        if claims.expires_at.is_some_and(|exp| exp < now) {
            return Err(CredentialsProblem::Expired);
        }
    }
    let app_token = app_token.trim();
    Ok(Credentials::Bearer {
        token: token.to_string(),
        app_token: (!app_token.is_empty()).then(|| app_token.to_string()),
    })
}

/// Basic credentials from the form: the user name trimmed, the password
/// exactly as typed (spaces may be part of it).
pub fn check_basic(username: &str, password: &str) -> Result<Credentials, CredentialsProblem> {
    let username = username.trim();
    if username.is_empty() || username.contains(':') {
        return Err(CredentialsProblem::BadUserName);
    }
    Ok(Credentials::Basic {
        username: username.to_string(),
        password: password.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    const NOW: i64 = 1_700_000_000;

    /// An unsigned JWT with `payload` (the checks never verify signatures).
    fn jwt(payload: &str) -> String {
        format!(
            "{}.{}.sig",
            URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    fn bearer(token: &str) -> Result<Credentials, CredentialsProblem> {
        check_bearer(token, "", &ClaimNames::default(), NOW)
    }

    #[test]
    fn a_bearer_token_is_trimmed_and_an_empty_app_token_is_none() {
        assert_eq!(
            check_bearer("  abc.def \n", "  ", &ClaimNames::default(), NOW),
            Ok(Credentials::Bearer {
                token: "abc.def".into(),
                app_token: None
            })
        );
        assert_eq!(
            check_bearer("abc", " app-1 ", &ClaimNames::default(), NOW),
            Ok(Credentials::Bearer {
                token: "abc".into(),
                app_token: Some("app-1".into())
            })
        );
    }

    #[test]
    fn a_bearer_token_is_refused_with_the_reason() {
        assert_eq!(bearer(""), Err(CredentialsProblem::NoToken));
        assert_eq!(bearer(" \n\t"), Err(CredentialsProblem::NoToken));
        assert_eq!(
            bearer("abc\u{200b}def"),
            Err(CredentialsProblem::HiddenCharacters)
        );
        assert_eq!(
            bearer("t\u{f6}ken"),
            Err(CredentialsProblem::HiddenCharacters)
        );
        assert_eq!(bearer("Bearer abc"), Err(CredentialsProblem::Whitespace));
        assert_eq!(bearer("abc\ndef"), Err(CredentialsProblem::Whitespace));
    }

    #[test]
    fn an_expired_jwt_is_refused_and_a_live_or_opaque_one_is_not() {
        let expired = jwt(&format!(
            r#"{{"sub":"u","permissions":["client.read"],"exp":{}}}"#,
            NOW - 1
        ));
        assert_eq!(bearer(&expired), Err(CredentialsProblem::Expired));
        let live = jwt(&format!(
            r#"{{"sub":"u","permissions":["client.read"],"exp":{NOW}}}"#
        ));
        assert!(bearer(&live).is_ok());
        let no_exp = jwt(r#"{"sub":"u","permissions":["client.read"]}"#);
        assert!(bearer(&no_exp).is_ok());
        assert!(bearer("opaque-token-123").is_ok());
    }

    #[test]
    fn expiry_is_read_with_the_configured_claim_names() {
        // A token without the configured permission claim says nothing the
        // console reads, so its `exp` is the server's to enforce.
        let names = ClaimNames {
            permissions: vec!["rights".into()],
            ..ClaimNames::default()
        };
        let other = jwt(&format!(r#"{{"permissions":["x"],"exp":{}}}"#, NOW - 1));
        assert!(check_bearer(&other, "", &names, NOW).is_ok());
        let ours = jwt(&format!(r#"{{"rights":["x"],"exp":{}}}"#, NOW - 1));
        assert_eq!(
            check_bearer(&ours, "", &names, NOW),
            Err(CredentialsProblem::Expired)
        );
    }

    #[test]
    fn basic_credentials_need_a_user_name_without_a_colon() {
        assert_eq!(
            check_basic(" demo-admin ", " pass word "),
            Ok(Credentials::Basic {
                username: "demo-admin".into(),
                password: " pass word ".into()
            })
        );
        assert_eq!(check_basic("", "x"), Err(CredentialsProblem::BadUserName));
        assert_eq!(
            check_basic("   ", "x"),
            Err(CredentialsProblem::BadUserName)
        );
        assert_eq!(
            check_basic("a:b", "x"),
            Err(CredentialsProblem::BadUserName)
        );
    }

    #[test]
    fn every_problem_has_its_message() {
        assert_eq!(
            CredentialsProblem::NoToken.to_string(),
            "Paste a bearer token."
        );
        assert!(CredentialsProblem::Whitespace
            .message(&nexus_domain::i18n::EN)
            .contains("without \u{201c}Bearer\u{201d}"));
        assert_eq!(
            CredentialsProblem::BadUserName.message(&nexus_domain::i18n::EN),
            "Enter a user name (without a colon)."
        );
    }
}
