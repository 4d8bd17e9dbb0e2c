//! Deterministic demo data: a hand-made set of ~36 clients, and a generator
//! for scale tests (`--clients N`).

use nexus_domain::create::default_grant_types;
use nexus_domain::{ClientAuthMethod, ClientType, Mobile, MobileAndroid, MobileIos, NexusClient};

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

fn l(items: &[&str]) -> Option<Vec<String>> {
    Some(items.iter().map(|i| i.to_string()).collect())
}

fn ios(team: &str, bundle: &str) -> Option<MobileIos> {
    Some(MobileIos {
        team_id: s(team),
        app_bundle_identifier: s(bundle),
    })
}

fn android(hash: &str, package: &str) -> Option<MobileAndroid> {
    Some(MobileAndroid {
        keystore_hash: s(hash),
        app_package_name: s(package),
    })
}

/// A client with Auth0-like defaults for its type: default grant types,
/// token settings, manually created, no owners/product/URLs.
pub fn with_defaults(id: &str, name: &str, app_type: &str) -> NexusClient {
    let kind = ClientType::parse(app_type);
    let auth = crate::client_rules::default_auth_method(&kind);
    NexusClient {
        id: s(id),
        name: s(name),
        client_type: s(kind.as_str()),
        grant_types: Some(default_grant_types(&kind)),
        manually_created: Some(true),
        client_auth_method: Some(auth),
        owners: Some(Vec::new()),
        callback_urls: Some(Vec::new()),
        allowed_logout_urls: Some(Vec::new()),
        allowed_web_origins: Some(Vec::new()),
        allowed_cors_origins: Some(Vec::new()),
        ..token_defaults()
    }
}

/// Auth0's default token settings for a new client (and nothing else set).
pub fn token_defaults() -> NexusClient {
    NexusClient {
        id_token_expiration: Some(36000),
        refresh_token_reuse_interval: Some(0),
        refresh_token_absolute_lifetime: Some(2_592_000),
        refresh_token_inactivity_lifetime: Some(1_296_000),
        is_refresh_token_rotation_enabled: Some(false),
        is_refresh_token_absolute_expiration_enabled: Some(false),
        is_refresh_token_inactivity_lifetime_enabled: Some(false),
        allow_cross_origin_authentication: Some(false),
        ..Default::default()
    }
}

/// A client with only an id and a name; every other field is null.
fn bare(id: &str, name: &str) -> NexusClient {
    NexusClient {
        id: s(id),
        name: s(name),
        ..Default::default()
    }
}

/// The hand-made demo set (deterministic, fixed ids).
pub fn demo_clients() -> Vec<NexusClient> {
    use ClientAuthMethod as M;
    vec![
        // ── Shop: owned by the owner persona / its role, in its product ──
        NexusClient {
            owners: l(&["po-shop-1", "team-shop"]),
            product_name: s("Shop"),
            application_name: s("storefront"),
            client_upn_key: s("shop-storefront"),
            callback_urls: l(&[
                "https://shop.example.com/callback",
                "https://*.shop.example.com/callback",
                "http://localhost:3000/callback",
            ]),
            allowed_logout_urls: l(&["https://shop.example.com/", "https://*.shop.example.com/"]),
            allowed_web_origins: l(&["https://shop.example.com", "https://*.shop.example.com"]),
            allowed_cors_origins: l(&["https://shop.example.com"]),
            logo_url: s("https://cdn.example.com/logos/shop.png"),
            secret: s("demo-secret-shop-storefront-4f9a1c2e7b3d8a6f0e5c9b2d7a1f3e8c"),
            is_refresh_token_rotation_enabled: Some(true),
            ..with_defaults("cl_shop_storefront_01", "Shop Storefront", "regular_web")
        },
        NexusClient {
            owners: l(&["team-shop"]),
            product_name: s("Shop"),
            application_name: s("shop-ios"),
            callback_urls: l(&["com.example.shop://callback"]),
            allowed_logout_urls: l(&["com.example.shop://logout"]),
            mobile: Some(Mobile {
                ios: ios("ABCDE12345", "com.example.shop"),
                android: None,
            }),
            logo_url: s("https://cdn.example.com/logos/shop-ios.png"),
            is_refresh_token_rotation_enabled: Some(true),
            ..with_defaults("cl_shop_mobile_ios_02", "Shop Mobile (iOS)", "native")
        },
        NexusClient {
            owners: l(&["team-shop", "alice"]),
            product_name: s("Shop"),
            application_name: s("shop-android"),
            callback_urls: l(&["com.example.shop://callback"]),
            mobile: Some(Mobile {
                ios: None,
                android: android(
                    "14:6D:E9:83:C5:73:06:50:D8:EE:B9:95:2F:34:FC:64:16:A0:83:42",
                    "com.example.shop",
                ),
            }),
            ..with_defaults(
                "cl_shop_mobile_android_03",
                "Shop Mobile (Android)",
                "native",
            )
        },
        NexusClient {
            owners: l(&["po-shop-1"]),
            product_name: s("Shop"),
            application_name: s("shop-checkout"),
            callback_urls: l(&["https://checkout.shop.example.com/callback"]),
            allowed_web_origins: l(&["https://checkout.shop.example.com"]),
            allowed_cors_origins: l(&["https://checkout.shop.example.com"]),
            manually_created: Some(false),
            ..with_defaults("cl_shop_checkout_spa_04", "Shop Checkout", "spa")
        },
        // Shop product, not owned by the owner persona (writable via product scope).
        NexusClient {
            owners: l(&["bob", "team-catalog"]),
            product_name: s("Shop"),
            application_name: s("catalog-sync"),
            secret: s("demo-secret-catalog-sync-9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a"),
            client_auth_method: Some(M::ClientSecretBasic),
            manually_created: Some(false),
            ..with_defaults(
                "cl_shop_catalog_sync_05",
                "Shop Catalog Sync",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["carol"]),
            product_name: s("Shop"),
            application_name: s("shop-admin"),
            callback_urls: l(&[
                "https://admin.shop.example.com/callback",
                "https://admin.shop.example.com/silent",
            ]),
            allowed_logout_urls: l(&["https://admin.shop.example.com/"]),
            logo_url: s("http://legacy.example.com/shop-admin.gif"),
            ..with_defaults("cl_shop_admin_06", "Shop Back Office", "regular_web")
        },
        NexusClient {
            owners: Some(Vec::new()),
            product_name: s("Shop"),
            callback_urls: l(&["https://kiosk.shop.example.com/callback"]),
            ..with_defaults("cl_cafe_kiosk_07", "Café Kiosk", "spa")
        },
        // ── Owned by the owner persona, but not in the Shop product ──
        NexusClient {
            owners: l(&["po-shop-1", "dave"]),
            product_name: s("Billing"),
            application_name: s("invoice-export"),
            secret: s("demo-secret-invoice-export-0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
            ..with_defaults(
                "cl_billing_invoice_export_08",
                "Invoice Export Job",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-shop"]),
            product_name: s("Analytics"),
            application_name: s("shop-insights"),
            callback_urls: l(&["https://insights.example.com/callback"]),
            allowed_web_origins: l(&["https://insights.example.com"]),
            ..with_defaults(
                "cl_analytics_shop_insights_09",
                "Shop Insights Dashboard",
                "spa",
            )
        },
        NexusClient {
            owners: l(&["po-shop-1"]),
            product_name: None,
            callback_urls: l(&["http://localhost:8080/callback"]),
            ..with_defaults("cl_sandbox_po_10", "Pat's Sandbox", "regular_web")
        },
        // ── Billing ──
        NexusClient {
            owners: l(&["team-billing", "dave"]),
            product_name: s("Billing"),
            application_name: s("billing-service"),
            secret: s("demo-secret-billing-service-1f2e3d4c5b6a79880f1e2d3c4b5a6978"),
            manually_created: Some(false),
            ..with_defaults(
                "cl_billing_service_11",
                "Billing Service",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-billing"]),
            product_name: s("Billing"),
            application_name: s("billing-portal"),
            callback_urls: l(&["https://billing.example.com/signin-oidc"]),
            allowed_logout_urls: l(&["https://billing.example.com/signout-callback-oidc"]),
            allowed_web_origins: l(&["https://billing.example.com"]),
            logo_url: s("https://cdn.example.com/logos/billing.svg"),
            secret: s("demo-secret-billing-portal-abcdefabcdefabcdefabcdefabcdefab"),
            client_auth_method: Some(M::ClientSecretBasic),
            manually_created: Some(false),
            ..with_defaults(
                "cl_billing_portal_12",
                "Billing Customer Portal",
                "regular_web",
            )
        },
        NexusClient {
            owners: l(&["erin"]),
            product_name: s("Billing"),
            application_name: s("dunning"),
            ..with_defaults(
                "cl_billing_dunning_13",
                "Dunning Scheduler",
                "non_interactive",
            )
        },
        // ── Payments ──
        NexusClient {
            owners: l(&["team-payments", "frank"]),
            product_name: s("Payments"),
            application_name: s("payments-gateway"),
            client_upn_key: s("payments-gw"),
            secret: s("demo-secret-payments-gateway-77aa88bb99cc00dd11ee22ff33aa44bb"),
            manually_created: Some(false),
            ..with_defaults(
                "cl_payments_gateway_14",
                "Payments Gateway",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-payments"]),
            product_name: s("Payments"),
            application_name: s("partner-integration"),
            client_auth_method: Some(M::PrivateKeyJwt),
            secret: None,
            manually_created: Some(false),
            ..with_defaults(
                "cl_partner_pkjwt_15",
                "Partner Integration (Private Key JWT)",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-payments"]),
            product_name: s("Payments"),
            application_name: s("payments-console"),
            callback_urls: l(&[
                "https://pay.example.com/callback",
                "https://pay.example.com/auth/callback",
                "https://eu.pay.example.com/callback",
                "https://us.pay.example.com/callback",
                "https://staging.pay.example.com/callback",
                "https://*.preview.pay.example.com/callback",
                "http://localhost:4200/callback",
                "http://127.0.0.1:4200/callback",
            ]),
            allowed_logout_urls: l(&[
                "https://pay.example.com/",
                "https://eu.pay.example.com/",
                "https://us.pay.example.com/",
            ]),
            allowed_web_origins: l(&[
                "https://pay.example.com",
                "https://eu.pay.example.com",
                "https://us.pay.example.com",
            ]),
            allowed_cors_origins: l(&["https://pay.example.com", "http://localhost:4200"]),
            logo_url: s("https://cdn.example.com/logos/payments.png"),
            allow_cross_origin_authentication: Some(true),
            ..with_defaults("cl_payments_console_16", "Payments Merchant Console", "spa")
        },
        NexusClient {
            owners: l(&["frank"]),
            product_name: s("Payments"),
            callback_urls: l(&[
                "com.example.wallet://callback",
                "com.example.wallet.dev://callback",
            ]),
            mobile: Some(Mobile {
                ios: ios("ZXCVB98765", "com.example.wallet"),
                android: android(
                    "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01",
                    "com.example.wallet",
                ),
            }),
            ..with_defaults("cl_payments_wallet_17", "Wallet App", "native")
        },
        // ── Analytics ──
        NexusClient {
            owners: l(&["team-analytics"]),
            product_name: s("Analytics"),
            application_name: s("analytics-dashboard"),
            callback_urls: l(&["https://analytics.example.com/callback"]),
            allowed_web_origins: l(&["https://analytics.example.com"]),
            allowed_cors_origins: l(&["https://analytics.example.com"]),
            logo_url: s("https://cdn.example.com/logos/analytics.png"),
            ..with_defaults("cl_analytics_dashboard_18", "Analytics Dashboard", "spa")
        },
        NexusClient {
            owners: l(&["team-analytics", "grace"]),
            product_name: s("Analytics"),
            application_name: s("etl"),
            secret: s("demo-secret-analytics-etl-5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b"),
            manually_created: Some(false),
            ..with_defaults(
                "cl_analytics_etl_19",
                "Analytics ETL Worker",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["grace"]),
            product_name: s("Analytics"),
            callback_urls: l(&["https://reports.example.com/callback"]),
            client_auth_method: Some(M::ClientSecretBasic),
            ..with_defaults("cl_analytics_reports_20", "Report Builder", "regular_web")
        },
        // ── No product ──
        NexusClient {
            owners: l(&["team-platform", "heidi"]),
            product_name: None,
            application_name: s("admin-portal"),
            callback_urls: l(&["https://admin.internal.example.com/callback"]),
            allowed_logout_urls: l(&["https://admin.internal.example.com/logged-out"]),
            secret: s("demo-secret-admin-portal-0f0e0d0c0b0a09080706050403020100"),
            manually_created: Some(false),
            ..with_defaults(
                "cl_internal_admin_21",
                "Internal Admin Portal",
                "regular_web",
            )
        },
        NexusClient {
            owners: l(&["team-platform"]),
            application_name: s("sso-bridge"),
            client_auth_method: Some(M::Other("tls_client_auth".into())),
            grant_types: Some(Vec::new()),
            ..with_defaults(
                "cl_sso_integration_22",
                "Workplace SSO Integration",
                "sso_integration",
            )
        },
        NexusClient {
            owners: l(&["ivan"]),
            application_name: s("cli"),
            callback_urls: l(&["http://127.0.0.1:53682/callback"]),
            ..with_defaults("cl_dev_cli_23", "Developer CLI", "native")
        },
        NexusClient {
            owners: l(&["team-platform"]),
            application_name: s("monitoring"),
            secret: s("demo-secret-monitoring-6a6b6c6d6e6f70717273747576777879"),
            ..with_defaults(
                "cl_monitoring_probe_24",
                "Monitoring Probe",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["judy"]),
            callback_urls: l(&["https://docs.example.com/callback"]),
            allowed_web_origins: l(&["https://docs.example.com"]),
            logo_url: s("https://cdn.example.com/logos/docs.png"),
            ..with_defaults("cl_docs_portal_25", "Developer Docs Portal", "spa")
        },
        NexusClient {
            owners: l(&["team-support"]),
            product_name: s("Support"),
            callback_urls: l(&["https://support.example.com/callback"]),
            client_auth_method: Some(M::ClientSecretPost),
            manually_created: Some(false),
            ..with_defaults("cl_support_desk_26", "Support Desk", "regular_web")
        },
        NexusClient {
            owners: l(&["mallory"]),
            product_name: s("Marketing"),
            callback_urls: l(&["https://campaigns.example.com/callback"]),
            logo_url: s("https://cdn.example.com/logos/marketing-ü.png"),
            ..with_defaults(
                "cl_marketing_campaigns_27",
                "Kampagnen-Planer (Marketing)",
                "regular_web",
            )
        },
        NexusClient {
            owners: l(&["team-hr"]),
            product_name: s("People"),
            callback_urls: l(&["https://hr.example.com/callback"]),
            ..with_defaults("cl_hr_portal_28", "Portail RH — Employés", "regular_web")
        },
        // ── Null-heavy: only id and name ──
        bare("cl_legacy_import_29", "Legacy Import"),
        bare("cl_unknown_30", "Unnamed Auth0 App"),
        NexusClient {
            id: s("cl_nameless_31"),
            ..Default::default()
        },
        // ── A few more of each shape ──
        NexusClient {
            owners: l(&["po-shop-1", "team-shop"]),
            product_name: s("Shop"),
            application_name: s("shop-search"),
            secret: s("demo-secret-shop-search-1234567890abcdef1234567890abcdef"),
            client_auth_method: Some(M::ClientSecretBasic),
            ..with_defaults(
                "cl_shop_search_32",
                "Shop Search Indexer",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-billing"]),
            product_name: s("Billing"),
            callback_urls: l(&["https://tax.billing.example.com/callback"]),
            client_auth_method: Some(M::ClientSecretPost),
            ..with_defaults("cl_billing_tax_33", "Tax Calculator", "regular_web")
        },
        NexusClient {
            owners: None,
            product_name: s("Payments"),
            mobile: None,
            manually_created: None,
            client_auth_method: None,
            ..with_defaults(
                "cl_payments_refunds_34",
                "Refunds Worker",
                "non_interactive",
            )
        },
        NexusClient {
            owners: l(&["team-analytics"]),
            product_name: s("Analytics"),
            callback_urls: l(&["com.example.metrics://callback"]),
            mobile: Some(Mobile {
                ios: ios("QWERT54321", "com.example.metrics"),
                android: android(
                    "01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14",
                    "com.example.metrics",
                ),
            }),
            ..with_defaults("cl_analytics_mobile_35", "Metrics Mobile", "native")
        },
        NexusClient {
            owners: l(&["po-shop-1"]),
            product_name: s("Payments"),
            callback_urls: l(&["https://giftcards.example.com/callback"]),
            allowed_web_origins: l(&["https://giftcards.example.com"]),
            manually_created: Some(false),
            ..with_defaults("cl_giftcards_36", "Gift Cards", "spa")
        },
    ]
}

/// `n` generated clients, deterministic: ids `gen_00001`..., cycling types,
/// products, owners and Terraform management.
pub fn generated_clients(n: usize) -> Vec<NexusClient> {
    const TYPES: [&str; 4] = ["regular_web", "spa", "native", "non_interactive"];
    const PRODUCTS: [Option<&str>; 5] = [
        Some("Shop"),
        Some("Billing"),
        Some("Payments"),
        Some("Analytics"),
        None,
    ];
    const OWNERS: [&[&str]; 5] = [
        &["po-shop-1"],
        &["team-shop"],
        &["alice"],
        &["team-billing", "bob"],
        &[],
    ];
    (1..=n)
        .map(|i| {
            let k = i - 1;
            let ty = TYPES[k % TYPES.len()];
            let product = PRODUCTS[k % PRODUCTS.len()];
            let owners = OWNERS[(k / 2) % OWNERS.len()];
            let id = format!("gen_{i:05}");
            let name = format!(
                "Generated client {i:05} ({})",
                product.unwrap_or("no product")
            );
            let interactive = ty != "non_interactive";
            let mut c = with_defaults(&id, &name, ty);
            c.product_name = product.map(String::from);
            c.owners = l(owners);
            c.manually_created = Some(i % 3 != 0);
            c.application_name = Some(format!("gen-app-{i:05}"));
            if interactive {
                c.callback_urls = Some(vec![format!("https://gen{i:05}.example.com/callback")]);
            }
            if ty == "regular_web" || ty == "non_interactive" {
                c.secret = Some(format!(
                    "gen-secret-{i:05}-0123456789abcdef0123456789abcdef"
                ));
            }
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_ids_are_unique_and_cover_the_shapes() {
        let d = demo_clients();
        assert!(d.len() >= 30);
        let ids: HashSet<_> = d.iter().map(|c| c.id.clone()).collect();
        assert_eq!(ids.len(), d.len());
        assert!(d
            .iter()
            .any(|c| c.client_auth_method == Some(ClientAuthMethod::PrivateKeyJwt)));
        assert!(d.iter().any(|c| c.is_terraform_managed()));
        assert_eq!(generated_clients(3)[2].id.as_deref(), Some("gen_00003"));
    }
}
