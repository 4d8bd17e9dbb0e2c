//! Export: one client as portable JSON, and the list's shown clients as JSON
//! or CSV (the formats are described in `docs/export.md`).
//!
//! A client is exported in the shape Nexus answers with (so the file reads
//! like the API and imports like any Nexus- or Auth0-shaped client), minus
//! what belongs to the tenant it came from: its id, its secret and the
//! Terraform flag. Fields that are not set are left out.

use crate::client::NexusClient;
use crate::list::ClientSummary;
use serde_json::{Map, Value};

/// The keys an export never carries: the server makes them (id, secret) or
/// they describe the source tenant's tooling (`manuallyCreated`).
pub const LEFT_OUT: [&str; 3] = ["id", "secret", "manuallyCreated"];

/// One client as pretty-printed JSON, without [`LEFT_OUT`] and without
/// fields that are not set.
pub fn client_json(client: &NexusClient) -> String {
    let mut out = Map::new();
    if let Ok(Value::Object(fields)) = serde_json::to_value(client) {
        for (k, v) in fields {
            if !v.is_null() && !LEFT_OUT.contains(&k.as_str()) {
                out.insert(k, v);
            }
        }
    }
    serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default()
}

/// A file name for a client's export: its name made safe for a file system
/// ("Shop Web!" → `shop-web.client.json`), or `client.client.json`.
pub fn file_name(name: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "client" } else { slug };
    format!("{slug}.{extension}")
}

/// The CSV columns of a list export, in order.
pub const CSV_COLUMNS: [&str; 6] = [
    "id",
    "name",
    "type",
    "productName",
    "applicationName",
    "managedBy",
];

/// The shown clients as CSV (RFC 4180: CRLF line ends, fields quoted when
/// they hold a comma, a quote or a line break). A value that a spreadsheet
/// would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is prefixed with `'`, so opening the file runs nothing.
pub fn summaries_csv<'a>(clients: impl IntoIterator<Item = &'a ClientSummary>) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for c in clients {
        let managed = if c.is_terraform_managed() {
            "terraform"
        } else {
            "manual"
        };
        let cells = [
            c.id.as_deref().unwrap_or(""),
            c.name.as_deref().unwrap_or(""),
            c.client_type.as_deref().unwrap_or(""),
            c.product_name.as_deref().unwrap_or(""),
            c.application_name.as_deref().unwrap_or(""),
            managed,
        ];
        let line: Vec<String> = cells.iter().map(|v| csv_cell(v)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The shown clients as a JSON array of the list's fields (pretty-printed);
/// a field that is not set is left out.
pub fn summaries_json<'a>(clients: impl IntoIterator<Item = &'a ClientSummary>) -> String {
    let items: Vec<Value> = clients
        .into_iter()
        .map(|c| {
            let mut m = Map::new();
            let mut put = |k: &str, v: &Option<String>| {
                if let Some(v) = v {
                    m.insert(k.into(), Value::String(v.clone()));
                }
            };
            put("id", &c.id);
            put("name", &c.name);
            put("type", &c.client_type);
            put("productName", &c.product_name);
            put("applicationName", &c.application_name);
            if let Some(b) = c.manually_created {
                m.insert("manuallyCreated".into(), Value::Bool(b));
            }
            Value::Object(m)
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> NexusClient {
        serde_json::from_value(serde_json::json!({
            "id": "c1", "name": "Shop Web", "type": "regular_web", "secret": "s3cr3t",
            "manuallyCreated": false, "owners": ["alice"], "productName": "Shop",
            "callbackUrls": ["https://a.example.com/cb"], "logoUrl": null,
            "mobile": {"ios": {"team_id": "T1"}}
        }))
        .unwrap()
    }

    #[test]
    fn a_client_export_leaves_out_the_server_s_fields_and_what_is_not_set() {
        let text = client_json(&client());
        let v: Value = serde_json::from_str(&text).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for k in LEFT_OUT {
            assert!(!keys.contains(&k), "{k} in {text}");
        }
        assert!(!text.contains("s3cr3t"));
        assert!(!keys.contains(&"logoUrl"));
        assert_eq!(v["name"], "Shop Web");
        assert_eq!(v["type"], "regular_web");
        assert_eq!(v["callbackUrls"][0], "https://a.example.com/cb");
        assert_eq!(v["mobile"]["ios"]["team_id"], "T1");
        // It reads back as a client (what import starts from).
        let back: NexusClient = serde_json::from_str(&text).unwrap();
        assert_eq!(back.product_name.as_deref(), Some("Shop"));
        assert_eq!(back.id, None);
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name("Shop Web!", "client.json"),
            "shop-web.client.json"
        );
        assert_eq!(file_name("../../etc/passwd", "json"), "etc-passwd.json");
        assert_eq!(file_name("   ", "csv"), "client.csv");
        assert_eq!(file_name("Café Kiosk", "json"), "café-kiosk.json");
        assert!(file_name(&"x".repeat(500), "json").len() < 80);
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let list = crate::list::decode_client_list(
            r#"[{"id":"c1","name":"Shop, \"Web\"","type":"spa","manuallyCreated":false},
                {"id":"c2","name":"=HYPERLINK(\"x\")","productName":"a\nb"}]"#,
        )
        .unwrap()
        .clients;
        let csv = summaries_csv(&list);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,name,type,productName,applicationName,managedBy"
        );
        assert_eq!(lines[1], r#"c1,"Shop, ""Web""",spa,,,terraform"#);
        assert_eq!(lines[2], "c2,\"'=HYPERLINK(\"\"x\"\")\",,\"a\nb\",,manual");
        let json: Value = serde_json::from_str(&summaries_json(&list)).unwrap();
        assert_eq!(json[0]["name"], "Shop, \"Web\"");
        assert_eq!(json[0]["manuallyCreated"], false);
        assert!(json[1].get("type").is_none());
    }
}
