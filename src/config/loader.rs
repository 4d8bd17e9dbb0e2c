use super::{parse_config, AppConfig, ConfigError};
use crate::deadline::within_aborting;
use nexus_domain::Catalog;

/// How long config.json may take (it is small; a CDN that hangs should not
/// leave the console on its loading screen).
const CONFIG_TIMEOUT_MS: u32 = 15_000;

/// Fetches and checks `config.json` (resolved against the document base, so
/// it sits beside index.html at any base path).
pub async fn load_config(t: &Catalog, url: &str) -> Result<AppConfig, ConfigError> {
    let c = &t.config;
    let fail = |detail: String| ConfigError {
        title: c.load_failed.into(),
        details: vec![detail],
    };
    // The boot script may have fetched it already, while the wasm loaded.
    if let Some(answer) = crate::deadline::within(CONFIG_TIMEOUT_MS, crate::boot::take_config(url))
        .await
        .flatten()
    {
        if !(200..300).contains(&answer.status) {
            return Err(fail((c.answered)(&answer.status.to_string())));
        }
        return parse_config(t, &answer.body);
    }
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let accept = [("Accept".to_string(), "application/json".to_string())];
    let request =
        crate::fetch::request("GET", url, &accept, None, signal.as_ref()).map_err(fail)?;
    // One deadline for the answer and its body: a CDN may stall either.
    let fetch = async {
        let resp = crate::fetch::send(&request)
            .await
            .map_err(|e| fail((c.unreachable)(url, &e)))?;
        if !resp.ok() {
            let status = format!("{} {}", resp.status(), resp.status_text());
            return Err(fail((c.answered)(&status)));
        }
        crate::fetch::text(&resp)
            .await
            .map_err(|e| fail((c.unreadable)(&e)))
    };
    let Some(fetched) = within_aborting(CONFIG_TIMEOUT_MS, controller.as_ref(), fetch).await else {
        return Err(fail((c.no_answer)(url, CONFIG_TIMEOUT_MS / 1000)));
    };
    let text = fetched?;
    let config = parse_config(t, &text)?;
    Ok(config)
}
