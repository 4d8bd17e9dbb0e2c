//! The three PATCH rules of the seed (003), as one function both the console
//! (to enable controls) and the stand-in (to answer 403) use.
//!
//! A client can be written if the caller has `client.write.all`; or has
//! `client.write` and their user id or one of their roles is in `owners`; or
//! has `client.write` and the client's `productName` is one of their products.

use crate::client::NexusClient;
use crate::i18n::Catalog;

/// Permission that lets a caller read clients (assumed name; see the contract).
pub const READ: &str = "client.read";
/// Permission to write clients the caller owns or has in product scope.
pub const WRITE: &str = "client.write";
/// Permission to write every client.
pub const WRITE_ALL: &str = "client.write.all";

/// Who is calling, as far as the console can tell from the credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// Claims read from a JWT.
    Known(Claims),
    /// Basic credentials or an opaque token: the console cannot know, so it
    /// enables controls and explains a 403 when one comes.
    Unknown,
}

/// The claims that matter for the rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    pub user_id: Option<String>,
    /// A display name, when the token carries one.
    pub name: Option<String>,
    pub roles: Vec<String>,
    pub products: Vec<String>,
    pub permissions: Vec<String>,
    /// `exp`, seconds since the epoch.
    pub expires_at: Option<i64>,
}

impl Claims {
    pub fn has(&self, permission: &str) -> bool {
        self.permissions.iter().any(|p| p == permission)
    }

    fn granted(&self, t: &Catalog) -> String {
        quoted_list(t, &self.permissions)
    }
}

/// What the caller wants to do to clients. (Not called `Action`: that name
/// is Leptos' async action, which every view module has in its prelude.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Read,
    Create,
    Edit,
    RotateSecret,
    Delete,
}

impl Operation {
    /// The verb phrase used in reasons ("edit this client").
    pub fn phrase(self, t: &Catalog) -> &'static str {
        match self {
            Operation::Read => t.access.op_read,
            Operation::Create => t.access.op_create,
            Operation::Edit => t.access.op_edit,
            Operation::RotateSecret => t.access.op_rotate,
            Operation::Delete => t.access.op_delete,
        }
    }
}

/// The outcome: allowed, or denied with a reason a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    Denied(String),
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allowed)
    }

    /// The reason, when denied.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Decision::Allowed => None,
            Decision::Denied(r) => Some(r),
        }
    }
}

fn quoted_list(t: &Catalog, items: &[String]) -> String {
    if items.is_empty() {
        t.access.none.into()
    } else {
        items.join(", ")
    }
}

/// Decides whether `caller` may do `operation` (on `client`, for the
/// per-client operations; pass `None` for Read and Create).
pub fn decide(
    t: &Catalog,
    caller: &Caller,
    operation: Operation,
    client: Option<&NexusClient>,
) -> Decision {
    let claims = match caller {
        Caller::Unknown => return Decision::Allowed,
        Caller::Known(c) => c,
    };
    match operation {
        Operation::Read => {
            if claims.has(READ) || claims.has(WRITE) || claims.has(WRITE_ALL) {
                Decision::Allowed
            } else {
                Decision::Denied((t.access.read_needs)(&claims.granted(t)))
            }
        }
        Operation::Create => {
            if claims.has(WRITE) || claims.has(WRITE_ALL) {
                Decision::Allowed
            } else {
                Decision::Denied((t.access.create_needs)(&claims.granted(t)))
            }
        }
        Operation::Edit | Operation::RotateSecret | Operation::Delete => {
            if claims.has(WRITE_ALL) {
                return Decision::Allowed;
            }
            if !claims.has(WRITE) {
                return Decision::Denied((t.access.op_needs)(
                    operation.phrase(t),
                    &claims.granted(t),
                ));
            }
            let owners = client.map_or(&[][..], NexusClient::owners_list);
            let product = client.and_then(|c| c.product_name.as_deref());
            per_client(t, claims, operation, owners, product)
        }
    }
}

/// Whether `caller` may change (edit, rotate, delete) a client with these
/// owners and product: the rule of [`decide`], for a list row, which holds
/// no whole client. An unknown caller is left to the server (true).
pub fn may_change(caller: &Caller, owners: &[String], product: Option<&str>) -> bool {
    match caller {
        Caller::Unknown => true,
        Caller::Known(claims) => {
            claims.has(WRITE_ALL) || (claims.has(WRITE) && in_scope(claims, owners, product))
        }
    }
}

/// Whether a client is in a `client.write` caller's scope: they own it (by
/// user id or role), or its product is one of theirs.
fn in_scope(claims: &Claims, owners: &[String], product: Option<&str>) -> bool {
    let is_owner = owners.iter().any(|o| {
        let o = o.trim();
        claims.user_id.as_deref() == Some(o) || claims.roles.iter().any(|r| r == o)
    });
    let product = product.map(str::trim).filter(|p| !p.is_empty());
    is_owner || product.is_some_and(|p| claims.products.iter().any(|mine| mine == p))
}

/// The per-client rule for a caller with `client.write` (not `.all`), with
/// the reason when it refuses.
fn per_client(
    t: &Catalog,
    claims: &Claims,
    action: Operation,
    owners: &[String],
    product: Option<&str>,
) -> Decision {
    if in_scope(claims, owners, product) {
        return Decision::Allowed;
    }
    let product = product.map(str::trim).filter(|p| !p.is_empty());
    let a = &t.access;
    let roles = claims.roles.join(", ");
    let who = match (&claims.user_id, claims.roles.is_empty()) {
        (Some(u), true) => (a.who_user)(u),
        (Some(u), false) => (a.who_user_roles)(u, &roles),
        (None, false) => (a.who_roles)(&roles),
        (None, true) => a.who_you.into(),
    };
    let product_part = match product {
        Some(p) => (a.product_out)(p, &quoted_list(t, &claims.products)),
        None => a.no_product.into(),
    };
    Decision::Denied((a.not_in_scope)(
        action.phrase(t),
        &who,
        &quoted_list(t, owners),
        &product_part,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    /// The list's check and the detail's decision never disagree.
    #[test]
    fn may_change_agrees_with_decide() {
        let callers = [
            persona("u1", &[], &[], &[WRITE_ALL]),
            persona("u1", &["team"], &["Shop"], &[WRITE]),
            persona("u2", &[], &[], &[WRITE]),
            persona("u3", &[], &[], &[READ]),
            Caller::Unknown,
        ];
        let clients = [
            client(&["u1"], None),
            client(&["team"], Some("Billing")),
            client(&["x"], Some("Shop")),
            client(&[], Some(" Shop ")),
            client(&[], None),
        ];
        for caller in &callers {
            for c in &clients {
                for action in [Operation::Edit, Operation::RotateSecret, Operation::Delete] {
                    assert_eq!(
                        may_change(caller, c.owners_list(), c.product_name.as_deref()),
                        decide(&EN, caller, action, Some(c)).is_allowed(),
                        "{caller:?} {c:?} {action:?}"
                    );
                }
            }
        }
    }

    fn persona(user: &str, roles: &[&str], products: &[&str], perms: &[&str]) -> Caller {
        Caller::Known(Claims {
            user_id: Some(user.into()),
            roles: roles.iter().map(|s| s.to_string()).collect(),
            products: products.iter().map(|s| s.to_string()).collect(),
            permissions: perms.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        })
    }

    fn client(owners: &[&str], product: Option<&str>) -> NexusClient {
        NexusClient {
            owners: Some(owners.iter().map(|s| s.to_string()).collect()),
            product_name: product.map(String::from),
            ..Default::default()
        }
    }

    #[test]
    fn the_three_rules_as_a_table() {
        let admin = persona("admin", &[], &[], &["client.read", "client.write.all"]);
        let owner = persona(
            "po-1",
            &["team-shop"],
            &["Shop"],
            &["client.read", "client.write"],
        );
        let viewer = persona("viewer", &["team-shop"], &["Shop"], &["client.read"]);
        let owned_by_user = client(&["po-1"], Some("Billing"));
        let owned_by_role = client(&["team-shop"], None);
        let in_product = client(&["someone"], Some("Shop"));
        let foreign = client(&["someone"], Some("Billing"));
        let bare = NexusClient::default();
        let table = [
            (&admin, &owned_by_user, true),
            (&admin, &foreign, true),
            (&admin, &bare, true),
            (&owner, &owned_by_user, true),
            (&owner, &owned_by_role, true),
            (&owner, &in_product, true),
            (&owner, &foreign, false),
            (&owner, &bare, false),
            (&viewer, &owned_by_user, false),
            (&viewer, &in_product, false),
            (&viewer, &bare, false),
        ];
        for operation in [Operation::Edit, Operation::RotateSecret, Operation::Delete] {
            for (i, (who, c, want)) in table.iter().enumerate() {
                assert_eq!(
                    decide(&EN, who, operation, Some(c)).is_allowed(),
                    *want,
                    "row {i} {operation:?}"
                );
            }
        }
        assert!(decide(&EN, &admin, Operation::Create, None).is_allowed());
        assert!(decide(&EN, &owner, Operation::Create, None).is_allowed());
        assert!(!decide(&EN, &viewer, Operation::Create, None).is_allowed());
        assert!(decide(&EN, &viewer, Operation::Read, None).is_allowed());
        assert!(decide(&EN, &Caller::Unknown, Operation::Delete, Some(&foreign)).is_allowed());
    }

    #[test]
    fn reasons_name_what_is_missing() {
        let viewer = persona("viewer", &[], &[], &["client.read"]);
        let r = decide(&EN, &viewer, Operation::Create, None);
        assert!(r.reason().unwrap().contains("client.write"), "{r:?}");
        let owner = persona("po-1", &["team-shop"], &["Shop"], &["client.write"]);
        let r = decide(
            &EN,
            &owner,
            Operation::Edit,
            Some(&client(&["bob"], Some("Billing"))),
        );
        let reason = r.reason().unwrap();
        assert!(reason.contains("owners (bob)"), "{reason}");
        assert!(
            reason.contains("Billing") && reason.contains("Shop"),
            "{reason}"
        );
    }

    #[test]
    fn owner_match_is_exact_and_trimmed() {
        let owner = persona("po-1", &[], &[], &["client.write"]);
        assert!(decide(
            &EN,
            &owner,
            Operation::Edit,
            Some(&client(&[" po-1 "], None))
        )
        .is_allowed());
        assert!(!decide(&EN, &owner, Operation::Edit, Some(&client(&["PO-1"], None))).is_allowed());
    }
}
