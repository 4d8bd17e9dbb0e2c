//! Checking a configuration document: pure Rust (no browser types), so the
//! fuzz harness (`crates/nexus-fuzz`) compiles this very file on the host.

use super::AppConfig;

/// Why the configuration could not be used; shown on the error page.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub title: String,
    pub details: Vec<String>,
}

/// Parses and checks a configuration document.
pub fn parse_config(text: &str) -> Result<AppConfig, ConfigError> {
    let config: AppConfig = serde_json::from_str(text).map_err(|e| ConfigError {
        title: "The configuration is invalid".into(),
        details: vec![format!("config.json is not valid: {e}.")],
    })?;
    let problems = config.problems();
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(ConfigError {
            title: "The configuration is invalid".into(),
            details: problems,
        })
    }
}
