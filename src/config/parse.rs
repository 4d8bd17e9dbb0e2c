//! Checking a configuration document: pure Rust (no browser types), so the
//! fuzz harness (`crates/nexus-fuzz`) compiles this very file on the host.

use super::AppConfig;
use nexus_domain::Catalog;

/// Why the configuration could not be used; shown on the error page.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub title: String,
    pub details: Vec<String>,
}

/// Parses and checks a configuration document.
pub fn parse_config(t: &Catalog, text: &str) -> Result<AppConfig, ConfigError> {
    let config: AppConfig = serde_json::from_str(text).map_err(|e| ConfigError {
        title: t.config.invalid.into(),
        details: vec![(t.config.not_valid)(&e.to_string())],
    })?;
    let problems = config.problems(t);
    if problems.is_empty() {
        Ok(normalised(config))
    } else {
        Err(ConfigError {
            title: t.config.invalid.into(),
            details: problems,
        })
    }
}

/// A configuration without problems with `basePath` in its one spelling:
/// `/`, or `/sub/path/` (so `admin` routes under `/admin`, as `/admin/` does).
fn normalised(mut config: AppConfig) -> AppConfig {
    if let Some(Ok(base)) = config.checked_base_path() {
        config.base_path = Some(base.to_string());
    }
    config
}

/// Host tests: `cargo test -p nexus-fuzz` runs them (the harness compiles
/// this file), without building Leptos.
#[cfg(test)]
mod tests {
    use super::*;

    fn with_base_path(base: &str) -> String {
        serde_json::json!({ "tenantId": "demo-tenant", "basePath": base }).to_string()
    }

    #[test]
    fn a_base_path_outside_the_allow_list_is_a_configuration_error() {
        for (bad, named) in [
            ("#", "'#'"),
            ("&", "'&'"),
            ("\\", "'\\'"),
            ("/a?b", "'?'"),
            ("/a%2F", "'%'"),
            ("/a b", "a space"),
            ("//host", "'//'"),
            ("/a/../b", "'..'"),
            ("/./a", "'.'"),
        ] {
            let Err(e) = parse_config(&nexus_domain::i18n::EN, &with_base_path(bad)) else {
                panic!("{bad:?} accepted")
            };
            assert_eq!(e.title, "The configuration is invalid");
            let detail = e.details.join(" ");
            assert!(detail.contains("basePath"), "{bad:?}: {detail}");
            assert!(detail.contains(named), "{bad:?}: {detail}");
        }
    }

    #[test]
    fn a_valid_base_path_is_normalised() {
        for (raw, want) in [
            ("/admin/clients", "/admin/clients/"),
            ("admin", "/admin/"),
            ("/admin/clients/", "/admin/clients/"),
            ("", "/"),
            ("/", "/"),
        ] {
            let c = parse_config(&nexus_domain::i18n::EN, &with_base_path(raw))
                .unwrap_or_else(|e| panic!("{raw:?}: {e:?}"));
            assert_eq!(c.base_path.as_deref(), Some(want), "{raw:?}");
        }
        let c = parse_config(&nexus_domain::i18n::EN, r#"{"tenantId":"t"}"#)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.base_path, None);
    }

    #[test]
    fn routing_is_the_browser_s_address_unless_memory_is_asked_for() {
        use super::super::app_config::Routing;
        let routing = |json: &str| parse_config(&nexus_domain::i18n::EN, json).map(|c| c.routing());
        assert_eq!(routing(r#"{"tenantId":"t"}"#), Ok(Routing::Browser));
        assert_eq!(
            routing(r#"{"tenantId":"t","routing":"browser"}"#),
            Ok(Routing::Browser)
        );
        assert_eq!(
            routing(r#"{"tenantId":"t","routing":"memory"}"#),
            Ok(Routing::Memory)
        );
        let Err(e) = routing(r#"{"tenantId":"t","routing":"hash"}"#) else {
            panic!("routing \"hash\" accepted")
        };
        assert!(e.details.join(" ").contains("routing"), "{e:?}");
    }
}
