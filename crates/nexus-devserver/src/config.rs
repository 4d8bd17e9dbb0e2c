//! Command-line configuration of the stand-in (parsed by hand, no clap).

use nexus_domain::BasePath;
use std::path::PathBuf;

/// The fixed development secret the dev tokens are signed with.
pub const DEFAULT_TOKEN_SECRET: &str =
    "nexus-devserver-insecure-dev-secret-do-not-use-in-production";

/// The one tenant the stand-in knows.
pub const TENANT_ID: &str = "demo-tenant";

/// How the list response is shaped (the console must read all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListShape {
    /// A bare JSON array.
    #[default]
    Bare,
    /// `{"items": [...], "total": N}`.
    Items,
    /// `{"clients": [...], "total": N}`.
    Clients,
    /// `{"data": [...], "total": N}`.
    Data,
}

impl ListShape {
    /// Parses `bare|items|clients|data`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "bare" | "array" => Some(Self::Bare),
            "items" => Some(Self::Items),
            "clients" => Some(Self::Clients),
            "data" => Some(Self::Data),
            _ => None,
        }
    }

    /// The wrapping key, or `None` for the bare array.
    pub fn key(self) -> Option<&'static str> {
        match self {
            Self::Bare => None,
            Self::Items => Some("items"),
            Self::Clients => Some("clients"),
            Self::Data => Some("data"),
        }
    }
}

/// Where the clients are stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// An in-memory SQLite database (gone when the process ends).
    Memory,
    /// A SQLite database file.
    File(PathBuf),
}

/// Everything the flags can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Interface to bind (`--host`).
    pub host: String,
    /// Port to bind; 0 = any free port (`--port`).
    pub port: u16,
    /// `--memory` or `--db PATH`.
    pub storage: Storage,
    /// Wipe the database file before opening it (`--reset`).
    pub reset: bool,
    /// Seed this many generated clients instead of the demo set (`--clients`).
    pub seed_clients: Option<usize>,
    /// Serve a built console from this directory (`--static`).
    pub static_dir: Option<PathBuf>,
    /// Prefix the static console is served under (`--base-path`), checked
    /// by the domain's one base-path rule; starts and ends with `/`.
    pub base_path: BasePath,
    /// Extra latency added to every API response (`--latency-ms`).
    pub latency_ms: u64,
    /// Shape of the list response (`--list-shape`).
    pub list_shape: ListShape,
    /// Page the list even when the request asks for no page (`--page-size`),
    /// like a server that never sends everything at once.
    pub page_size: Option<usize>,
    /// Serialise `clientAuthMethod` as 0/1/2 (`--auth-method-as-int`).
    pub auth_method_as_int: bool,
    /// Extra origins for the CSP `connect-src` (`--csp-connect-src`).
    pub csp_connect_src: Option<String>,
    /// Who may frame the console: CSP `frame-ancestors` (`--csp-frame-ancestors`;
    /// default `'none'`).
    pub csp_frame_ancestors: Option<String>,
    /// Hosts a client's logo may load from by itself (`--logo-hosts`):
    /// served as config.json's `logoHosts` and listed in the CSP's
    /// `img-src`, so the two always agree. Unset: the `logoHosts` of the
    /// served config.json (read at start-up) feed the CSP.
    pub logo_hosts: Option<Vec<String>>,
    /// Extra sources for the CSP's `img-src` (`--csp-img-src`), e.g.
    /// `https:` so that "Load logo" can load a logo from any host.
    pub csp_img_src: Option<String>,
    /// HS256 secret for the dev tokens (`--token-secret`).
    pub token_secret: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            host: "127.0.0.1".into(),
            port: 8081,
            storage: Storage::File(PathBuf::from("nexus-devserver.db")),
            reset: false,
            seed_clients: None,
            static_dir: None,
            base_path: BasePath::root(),
            latency_ms: 0,
            list_shape: ListShape::Bare,
            page_size: None,
            auth_method_as_int: false,
            csp_connect_src: None,
            csp_frame_ancestors: None,
            logo_hosts: None,
            csp_img_src: None,
            token_secret: DEFAULT_TOKEN_SECRET.into(),
        }
    }
}

impl Config {
    /// A configuration for tests: in-memory storage, everything else default.
    pub fn in_memory() -> Self {
        Config {
            storage: Storage::Memory,
            ..Config::default()
        }
    }
}

/// The outcome of parsing the command line.
// Made once at start-up: boxing the config would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Run(Config),
    /// Print the usage and exit.
    Help,
}

/// The `--help` text.
pub const USAGE: &str = "\
nexus-devserver: local stand-in for the Nexus clients API

USAGE: nexus-devserver [FLAGS]

  --port N                 port to listen on (default 8081; 0 = any free port)
  --host H                 interface to bind (default 127.0.0.1; any other than a
                           loopback address is warned about: no real security)
  --memory                 keep the data in memory only
  --db PATH                SQLite file (default nexus-devserver.db in the cwd)
  --reset                  wipe the database file first
  --clients N              seed N generated clients instead of the demo set
                           (when the database is new or empty)
  --static DIR             serve a built console from DIR
  --base-path /sub/path/   serve the static console under this prefix (default /)
  --latency-ms N           add N ms to every API response
  --page-size N            always page the list (N per page, wrapped with total)
  --list-shape SHAPE       bare | items | clients | data (default bare)
  --auth-method-as-int     serialise clientAuthMethod as 0/1/2
  --csp-connect-src ORIGINS extra origins for the CSP connect-src
  --csp-frame-ancestors SOURCES  who may frame the console (default 'none')
  --logo-hosts HOSTS       hosts logos load from by themselves (cdn.example.com ...):
                           served as config.json's logoHosts and put in the CSP's
                           img-src (default: the served config.json's logoHosts)
  --csp-img-src SOURCES    extra img-src sources, e.g. https: to let 'Load logo'
                           load a logo from any host
  --token-secret SECRET    HS256 secret for the dev tokens
  --help                   show this text

Dev routes: GET /dev/personas, POST /dev/revoke-tokens, POST|DELETE /dev/faults,
GET /dev/health; only for Host localhost, 127.0.0.1 or [::1], POSTs only as
application/json; at most 100 queued faults, latency at most 60000 ms.
Per-request faults: header X-Nexus-Fault: status=503;body=html;latency=2000
(also retry-after=30); queued faults take retryAfter too.
";

/// Checks a `--base-path` with the domain's rule ([`BasePath::parse`]);
/// the error names the flag, the value and what is wrong with it.
pub fn base_path_flag(raw: &str) -> Result<BasePath, String> {
    BasePath::parse(raw).map_err(|e| format!("--base-path '{}': {e}", raw.escape_default()))
}

fn number<T: std::str::FromStr>(flag: &str, value: Option<String>) -> Result<T, String> {
    let v = value.ok_or_else(|| format!("{flag} needs a value"))?;
    v.trim()
        .parse()
        .map_err(|_| format!("{flag}: '{v}' is not a valid number"))
}

/// Parses the arguments (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut cfg = Config::default();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| it.next());
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--port" => cfg.port = number("--port", value())?,
            "--host" => cfg.host = value().ok_or("--host needs a value")?,
            "--memory" => cfg.storage = Storage::Memory,
            "--db" => {
                cfg.storage = Storage::File(PathBuf::from(value().ok_or("--db needs a path")?))
            }
            "--reset" => cfg.reset = true,
            "--clients" => cfg.seed_clients = Some(number("--clients", value())?),
            "--static" => {
                cfg.static_dir = Some(PathBuf::from(value().ok_or("--static needs a directory")?))
            }
            "--base-path" => {
                cfg.base_path = base_path_flag(&value().ok_or("--base-path needs a value")?)?
            }
            "--latency-ms" => cfg.latency_ms = number("--latency-ms", value())?,
            "--page-size" => {
                cfg.page_size = Some(number("--page-size", value())?).filter(|n| *n > 0)
            }
            "--list-shape" => {
                let v = value().ok_or("--list-shape needs a value")?;
                cfg.list_shape = ListShape::parse(&v).ok_or_else(|| {
                    format!("--list-shape: '{v}' is not bare, items, clients or data")
                })?;
            }
            "--auth-method-as-int" => cfg.auth_method_as_int = true,
            "--csp-connect-src" => {
                let v = value().ok_or("--csp-connect-src needs a value")?;
                crate::static_files::check_csp_sources("--csp-connect-src", &v)?;
                cfg.csp_connect_src = Some(v)
            }
            "--csp-frame-ancestors" => {
                let v = value().ok_or("--csp-frame-ancestors needs a value")?;
                crate::static_files::check_csp_sources("--csp-frame-ancestors", &v)?;
                cfg.csp_frame_ancestors = Some(v)
            }
            "--logo-hosts" => {
                let v = value().ok_or("--logo-hosts needs a value")?;
                let hosts: Vec<String> = v
                    .split([' ', ','])
                    .filter(|h| !h.is_empty())
                    .map(str::to_string)
                    .collect();
                for h in &hosts {
                    nexus_domain::url_rules::check_logo_host(&nexus_domain::i18n::EN, h)
                        .map_err(|why| format!("--logo-hosts: {why}"))?;
                }
                cfg.logo_hosts = Some(hosts);
            }
            "--csp-img-src" => {
                let v = value().ok_or("--csp-img-src needs a value")?;
                crate::static_files::check_img_sources("--csp-img-src", &v)?;
                cfg.csp_img_src = Some(v)
            }
            "--token-secret" => cfg.token_secret = value().ok_or("--token-secret needs a value")?,
            other => return Err(format!("unknown flag: {other}")),
        }
    }
    Ok(Command::Run(cfg))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    /// One flag and its value, which may hold spaces.
    fn flag(name: &str, value: &str) -> Vec<String> {
        vec![name.to_string(), value.to_string()]
    }

    /// The configuration `a` starts a server with.
    fn run(a: Vec<String>) -> Config {
        match parse_args(a) {
            Ok(Command::Run(c)) => c,
            other => panic!("not a run: {other:?}"),
        }
    }

    #[test]
    fn parses_flags() {
        let c = run(args(
            "--port 0 --memory --clients 10 --base-path app --list-shape=items --latency-ms 5 --auth-method-as-int",
        ));
        assert_eq!(c.port, 0);
        assert_eq!(c.storage, Storage::Memory);
        assert_eq!(c.seed_clients, Some(10));
        assert_eq!(c.base_path.as_str(), "/app/");
        assert_eq!(c.list_shape, ListShape::Items);
        assert_eq!(c.latency_ms, 5);
        assert!(c.auth_method_as_int);
        assert_eq!(parse_args(args("--help")), Ok(Command::Help));
        assert!(parse_args(args("--nope")).is_err());
        assert!(parse_args(args("--port x")).is_err());
    }

    #[test]
    fn a_base_path_outside_the_allow_list_fails_at_start_up() {
        for (bad, named) in [
            ("#", "'#'"),
            ("&", "'&'"),
            ("\\", "'\\'"),
            ("/a?b", "'?'"),
            ("/a%20b", "'%'"),
            ("/a b", "a space"),
            ("//host", "'//'"),
            ("/a/../b", "'..'"),
        ] {
            let Err(e) = parse_args(flag("--base-path", bad)) else {
                panic!("{bad:?} accepted")
            };
            assert!(e.starts_with("--base-path"), "{e}");
            assert!(e.contains(named), "{bad:?}: {e}");
        }
        let c = run(args("--base-path=admin/clients"));
        assert_eq!(c.base_path.as_str(), "/admin/clients/");
    }

    #[test]
    fn logo_hosts_and_img_sources() {
        let c = run(args(
            "--logo-hosts cdn.example.com,img.example.org:8443 --csp-img-src https:",
        ));
        assert_eq!(
            c.logo_hosts,
            Some(vec![
                "cdn.example.com".to_string(),
                "img.example.org:8443".to_string()
            ])
        );
        assert_eq!(c.csp_img_src.as_deref(), Some("https:"));
        for bad in [
            "https://cdn.example.com",
            "*.example.com",
            "cdn.example.com;script-src",
        ] {
            assert!(parse_args(flag("--logo-hosts", bad)).is_err(), "{bad}");
        }
        for bad in ["data:", "*", "'unsafe-inline'", "https:;script-src"] {
            assert!(parse_args(flag("--csp-img-src", bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_invalid_csp_source_fails_at_start_up() {
        for bad in [
            "https://api.example.com;script-src",
            "https://api.example.com,https://b.example",
            "'unsafe-inline'",
            "*",
            "api.example.com",
            "https://api.example.com/path",
            "javascript://x",
        ] {
            assert!(parse_args(flag("--csp-connect-src", bad)).is_err(), "{bad}");
            assert!(
                parse_args(flag("--csp-frame-ancestors", bad)).is_err(),
                "{bad}"
            );
        }
        let c = run([
            flag(
                "--csp-connect-src",
                "http://127.0.0.1:8081 https://api.example.com",
            ),
            flag("--csp-frame-ancestors", "'self' https://portal.example.com"),
        ]
        .concat());
        assert_eq!(
            c.csp_frame_ancestors.as_deref(),
            Some("'self' https://portal.example.com")
        );
    }
}
