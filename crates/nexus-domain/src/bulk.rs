//! Many clients at once: the list's selection, the plan of a bulk action
//! (which selected clients are attempted, which are skipped and why, by the
//! rule of [`decide`]), the owners PATCH each attempted client gets, an
//! imported list of clients, and the per-client results.
//!
//! The owners PATCH is computed from the owners the list row carries
//! ([`ClientSummary::owners`], read with the list just before): one PATCH per
//! client and no GET first, so 1,000 clients cost 1,000 requests, not 2,000.
//! A change made to a client's owners elsewhere between the list's load and
//! the bulk run is overwritten; the list is reloaded after every run.

use crate::client::NexusClient;
use crate::create::CreateClientRequest;
use crate::i18n::Catalog;
use crate::import::draft_from_map;
use crate::list::ClientSummary;
use crate::permissions::{decide, Caller, Operation};
use crate::problem::ProblemDetails;
use crate::update::UpdateClientRequest;
use crate::validation::{validate_create, validate_update, Issue};
use serde_json::Value;
use std::collections::HashSet;

/// The clients ticked in the list, by id: kept across paging, sorting,
/// searching and filtering (the id, not the row, is selected). A client
/// with no id cannot be acted on and is never selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: HashSet<String>,
}

/// A client's id when it can be selected (present and not blank).
pub fn selectable_id(c: &ClientSummary) -> Option<&str> {
    c.id.as_deref().filter(|id| !id.trim().is_empty())
}

impl Selection {
    /// How many clients are selected.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether the client with this id is selected.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Selects or unselects one client.
    pub fn set(&mut self, id: &str, on: bool) {
        if on {
            self.ids.insert(id.to_string());
        } else {
            self.ids.remove(id);
        }
    }

    /// Selects every one of `clients` (the page, or every match).
    pub fn select<'a>(&mut self, clients: impl IntoIterator<Item = &'a ClientSummary>) {
        self.ids.extend(
            clients
                .into_iter()
                .filter_map(selectable_id)
                .map(String::from),
        );
    }

    /// Unselects every one of `clients`.
    pub fn unselect<'a>(&mut self, clients: impl IntoIterator<Item = &'a ClientSummary>) {
        for id in clients.into_iter().filter_map(selectable_id) {
            self.ids.remove(id);
        }
    }

    /// How many of `clients` are selected, and how many could be (for the
    /// page's "select all" box: checked, unchecked or mixed).
    pub fn count_in<'a>(
        &self,
        clients: impl IntoIterator<Item = &'a ClientSummary>,
    ) -> (usize, usize) {
        clients
            .into_iter()
            .filter_map(selectable_id)
            .fold((0, 0), |(on, all), id| {
                (on + usize::from(self.ids.contains(id)), all + 1)
            })
    }

    /// Unselects everything.
    pub fn clear(&mut self) {
        self.ids.clear();
    }

    /// Keeps only the clients still listed (after a reload, a deleted client
    /// leaves the selection).
    pub fn retain_listed(&mut self, clients: &[ClientSummary]) {
        let listed: HashSet<&str> = clients.iter().filter_map(selectable_id).collect();
        self.ids.retain(|id| listed.contains(id.as_str()));
    }

    /// The selected clients among `clients`, in their order.
    pub fn of<'a>(
        &'a self,
        clients: &'a [ClientSummary],
    ) -> impl Iterator<Item = &'a ClientSummary> {
        clients
            .iter()
            .filter(|c| selectable_id(c).is_some_and(|id| self.ids.contains(id)))
    }
}

/// What a bulk action does to each selected client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkAction {
    /// Delete the client.
    Delete,
    /// Add this owner (a user id or role) to the client's owners.
    AddOwner(String),
    /// Remove this owner from the client's owners.
    RemoveOwner(String),
}

impl BulkAction {
    /// The permission the action needs on each client.
    pub fn operation(&self) -> Operation {
        match self {
            BulkAction::Delete => Operation::Delete,
            BulkAction::AddOwner(_) | BulkAction::RemoveOwner(_) => Operation::Edit,
        }
    }

    /// The PATCH for a client with these owners: only `owners`, the whole
    /// new list. `Ok(None)` for a delete; `Err` when nothing would change
    /// (the client is skipped with that reason).
    pub fn patch(
        &self,
        t: &Catalog,
        current: &[String],
    ) -> Result<Option<UpdateClientRequest>, String> {
        let has = |o: &str| current.iter().any(|c| c.trim() == o);
        let owners = match self {
            BulkAction::Delete => return Ok(None),
            BulkAction::AddOwner(o) if has(o) => return Err((t.bulk.already_owner)(o)),
            BulkAction::RemoveOwner(o) if !has(o) => return Err((t.bulk.not_owner)(o)),
            BulkAction::AddOwner(o) => current
                .iter()
                .cloned()
                .chain(std::iter::once(o.clone()))
                .collect(),
            BulkAction::RemoveOwner(o) => {
                current.iter().filter(|c| c.trim() != o).cloned().collect()
            }
        };
        Ok(Some(UpdateClientRequest {
            owners: Some(owners),
            ..Default::default()
        }))
    }
}

/// The owner typed for an add or remove, trimmed, or why it cannot be one
/// (the update's own owner rule).
pub fn owner_input(t: &Catalog, raw: &str) -> Result<String, String> {
    let owner = raw.trim().to_string();
    let probe = UpdateClientRequest {
        owners: Some(vec![owner.clone()]),
        ..Default::default()
    };
    match validate_update(t, &probe).into_iter().next() {
        Some(issue) => Err(issue.message),
        None => Ok(owner),
    }
}

/// One client a bulk action will send a request for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub name: String,
    /// The PATCH body (owners only); `None` for a delete.
    pub patch: Option<UpdateClientRequest>,
}

/// Which selected clients are attempted and which are skipped, with why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub attempt: Vec<Target>,
    /// (client, why it is skipped): [`decide`]'s reason, or that nothing
    /// would change.
    pub skipped: Vec<BulkItem>,
    /// How many of the skipped the caller may not change (the rest would
    /// not change).
    pub denied: usize,
}

/// Plans `action` over the selected clients: a client the caller may not
/// change ([`decide`] on the client as the list row describes it) or that
/// would not change is skipped, never requested.
pub fn plan<'a>(
    t: &Catalog,
    caller: &Caller,
    action: &BulkAction,
    selected: impl IntoIterator<Item = &'a ClientSummary>,
) -> Plan {
    let mut out = Plan::default();
    for c in selected {
        let Some(id) = selectable_id(c) else { continue };
        let owners = c.owners.clone().unwrap_or_default();
        let as_client = NexusClient {
            id: c.id.clone(),
            owners: Some(owners.clone()),
            product_name: c.product_name.clone(),
            ..Default::default()
        };
        let why = match decide(t, caller, action.operation(), Some(&as_client)) {
            crate::Decision::Denied(reason) => {
                out.denied += 1;
                Err(reason)
            }
            crate::Decision::Allowed => action.patch(t, &owners),
        };
        match why {
            Ok(patch) => out.attempt.push(Target {
                id: id.to_string(),
                name: c.display_name().to_string(),
                patch,
            }),
            Err(reason) => out.skipped.push(BulkItem {
                id: Some(id.to_string()),
                name: c.display_name().to_string(),
                outcome: Outcome::Skipped(reason),
                secret: None,
            }),
        }
    }
    out
}

/// How one client of a bulk run ended (or where it stands).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not sent yet.
    Waiting,
    /// The server did it.
    Done,
    /// Not attempted, and why.
    Skipped(String),
    /// The server (or the network) refused: the problem, with its trace id.
    Failed(Box<ProblemDetails>),
    /// Not sent: the run was cancelled first.
    Cancelled,
}

/// One client of a bulk run or list import.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkItem {
    /// The client's id (for an import: once created).
    pub id: Option<String>,
    pub name: String,
    pub outcome: Outcome,
    /// A created confidential client's secret, shown once.
    pub secret: Option<String>,
}

/// The counts of a run, for its progress bar and status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Clients requested (the skipped are not).
    pub attempted: usize,
    pub done: usize,
    pub failed: usize,
    pub skipped: usize,
    pub cancelled: usize,
}

impl Tally {
    /// Counts `items`.
    pub fn of(items: &[BulkItem]) -> Self {
        let mut t = Tally::default();
        for i in items {
            match i.outcome {
                Outcome::Waiting => t.attempted += 1,
                Outcome::Done => {
                    t.attempted += 1;
                    t.done += 1
                }
                Outcome::Failed(_) => {
                    t.attempted += 1;
                    t.failed += 1
                }
                Outcome::Cancelled => {
                    t.attempted += 1;
                    t.cancelled += 1
                }
                Outcome::Skipped(_) => t.skipped += 1,
            }
        }
        t
    }

    /// Requests answered (done or failed): the progress bar's value.
    pub fn finished(&self) -> usize {
        self.done + self.failed
    }

    /// "312 of 1,000 done, 2 failed, 5 skipped".
    pub fn phrase(&self, t: &Catalog) -> String {
        let b = &t.bulk;
        let mut s = (b.done_of)(&t.num(self.done), &t.num(self.attempted));
        for (n, what) in [
            (self.failed, b.failed),
            (self.cancelled, b.cancelled),
            (self.skipped, b.skipped),
        ] {
            if n > 0 {
                s.push_str(", ");
                s.push_str(&what(&t.num(n)));
            }
        }
        s
    }
}

/// One client of an imported list: its name (or its place in the list),
/// and the create body, or why it is not sent (its validation messages).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportItem {
    pub name: String,
    pub request: Result<CreateClientRequest, String>,
}

/// Reads a list of client JSONs (a JSON array, or an object wrapping one as
/// a list answer does) into create bodies, each mapped as the single import
/// maps one ([`crate::import`]) and checked with [`validate_create`].
pub fn import_list(t: &Catalog, text: &str) -> Result<Vec<ImportItem>, String> {
    let value = crate::import::parse_json(t, text)?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut map) => {
            match crate::list::LIST_KEYS
                .iter()
                .find_map(|k| match map.remove(*k) {
                    Some(Value::Array(items)) => Some(items),
                    _ => None,
                }) {
                Some(items) => items,
                None => return Err(t.import.one_not_list.into()),
            }
        }
        _ => return Err(t.import.not_a_list.into()),
    };
    if items.is_empty() {
        return Err(t.import.empty.into());
    }
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let place = (t.import.item)(i + 1);
            let Value::Object(map) = item else {
                return ImportItem {
                    name: place,
                    request: Err(t.import.not_object.into()),
                };
            };
            let req = draft_from_map(map).draft.to_request();
            let name = if req.name.is_empty() {
                place
            } else {
                req.name.clone()
            };
            let issues = validate_create(t, &req);
            ImportItem {
                name,
                request: if issues.is_empty() {
                    Ok(req)
                } else {
                    Err(issues_text(t, &issues))
                },
            }
        })
        .collect())
}

/// Validation issues as one line: "Name: …; Application type: …".
fn issues_text(t: &Catalog, issues: &[Issue]) -> String {
    issues
        .iter()
        .map(|i| format!("{}: {}", i.field.label(t), i.message))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use crate::permissions::{Claims, WRITE, WRITE_ALL};

    fn row(id: &str, owners: &[&str], product: Option<&str>) -> ClientSummary {
        ClientSummary {
            id: Some(id.into()),
            name: Some(format!("Client {id}")),
            owners: Some(owners.iter().map(|s| s.to_string()).collect()),
            product_name: product.map(String::from),
            ..Default::default()
        }
    }

    fn caller(perms: &[&str]) -> Caller {
        Caller::Known(Claims {
            user_id: Some("po-1".into()),
            roles: vec!["team-shop".into()],
            products: vec!["Shop".into()],
            permissions: perms.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        })
    }

    #[test]
    fn the_selection_is_by_id_and_survives_any_view_of_the_list() {
        let all: Vec<_> = (0..10).map(|i| row(&format!("c{i}"), &[], None)).collect();
        let mut s = Selection::default();
        s.select(&all[0..3]); // the first page
        s.set("c7", true); // one on another page
        assert_eq!(s.len(), 4);
        // Another order (a sort) and another page: the same clients stay selected.
        let reversed: Vec<_> = all.iter().rev().cloned().collect();
        assert_eq!(s.count_in(&reversed[0..5]), (1, 5));
        let ids: Vec<_> = s.of(&reversed).filter_map(|c| c.id.clone()).collect();
        assert_eq!(ids, vec!["c7", "c2", "c1", "c0"]);
        s.unselect(&all[0..2]);
        assert_eq!(s.len(), 2);
        // A client without an id cannot be selected.
        let no_id = ClientSummary::default();
        s.select([&no_id]);
        assert_eq!(s.count_in([&no_id]), (0, 0));
        // A reload without c7 (deleted) drops it.
        s.retain_listed(&all[0..5]);
        assert_eq!(
            (s.len(), s.contains("c2"), s.contains("c7")),
            (1, true, false)
        );
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn the_plan_skips_with_decides_reasons_and_sends_only_owners() {
        let rows = [
            row("mine", &["po-1"], Some("Billing")),
            row("shop", &["bob"], Some("Shop")),
            row("foreign", &["bob"], Some("Billing")),
            row("has-it", &["alice"], Some("Shop")),
        ];
        let add = BulkAction::AddOwner("alice".into());
        let p = plan(&EN, &caller(&[WRITE]), &add, &rows);
        let ids: Vec<_> = p.attempt.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, vec!["mine", "shop"]);
        assert_eq!(
            serde_json::to_string(&p.attempt[0].patch).unwrap(),
            r#"{"owners":["po-1","alice"]}"#
        );
        assert_eq!(p.skipped.len(), 2);
        assert_eq!(p.denied, 1);
        let foreign = NexusClient {
            owners: Some(vec!["bob".into()]),
            product_name: Some("Billing".into()),
            ..Default::default()
        };
        let want = decide(&EN, &caller(&[WRITE]), Operation::Edit, Some(&foreign));
        assert_eq!(
            p.skipped[0].outcome,
            Outcome::Skipped(want.reason().unwrap().to_string())
        );
        assert_eq!(
            p.skipped[1].outcome,
            Outcome::Skipped("\u{201c}alice\u{201d} is already an owner.".into())
        );
        // A viewer is skipped everywhere; an admin nowhere; delete needs delete.
        assert_eq!(
            plan(&EN, &caller(&["client.read"]), &add, &rows)
                .attempt
                .len(),
            0
        );
        let admin = plan(&EN, &caller(&[WRITE_ALL]), &BulkAction::Delete, &rows);
        assert_eq!((admin.attempt.len(), admin.skipped.len()), (4, 0));
        assert_eq!(admin.attempt[0].patch, None);
        let unknown = plan(&EN, &Caller::Unknown, &BulkAction::Delete, &rows);
        assert_eq!(unknown.attempt.len(), 4, "the server decides");
    }

    #[test]
    fn owners_are_added_and_removed_whole() {
        let current = vec!["a".to_string(), " b ".to_string()];
        let add = BulkAction::AddOwner("c".into())
            .patch(&EN, &current)
            .unwrap();
        assert_eq!(
            add.unwrap().owners,
            Some(vec!["a".into(), " b ".into(), "c".into()])
        );
        let remove = BulkAction::RemoveOwner("b".into())
            .patch(&EN, &current)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&remove).unwrap(),
            r#"{"owners":["a"]}"#
        );
        assert!(BulkAction::RemoveOwner("z".into())
            .patch(&EN, &current)
            .is_err());
        assert!(BulkAction::AddOwner("a".into())
            .patch(&EN, &current)
            .is_err());
        assert_eq!(BulkAction::Delete.patch(&EN, &current), Ok(None));
        assert_eq!(owner_input(&EN, "  team-x "), Ok("team-x".into()));
        assert!(owner_input(&EN, "   ").is_err());
        assert!(owner_input(&EN, "a,b").unwrap_err().contains("comma"));
    }

    #[test]
    fn the_tally_says_what_happened() {
        let item = |outcome| BulkItem {
            id: None,
            name: String::new(),
            outcome,
            secret: None,
        };
        let mut items: Vec<_> = (0..1000).map(|_| item(Outcome::Waiting)).collect();
        for i in items.iter_mut().take(312) {
            i.outcome = Outcome::Done;
        }
        items[999].outcome = Outcome::Failed(Box::new(ProblemDetails::local("x", "y")));
        items[998].outcome = Outcome::Failed(Box::new(ProblemDetails::local("x", "y")));
        items.push(item(Outcome::Skipped("why".into())));
        let t = Tally::of(&items);
        assert_eq!(t.phrase(&EN), "312 of 1,000 done, 2 failed, 1 skipped");
        assert_eq!(t.finished(), 314);
        items[500].outcome = Outcome::Cancelled;
        assert!(Tally::of(&items)
            .phrase(&EN)
            .contains("1 not started (cancelled)"));
    }

    #[test]
    fn a_list_imports_item_by_item_and_an_invalid_item_says_why() {
        let text = r#"[
            {"id":"old","name":"Shop Web","type":"regular_web","owners":["alice"],
             "callbackUrls":["https://shop.example.com/cb"],"secret":"s"},
            {"name":"Billing SPA","app_type":"spa","callbacks":["https://b.example.com/cb"]},
            {"name":"<bad>","type":"spa"},
            {"type":"non_interactive"},
            7
        ]"#;
        let items = import_list(&EN, text).unwrap();
        assert_eq!(items.len(), 5);
        let first = items[0].request.as_ref().unwrap();
        assert_eq!(
            (first.name.as_str(), first.app_type.as_str()),
            ("Shop Web", "regular_web")
        );
        assert_eq!(
            first
                .client_metadata
                .as_ref()
                .and_then(|m| m.owners.as_deref()),
            Some("alice")
        );
        let body = serde_json::to_string(first).unwrap();
        assert!(
            !body.contains("\"old\"") && !body.contains("secret"),
            "{body}"
        );
        assert_eq!(items[1].request.as_ref().unwrap().app_type, "spa");
        assert_eq!(items[2].name, "<bad>");
        assert!(items[2].request.as_ref().unwrap_err().starts_with("Name: "));
        assert_eq!(items[3].name, "Item 4");
        assert!(items[3].request.as_ref().unwrap_err().contains("Name"));
        assert_eq!(
            items[4].request,
            Err("Not a client: expected an object.".into())
        );
        // A wrapped list reads as a list; one client or nothing does not.
        assert_eq!(
            import_list(&EN, r#"{"items":[{"name":"a"}]}"#)
                .unwrap()
                .len(),
            1
        );
        assert!(import_list(&EN, r#"{"name":"a"}"#)
            .unwrap_err()
            .contains("one client"));
        assert!(import_list(&EN, "[]").is_err());
        assert!(import_list(&EN, "[")
            .unwrap_err()
            .starts_with("This is not valid JSON"));
    }
}
