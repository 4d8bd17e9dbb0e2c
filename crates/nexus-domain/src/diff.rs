//! The edit form's draft and `diff(original, draft)`: an update body with
//! only the fields the user changed, and the same changes as review rows.

use crate::client::{Mobile, MobileAndroid, MobileIos, NexusClient};
use crate::create::list;
use crate::field::Field;
use crate::update::UpdateClientRequest;

/// The PATCH-able fields of a client, as the edit form holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditDraft {
    pub owners: Vec<String>,
    pub product_name: String,
    pub application_name: String,
    pub client_upn_key: String,
    pub callback_urls: Vec<String>,
    pub logout_urls: Vec<String>,
    pub web_origins: Vec<String>,
    pub cors_origins: Vec<String>,
    pub ios_team_id: String,
    pub ios_bundle_id: String,
    pub android_keystore_hash: String,
    pub android_package_name: String,
}

/// One changed field for the "review changes" step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    /// Old value as text ("" when not set; list items one per line).
    pub old: String,
    pub new: String,
    /// For a list field, its items marked added, removed or kept, so the
    /// review shows a removed URL as removed rather than a whole new list;
    /// empty for a single value.
    pub items: Vec<ItemChange>,
}

/// What became of one item of a list field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemMark {
    Added,
    Removed,
    Kept,
}

/// One item of a changed list field, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    pub value: String,
    pub mark: ItemMark,
}

/// The items of a list before and after: the old items in their order, each
/// kept or removed, then the new ones, in theirs. Repeated values count: two
/// copies before and one after is one kept, one removed.
pub fn item_changes(old: &[String], new: &[String]) -> Vec<ItemChange> {
    let mut unmatched: Vec<Option<&String>> = new.iter().map(Some).collect();
    let mut out: Vec<ItemChange> = old
        .iter()
        .map(|v| {
            let found = unmatched.iter_mut().find(|n| n.is_some_and(|n| n == v));
            let mark = match found {
                Some(slot) => {
                    *slot = None;
                    ItemMark::Kept
                }
                None => ItemMark::Removed,
            };
            ItemChange {
                value: v.clone(),
                mark,
            }
        })
        .collect();
    out.extend(unmatched.into_iter().flatten().map(|v| ItemChange {
        value: v.clone(),
        mark: ItemMark::Added,
    }));
    out
}

fn s(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

impl EditDraft {
    /// The draft that starts from a client as the server has it.
    pub fn from_client(c: &NexusClient) -> Self {
        let mobile = c.mobile.clone().unwrap_or_default();
        let ios = mobile.ios.unwrap_or_default();
        let android = mobile.android.unwrap_or_default();
        EditDraft {
            owners: c.owners.clone().unwrap_or_default(),
            product_name: s(&c.product_name),
            application_name: s(&c.application_name),
            client_upn_key: s(&c.client_upn_key),
            callback_urls: c.callback_urls.clone().unwrap_or_default(),
            logout_urls: c.allowed_logout_urls.clone().unwrap_or_default(),
            web_origins: c.allowed_web_origins.clone().unwrap_or_default(),
            cors_origins: c.allowed_cors_origins.clone().unwrap_or_default(),
            ios_team_id: s(&ios.team_id),
            ios_bundle_id: s(&ios.app_bundle_identifier),
            android_keystore_hash: s(&android.keystore_hash),
            android_package_name: s(&android.app_package_name),
        }
    }

    fn mobile(&self) -> [(Field, &str); 4] {
        [
            (Field::IosTeamId, self.ios_team_id.trim()),
            (Field::IosBundleId, self.ios_bundle_id.trim()),
            (
                Field::AndroidKeystoreHash,
                self.android_keystore_hash.trim(),
            ),
            (Field::AndroidPackageName, self.android_package_name.trim()),
        ]
    }

    fn texts(&self) -> [(Field, &str); 3] {
        [
            (Field::ProductName, self.product_name.trim()),
            (Field::ApplicationName, self.application_name.trim()),
            (Field::ClientUpnKey, self.client_upn_key.trim()),
        ]
    }

    fn lists(&self) -> [(Field, Vec<String>); 5] {
        [
            (Field::Owners, list(&self.owners)),
            (Field::CallbackUrls, list(&self.callback_urls)),
            (Field::LogoutUrls, list(&self.logout_urls)),
            (Field::WebOrigins, list(&self.web_origins)),
            (Field::CorsOrigins, list(&self.cors_origins)),
        ]
    }
}

/// The update body for `draft` against `original`: only changed fields.
/// A cleared text is sent as "" and a cleared list as [], since absent means
/// "unchanged". Mobile is sent whole when any part of it changed.
pub fn diff(original: &EditDraft, draft: &EditDraft) -> UpdateClientRequest {
    let mut req = UpdateClientRequest::default();
    for ((field, old), (_, new)) in original.lists().into_iter().zip(draft.lists()) {
        if old != new {
            let slot = match field {
                Field::Owners => &mut req.owners,
                Field::CallbackUrls => &mut req.callback_urls,
                Field::LogoutUrls => &mut req.allowed_logout_urls,
                Field::WebOrigins => &mut req.allowed_web_origins,
                _ => &mut req.allowed_cors_origins,
            };
            *slot = Some(new);
        }
    }
    for ((field, old), (_, new)) in original.texts().into_iter().zip(draft.texts()) {
        if old != new {
            let slot = match field {
                Field::ProductName => &mut req.product_name,
                Field::ApplicationName => &mut req.application_name,
                _ => &mut req.client_upn_key,
            };
            *slot = Some(new.to_string());
        }
    }
    // Mobile: only the changed sub-fields, so untouched ones stay as they are.
    let (old_m, new_m) = (original.mobile(), draft.mobile());
    let changed = |i: usize| (old_m[i].1 != new_m[i].1).then(|| new_m[i].1.to_string());
    let (t, b, k, p) = (changed(0), changed(1), changed(2), changed(3));
    let ios = (t.is_some() || b.is_some()).then_some(MobileIos {
        team_id: t,
        app_bundle_identifier: b,
    });
    let android = (k.is_some() || p.is_some()).then_some(MobileAndroid {
        keystore_hash: k,
        app_package_name: p,
    });
    if ios.is_some() || android.is_some() {
        req.mobile = Some(Mobile { ios, android });
    }
    req
}

/// The changes as review rows, in form order.
pub fn changes(original: &EditDraft, draft: &EditDraft) -> Vec<Change> {
    let mut out = Vec::new();
    for ((field, old), (_, new)) in original.lists().into_iter().zip(draft.lists()) {
        if old != new {
            out.push(Change {
                field,
                old: old.join("\n"),
                new: new.join("\n"),
                items: item_changes(&old, &new),
            });
        }
    }
    // Single values: the texts, then the mobile settings.
    let before = original.texts().into_iter().chain(original.mobile());
    let after = draft.texts().into_iter().chain(draft.mobile());
    for ((field, old), (_, new)) in before.zip(after) {
        if old != new {
            out.push(Change {
                field,
                old: old.into(),
                new: new.into(),
                items: Vec::new(),
            });
        }
    }
    out.sort_by_key(|c| Field::ALL.iter().position(|f| *f == c.field));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> NexusClient {
        serde_json::from_value(serde_json::json!({
            "id": "c1", "owners": ["alice"], "productName": "Shop",
            "callbackUrls": ["https://a.example.com/cb"], "mobile": {"ios": {"team_id": "T1"}}
        }))
        .unwrap()
    }

    #[test]
    fn unchanged_draft_sends_nothing() {
        let d = EditDraft::from_client(&client());
        assert!(diff(&d, &d.clone()).is_empty());
        assert!(changes(&d, &d).is_empty());
        // Whitespace-only edits are not changes.
        let mut w = d.clone();
        w.product_name = " Shop ".into();
        assert!(diff(&d, &w).is_empty());
    }

    #[test]
    fn only_changed_fields() {
        let d = EditDraft::from_client(&client());
        let mut e = d.clone();
        e.product_name = "Billing".into();
        e.callback_urls.push("https://b.example.com/cb".into());
        let body = serde_json::to_value(diff(&d, &e)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"productName": "Billing", "callbackUrls": ["https://a.example.com/cb", "https://b.example.com/cb"]})
        );
        let rows = changes(&d, &e);
        assert_eq!(
            rows.iter().map(|c| c.field).collect::<Vec<_>>(),
            vec![Field::CallbackUrls, Field::ProductName]
        );
        assert_eq!(rows[1].old, "Shop");
        assert!(rows[1].items.is_empty());
        let marks: Vec<_> = rows[0]
            .items
            .iter()
            .map(|i| (i.value.as_str(), i.mark))
            .collect();
        assert_eq!(
            marks,
            vec![
                ("https://a.example.com/cb", ItemMark::Kept),
                ("https://b.example.com/cb", ItemMark::Added)
            ]
        );
    }

    #[test]
    fn list_items_are_marked_added_removed_or_kept() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let marks = |old: &[&str], new: &[&str]| {
            item_changes(&v(old), &v(new))
                .into_iter()
                .map(|i| (i.value, i.mark))
                .collect::<Vec<_>>()
        };
        use ItemMark::*;
        assert_eq!(
            marks(&["a", "b", "c"], &["c", "d", "a"]),
            vec![
                ("a".into(), Kept),
                ("b".into(), Removed),
                ("c".into(), Kept),
                ("d".into(), Added)
            ]
        );
        // Repeats count one by one.
        assert_eq!(
            marks(&["a", "a"], &["a"]),
            vec![("a".into(), Kept), ("a".into(), Removed)]
        );
        assert_eq!(marks(&[], &["x"]), vec![("x".into(), Added)]);
        assert_eq!(marks(&["x"], &[]), vec![("x".into(), Removed)]);
    }

    #[test]
    fn clearing_sends_empty_values() {
        let d = EditDraft::from_client(&client());
        let mut e = d.clone();
        e.owners.clear();
        e.product_name.clear();
        e.ios_team_id.clear();
        let body = serde_json::to_value(diff(&d, &e)).unwrap();
        assert_eq!(body["owners"], serde_json::json!([]));
        assert_eq!(body["productName"], "");
        assert_eq!(body["mobile"], serde_json::json!({"ios": {"team_id": ""}}));
    }

    #[test]
    fn mobile_sends_only_the_changed_part() {
        let d = EditDraft::from_client(&client());
        let mut e = d.clone();
        e.android_package_name = "com.example.app".into();
        let body = serde_json::to_value(diff(&d, &e)).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"mobile": {"android": {"app_package_name": "com.example.app"}}})
        );
    }
}
