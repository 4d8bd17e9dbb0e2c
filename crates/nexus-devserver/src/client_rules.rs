//! The stand-in's write rules: how a create body becomes a client and how a
//! PATCH body changes one. Plain functions on the domain's types, without
//! HTTP, so the handlers in `routes::clients` only parse, check and store.

use nexus_domain::create::default_grant_types;
use nexus_domain::{
    ClientAuthMethod, ClientType, CreateClientRequest, Mobile, NexusClient, UpdateClientRequest,
};

/// How a new client of this type authenticates, as Auth0 sets it: a
/// single-page or native app is public (no secret), the others post theirs.
pub fn default_auth_method(kind: &ClientType) -> ClientAuthMethod {
    match kind {
        ClientType::Spa | ClientType::Native => ClientAuthMethod::None,
        _ => ClientAuthMethod::ClientSecretPost,
    }
}

/// The client a valid create body describes (validate it first: this
/// trusts it), with the new `id` and `secret`.
///
/// Trimmed name; the type in its wire spelling; owners from the
/// comma-separated `client_metadata.owners`; empty strings left unset; the
/// type's default grant types and authentication method unless the body
/// names grant types; manually created unless the body says otherwise; the
/// token settings a new client has.
pub fn client_from_create(req: &CreateClientRequest, id: String, secret: String) -> NexusClient {
    let kind = ClientType::parse(&req.app_type);
    let meta = req.client_metadata.clone().unwrap_or_default();
    let owners = meta
        .owners
        .as_deref()
        .map(|o| {
            o.split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let auth = default_auth_method(&kind);
    let mobile = req.mobile.clone().filter(|m| !m.is_empty());
    NexusClient {
        id: Some(id),
        name: Some(req.name.trim().to_string()),
        client_type: Some(kind.as_str().to_string()),
        mobile,
        owners: Some(owners),
        secret: Some(secret),
        logo_url: req.logo_uri.clone().filter(|u| !u.trim().is_empty()),
        grant_types: Some(
            req.grant_types
                .clone()
                .unwrap_or_else(|| default_grant_types(&kind)),
        ),
        product_name: meta.product_name.filter(|p| !p.is_empty()),
        callback_urls: Some(req.callbacks.clone().unwrap_or_default()),
        client_upn_key: meta.client_upn_key.filter(|p| !p.is_empty()),
        application_name: meta.application_name.filter(|p| !p.is_empty()),
        manually_created: Some(meta.manually_created.unwrap_or(true)),
        client_auth_method: Some(auth),
        allowed_logout_urls: Some(req.allowed_logout_urls.clone().unwrap_or_default()),
        allowed_web_origins: Some(req.web_origins.clone().unwrap_or_default()),
        allowed_cors_origins: Some(req.allowed_origins.clone().unwrap_or_default()),
        ..crate::demo_data::token_defaults()
    }
}

/// A PATCH string: absent or null leaves it, `""` clears it, anything else
/// replaces it.
fn set_string(target: &mut Option<String>, value: &Option<String>) {
    if let Some(v) = value {
        *target = (!v.is_empty()).then(|| v.clone());
    }
}

/// A PATCH list: absent or null leaves it, anything else (`[]` too)
/// replaces it.
fn set_list(target: &mut Option<Vec<String>>, value: &Option<Vec<String>>) {
    if let Some(v) = value {
        *target = Some(v.clone());
    }
}

/// Merges a PATCH `mobile` into the client's: each sub-field present
/// replaces (`""` clears it), an absent one is kept; a platform left with no
/// value is dropped, and so is `mobile` left with no platform.
pub fn merge_mobile(target: &mut Option<Mobile>, patch: &Mobile) {
    let m = target.get_or_insert_with(Mobile::default);
    if let Some(p) = &patch.ios {
        let ios = m.ios.get_or_insert_default();
        set_string(&mut ios.team_id, &p.team_id);
        set_string(&mut ios.app_bundle_identifier, &p.app_bundle_identifier);
        m.ios.take_if(|ios| ios.is_empty());
    }
    if let Some(p) = &patch.android {
        let android = m.android.get_or_insert_default();
        set_string(&mut android.keystore_hash, &p.keystore_hash);
        set_string(&mut android.app_package_name, &p.app_package_name);
        m.android.take_if(|android| android.is_empty());
    }
    if m.ios.is_none() && m.android.is_none() {
        *target = None;
    }
}

/// Applies a (validated) PATCH body: absent or null leaves a field
/// unchanged, `[]` clears a list, `""` clears a string, `mobile` merges
/// ([`merge_mobile`]). Only the fields the contract lets a PATCH change are
/// touched; the name, type and secret never are.
pub fn apply_update(client: &mut NexusClient, req: &UpdateClientRequest) {
    if let Some(m) = &req.mobile {
        merge_mobile(&mut client.mobile, m);
    }
    set_list(&mut client.owners, &req.owners);
    set_string(&mut client.product_name, &req.product_name);
    set_list(&mut client.callback_urls, &req.callback_urls);
    set_string(&mut client.client_upn_key, &req.client_upn_key);
    set_string(&mut client.application_name, &req.application_name);
    set_list(&mut client.allowed_logout_urls, &req.allowed_logout_urls);
    set_list(&mut client.allowed_web_origins, &req.allowed_web_origins);
    set_list(&mut client.allowed_cors_origins, &req.allowed_cors_origins);
}

#[cfg(test)]
mod tests {
    use super::*;
    use nexus_domain::{MobileAndroid, MobileIos};

    fn text(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn a_create_body_becomes_a_client() {
        let req: CreateClientRequest = serde_json::from_value(serde_json::json!({
            "name": "  Spaced  ", "app_type": "Native",
            "logo_uri": " ", "mobile": {"ios": {}},
            "client_metadata": {"owners": " a, ,b ", "productName": ""}
        }))
        .unwrap();
        let c = client_from_create(&req, "id1".into(), "s3cret".into());
        assert_eq!(c.id, text("id1"));
        assert_eq!(c.secret, text("s3cret"));
        assert_eq!(c.name, text("Spaced"));
        assert_eq!(c.client_type, text("native"));
        assert_eq!(c.owners, Some(vec!["a".into(), "b".into()]));
        assert_eq!(c.client_auth_method, Some(ClientAuthMethod::None));
        assert_eq!(
            c.grant_types,
            Some(default_grant_types(&ClientType::Native))
        );
        assert_eq!((c.logo_url, c.product_name, c.mobile), (None, None, None));
        assert_eq!(c.manually_created, Some(true));
        assert_eq!(c.id_token_expiration, Some(36000));
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let mut c = NexusClient {
            name: text("Kept"),
            product_name: text("P"),
            application_name: text("A"),
            owners: Some(vec!["o".into()]),
            callback_urls: Some(vec!["https://c".into()]),
            ..NexusClient::default()
        };
        let req: UpdateClientRequest = serde_json::from_value(serde_json::json!({
            "productName": "", "applicationName": null, "owners": [], "callbackUrls": ["https://d"]
        }))
        .unwrap();
        apply_update(&mut c, &req);
        assert_eq!(c.name, text("Kept"));
        assert_eq!(c.product_name, None);
        assert_eq!(c.application_name, text("A"));
        assert_eq!(c.owners, Some(vec![]));
        assert_eq!(c.callback_urls, Some(vec!["https://d".into()]));
    }

    #[test]
    fn mobile_merges_field_by_field_and_drops_what_is_left_empty() {
        let mut m = Some(Mobile {
            ios: Some(MobileIos {
                team_id: text("T"),
                app_bundle_identifier: text("B"),
            }),
            android: Some(MobileAndroid {
                keystore_hash: text("H"),
                app_package_name: None,
            }),
        });
        let patch = Mobile {
            ios: Some(MobileIos {
                team_id: text("T2"),
                app_bundle_identifier: None,
            }),
            android: Some(MobileAndroid {
                keystore_hash: text(""),
                app_package_name: None,
            }),
        };
        merge_mobile(&mut m, &patch);
        let ios = m.as_ref().and_then(|m| m.ios.clone()).unwrap();
        assert_eq!(
            (ios.team_id, ios.app_bundle_identifier),
            (text("T2"), text("B"))
        );
        assert_eq!(m.as_ref().and_then(|m| m.android.clone()), None);
        let clear_ios = Mobile {
            ios: Some(MobileIos {
                team_id: text(""),
                app_bundle_identifier: text(""),
            }),
            android: None,
        };
        merge_mobile(&mut m, &clear_ios);
        assert_eq!(m, None);
        // Nothing to merge into, nothing set: still nothing.
        merge_mobile(&mut m, &Mobile::default());
        assert_eq!(m, None);
    }
}
