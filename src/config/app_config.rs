use nexus_domain::{BasePath, Catalog, ClaimNames};
use serde::Deserialize;

/// How the console gets credentials.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum AuthMode {
    /// The console's own sign-in page (paste a token, Basic, or a dev persona).
    #[default]
    Standalone,
    /// An embedding host supplies tokens through its `getToken` callback.
    Host,
}

/// Where an embedded console keeps its route (`routing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    /// `"browser"` (the default): in the page's address under `basePath`
    /// (links, back and forward, deep links).
    Browser,
    /// `"memory"`: the page's address is left alone, so several consoles
    /// can share one page; back and forward stay the page's.
    Memory,
}

/// Every runtime setting, with its `config.json` name in camelCase.
///
/// Settings read only through a method or by reference are boxed slices
/// (`Box<str>`, `Box<[String]>`: 16 bytes, not 24). An `AppConfig` travels
/// in `embed::ConfigSource` beside a `String`, and clippy's
/// `large_enum_variant` counts the difference.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AppConfig {
    /// Origin (and optional path prefix) of the Nexus API. "" = same origin.
    pub api_base_url: Box<str>,
    /// The tenant whose clients are managed.
    pub tenant_id: String,
    /// Overrides the base path read from `<base href>` (rarely needed).
    /// Checked by the domain's one base-path rule ([`BasePath::parse`]) and,
    /// once [`super::parse_config`] accepts it, normalised to start and end
    /// with `/`.
    pub base_path: Option<String>,
    pub auth_mode: AuthMode,
    /// Claim names to read from a JWT.
    pub claim_names: ClaimNames,
    /// Header carrying the application token next to the bearer token.
    pub application_token_header: String,
    /// A request that takes longer fails with a timeout problem.
    pub request_timeout_ms: u32,
    /// Offer the local stand-in's demo personas on the sign-in page when
    /// `GET {apiBaseUrl}/dev/personas` answers. Off unless config.json turns
    /// it on (the repository's config.json does, for the stand-in): a
    /// production config that leaves it out never probes for personas.
    pub dev_personas: bool,
    /// Hosts a client's logo may load from by itself (`cdn.example.com`,
    /// `cdn.example.com:8443`); the CSP's `img-src` lists the same hosts.
    /// Any other logo shows as its URL, with a button to load it once.
    pub logo_hosts: Box<[String]>,
    /// The console's language (`"de"`, `"en"`, `"de-AT"` …): below the
    /// host's `locale` option or element `lang`, above the page's language.
    pub locale: Option<Box<str>>,
    /// `"browser"` or `"memory"` (see [`Routing`], read by [`AppConfig::routing`]).
    /// A string, not an enum: serde's code for one more enum costs bytes.
    pub routing: Box<str>,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            api_base_url: Box::default(),
            tenant_id: String::new(),
            base_path: None,
            auth_mode: AuthMode::Standalone,
            claim_names: ClaimNames::default(),
            application_token_header: "ApplicationToken".into(),
            request_timeout_ms: 15_000,
            dev_personas: false,
            logo_hosts: Box::default(),
            locale: None,
            routing: Box::default(),
        }
    }
}

impl AppConfig {
    /// Problems that make the configuration unusable, for the error page.
    pub fn problems(&self, t: &Catalog) -> Vec<String> {
        let c = &t.config;
        let mut out = Vec::new();
        let base = self.api_base_url.trim();
        let acceptable = base.is_empty()
            || base.starts_with("https://")
            || base.starts_with("http://")
            || base.starts_with('/');
        if !acceptable {
            out.push((c.api_base)(base));
        }
        if self.tenant_id.trim().is_empty() {
            out.push(c.tenant_missing.into());
        }
        if self.application_token_header.trim().is_empty()
            || self.application_token_header.contains([' ', ':'])
        {
            out.push(c.app_token_header.into());
        }
        if self.request_timeout_ms < 1000 {
            out.push(c.timeout_min.into());
        }
        if let Some(Err(e)) = self.checked_base_path() {
            let shown = self
                .base_path
                .as_deref()
                .unwrap_or_default()
                .escape_default();
            out.push((c.base_path)(&shown.to_string(), &e.to_string()));
        }
        if !matches!(&*self.routing, "" | "browser" | "memory") {
            out.push((c.routing)(&self.routing.escape_default().to_string()));
        }
        for host in &self.logo_hosts {
            if let Err(why) = nexus_domain::url_rules::check_logo_host(t, host) {
                out.push((c.logo_hosts)(&why));
            }
        }
        out
    }

    /// `basePath` checked by the domain's rule, when it is set.
    pub fn checked_base_path(&self) -> Option<Result<BasePath, nexus_domain::BasePathError>> {
        self.base_path.as_deref().map(BasePath::parse)
    }

    /// Where the console keeps its route.
    pub fn routing(&self) -> Routing {
        match &*self.routing {
            "memory" => Routing::Memory,
            _ => Routing::Browser,
        }
    }

    /// The API base without a trailing slash.
    pub fn api_base(&self) -> String {
        self.api_base_url.trim().trim_end_matches('/').to_string()
    }
}
