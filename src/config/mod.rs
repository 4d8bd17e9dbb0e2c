//! Runtime configuration: `config.json` beside index.html, or options from
//! an embedding host. One build serves every environment.

mod app_config;
mod loader;
mod parse;

pub use app_config::{AppConfig, AuthMode, Routing};
pub use loader::load_config;
pub use parse::{parse_config, ConfigError};
