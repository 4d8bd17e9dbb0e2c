//! Loading the client a route names (`/clients/:id…`), shared by the detail
//! and edit views: skeleton while it loads, a not-found page for 404, the
//! problem with "Try again" for anything else.

use crate::api::{use_api, ApiError};
use crate::components::{ProblemView, Skeleton};
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use nexus_domain::NexusClient;

/// A load, keyed by the client id it was for: the route may move on (back,
/// forward) before the answer comes, and an answer for client A must never
/// render under client B's route.
#[derive(Clone)]
enum Load {
    Loading,
    // Boxed: a client is large next to the other variants.
    Ready(String, Box<NexusClient>),
    Failed(String, ApiError),
}

impl Load {
    /// The load as the route `id` sees it: a result for another id is not
    /// this route's, which is still loading its own.
    fn for_route(self, id: &str) -> Load {
        match &self {
            Load::Ready(for_id, _) | Load::Failed(for_id, _) if for_id != id => Load::Loading,
            _ => self,
        }
    }
}

/// Loads the route's client and renders it with `render(client, replace)`;
/// `replace` swaps in a newer copy (after a rotate, say) without reloading,
/// when it is still the route's client. `on_id_change` runs whenever the
/// route moves to another client.
#[component]
pub fn ClientLoader(
    render: impl Fn(NexusClient, Callback<NexusClient>) -> AnyView + Send + Sync + 'static,
    #[prop(optional)] on_id_change: Option<Callback<()>>,
) -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let api = use_api();
    let load = RwSignal::new(Load::Loading);
    // Whether `client_id` is still the route's (false once the view is gone).
    let current = move |client_id: &str| id.try_get_untracked().as_deref() == Some(client_id);
    let fetch = move |client_id: String| {
        load.set(Load::Loading);
        spawn_local(async move {
            let r = api.get_client(&client_id).await;
            if !current(&client_id) {
                return; // the route moved on: this answer is nobody's now
            }
            load.try_set(match r {
                Ok(c) => Load::Ready(client_id, Box::new(c)),
                Err(e) => Load::Failed(client_id, e),
            });
        });
    };
    Effect::new(move |_| {
        if let Some(cb) = on_id_change {
            cb.run(());
        }
        fetch(id.get())
    });
    let replace = Callback::new(move |c: NexusClient| {
        if let Some(for_id) = c.id.clone().filter(|i| current(i)) {
            load.set(Load::Ready(for_id, Box::new(c)));
        }
    });
    move || {
        let route_id = id.get();
        match load.get().for_route(&route_id) {
            Load::Loading => view! { <Skeleton label="Loading the client\u{2026}" /> }.into_any(),
            Load::Failed(_, e) if e.is_not_found() => {
                let detail = e
                    .problem()
                    .detail
                    .unwrap_or_else(|| "This client does not exist, or was deleted.".into());
                view! { <NotFoundPage message=detail /> }.into_any()
            }
            Load::Failed(_, e) => {
                view! {
                    <ProblemView problem=e.problem()>
                        <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| fetch(id.get_untracked())>
                            "Try again"
                        </button>
                        " "
                        <a class="ncc-btn ncc-btn--ghost" href=crate::routes::list_href()>"Back to the list"</a>
                    </ProblemView>
                }
                .into_any()
            }
            Load::Ready(_, client) => render(*client, replace),
        }
    }
}
