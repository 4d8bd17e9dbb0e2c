//! The edit form's draft and `diff(original, draft)`: an update body with
//! only the fields the user changed, and the same changes as review rows.

use crate::client::NexusClient;
use crate::create::list;
use crate::field::{Field, FieldSlots};
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

field_slots!(EditDraft {
    text: [
        ProductName => product_name,
        ApplicationName => application_name,
        ClientUpnKey => client_upn_key,
        IosTeamId => ios_team_id,
        IosBundleId => ios_bundle_id,
        AndroidKeystoreHash => android_keystore_hash,
        AndroidPackageName => android_package_name,
    ],
    list: [
        Owners => owners,
        CallbackUrls => callback_urls,
        LogoutUrls => logout_urls,
        WebOrigins => web_origins,
        CorsOrigins => cors_origins,
    ]
});

impl EditDraft {
    /// The draft that starts from a client as the server has it: every
    /// editable field, read through the registry.
    pub fn from_client(c: &NexusClient) -> Self {
        let mut d = EditDraft::default();
        for f in Field::ALL {
            if let (Some(slot), Some(v)) = (d.text_mut(f), c.text(f)) {
                *slot = v.to_string();
            }
            if let (Some(slot), Some(v)) = (d.list_mut(f), c.list(f)) {
                slot.clone_from(v);
            }
        }
        d
    }
}

/// An editable field's value before and after, as it would be sent
/// (trimmed), when the two differ.
enum Edited {
    Text(String, String),
    List(Vec<String>, Vec<String>),
}

/// The editable fields whose value changed, in form order.
fn edited(original: &EditDraft, draft: &EditDraft) -> Vec<(Field, Edited)> {
    let trimmed = |d: &EditDraft, f| d.text(f).map(|s| s.trim().to_string());
    Field::for_edit()
        .into_iter()
        .filter_map(|f| {
            let e = match (original.list(f), draft.list(f)) {
                (Some(old), Some(new)) => Edited::List(list(old), list(new)),
                _ => Edited::Text(trimmed(original, f)?, trimmed(draft, f)?),
            };
            let changed = match &e {
                Edited::Text(old, new) => old != new,
                Edited::List(old, new) => old != new,
            };
            changed.then_some((f, e))
        })
        .collect()
}

/// The update body for `draft` against `original`: only changed fields,
/// each in its own key of the body (the registry's slot for it).
/// A cleared text is sent as "" and a cleared list as [], since absent means
/// "unchanged". Of mobile, only the changed values are sent.
pub fn diff(original: &EditDraft, draft: &EditDraft) -> UpdateClientRequest {
    let mut req = UpdateClientRequest::default();
    for (field, e) in edited(original, draft) {
        match e {
            Edited::List(_, new) => {
                if let Some(slot) = req.list_slot(field) {
                    *slot = Some(new);
                }
            }
            Edited::Text(_, new) => {
                if let Some(slot) = req.text_slot(field) {
                    *slot = Some(new);
                }
            }
        }
    }
    req
}

/// The changes as review rows, in form order.
pub fn changes(original: &EditDraft, draft: &EditDraft) -> Vec<Change> {
    edited(original, draft)
        .into_iter()
        .map(|(field, e)| match e {
            Edited::List(old, new) => Change {
                field,
                old: old.join("\n"),
                new: new.join("\n"),
                items: item_changes(&old, &new),
            },
            Edited::Text(old, new) => Change {
                field,
                old,
                new,
                items: Vec::new(),
            },
        })
        .collect()
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

    /// A draft with every editable field set to a value of its own.
    fn every_field_changed() -> EditDraft {
        let mut d = EditDraft::default();
        for f in Field::for_edit() {
            let v = format!("https://{}.example.com", f.key());
            if let Some(slot) = d.list_mut(f) {
                *slot = vec![v];
            } else if let Some(slot) = d.text_mut(f) {
                *slot = v;
            } else {
                panic!("{f:?} is editable but the edit draft has no slot for it");
            }
        }
        d
    }

    /// Each list field, changed alone, is sent in its own key and nowhere else.
    fn assert_list_field_diffs_into_its_own_key(field: Field) {
        assert!(field.editable(), "{field:?}");
        let d = EditDraft::default();
        let mut e = d.clone();
        *e.list_mut(field).expect("a list slot") = vec!["https://x.example.com".into()];
        let body = serde_json::to_value(diff(&d, &e)).unwrap();
        let key = field.wire_key(crate::field::Body::Update);
        assert_eq!(
            body,
            serde_json::json!({ key: ["https://x.example.com"] }),
            "{field:?}"
        );
        let rows = changes(&d, &e);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].field, field);
    }

    /// A test per list field, each failing on its own.
    macro_rules! diffs_into_its_own_key {
        ($($name:ident: $field:expr;)*) => {
            $(
                #[test]
                fn $name() {
                    assert_list_field_diffs_into_its_own_key($field);
                }
            )*
        };
    }

    diffs_into_its_own_key! {
        owners_diff_into_owners: Field::Owners;
        callback_urls_diff_into_callback_urls: Field::CallbackUrls;
        logout_urls_diff_into_logout_urls: Field::LogoutUrls;
        web_origins_diff_into_web_origins: Field::WebOrigins;
        cors_origins_diff_into_cors_origins: Field::CorsOrigins;
    }

    #[test]
    fn every_list_field_is_covered_and_nothing_else_lands_anywhere_else() {
        // The five tests above are every editable list field.
        let lists: Vec<Field> = Field::for_edit()
            .into_iter()
            .filter(|f| f.kind() == crate::field::Kind::List)
            .collect();
        assert_eq!(
            lists,
            vec![
                Field::CallbackUrls,
                Field::LogoutUrls,
                Field::WebOrigins,
                Field::CorsOrigins,
                Field::Owners
            ]
        );
        // Every editable field, changed, is sent under its own wire key:
        // as many keys (mobile: paths) in the body as fields changed.
        let d = EditDraft::default();
        let e = every_field_changed();
        let body = serde_json::to_value(diff(&d, &e)).unwrap();
        for f in Field::for_edit() {
            let path: Vec<&str> = f.wire_key(crate::field::Body::Update).split('.').collect();
            let mut at = &body;
            for p in &path {
                at = &at[p];
            }
            let want = format!("https://{}.example.com", f.key());
            let got = at.as_str().or_else(|| at[0].as_str());
            assert_eq!(got, Some(want.as_str()), "{f:?}");
        }
        assert_eq!(changes(&d, &e).len(), Field::for_edit().len());
        // A field the update cannot change has no slot to land in.
        let mut req = UpdateClientRequest::default();
        for f in Field::ALL.into_iter().filter(|f| !f.editable()) {
            assert!(
                req.list_slot(f).is_none() && req.text_slot(f).is_none(),
                "{f:?}"
            );
        }
    }
}
