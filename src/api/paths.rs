//! The request URLs of the Nexus clients API, spelled in one place. Pure, so
//! the encoding of tenant and client ids is tested on the host.

use super::ApiError;
use nexus_domain::percent::encode_component;

/// Whether `id` may name one client in a request path: not empty (nor only
/// spaces), and not a dot segment, which URL normalisation would remove.
fn is_usable_id(id: &str) -> bool {
    !id.trim().is_empty() && id != "." && id != ".."
}

/// The tenant's client collection under the API `base`.
pub(super) fn clients_url(base: &str, tenant: &str) -> String {
    format!("{base}/v1/tenants/{}/clients", encode_component(tenant))
}

/// The URL of one client. An id that is empty or a dot segment (`.`, `..`)
/// would name the collection or its parent once the URL is normalised, so it
/// never becomes a request path.
pub(super) fn client_url(base: &str, tenant: &str, id: &str) -> Result<String, ApiError> {
    if !is_usable_id(id) {
        return Err(ApiError::NotSent(format!(
            "\u{201c}{id}\u{201d} is not a client id the console can send: an id must not be empty, \u{201c}.\u{201d} or \u{201c}..\u{201d}."
        )));
    }
    Ok(format!(
        "{}/{}",
        clients_url(base, tenant),
        encode_component(id)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://nexus.example/api";

    #[test]
    fn tenant_and_client_ids_are_one_segment_each() {
        assert_eq!(
            clients_url(BASE, "acme"),
            "https://nexus.example/api/v1/tenants/acme/clients"
        );
        assert_eq!(
            clients_url(BASE, "a/b?c"),
            "https://nexus.example/api/v1/tenants/a%2Fb%3Fc/clients"
        );
        assert_eq!(
            client_url(BASE, "acme", "x/../y#z%"),
            Ok("https://nexus.example/api/v1/tenants/acme/clients/x%2F..%2Fy%23z%25".into())
        );
        // A dot inside an id is kept: only a whole dot segment is refused.
        assert_eq!(
            client_url(BASE, "acme", "..a"),
            Ok("https://nexus.example/api/v1/tenants/acme/clients/..a".into())
        );
    }

    #[test]
    fn an_id_that_would_not_name_one_client_is_never_sent() {
        for id in ["", "   ", ".", ".."] {
            assert!(
                matches!(client_url(BASE, "acme", id), Err(ApiError::NotSent(_))),
                "{id:?}"
            );
        }
    }
}
