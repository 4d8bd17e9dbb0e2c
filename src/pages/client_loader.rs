//! Loading the client a route names (`/clients/:id…`), shared by the detail
//! and edit views: skeleton while it loads, a not-found page for 404, the
//! problem with "Try again" for anything else.

use crate::api::{use_api, ApiError};
use crate::components::{ProblemView, Skeleton};
use crate::pages::NotFoundPage;
use crate::routes::{href, path};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use nexus_domain::NexusClient;

#[derive(Clone)]
enum Load {
    Loading,
    // Boxed: a client is large next to the other variants.
    Ready(Box<NexusClient>),
    Failed(ApiError),
}

/// Loads the route's client and renders it with `render(client, replace)`;
/// `replace` swaps in a newer copy (after a rotate, say) without reloading.
/// `on_id_change` runs whenever the route moves to another client.
#[component]
pub fn ClientLoader(
    render: impl Fn(NexusClient, Callback<NexusClient>) -> AnyView + Send + Sync + 'static,
    #[prop(optional)] on_id_change: Option<Callback<()>>,
) -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let api = use_api();
    let load = RwSignal::new(Load::Loading);
    let fetch = move |client_id: String| {
        load.set(Load::Loading);
        let api = api.clone();
        spawn_local(async move {
            let r = api.get_client(&client_id).await;
            load.try_set(match r {
                Ok(c) => Load::Ready(Box::new(c)),
                Err(e) => Load::Failed(e),
            });
        });
    };
    let first = fetch.clone();
    Effect::new(move |_| {
        if let Some(cb) = on_id_change {
            cb.run(());
        }
        first(id.get())
    });
    let replace = Callback::new(move |c: NexusClient| load.set(Load::Ready(Box::new(c))));
    move || match load.get() {
        Load::Loading => view! { <Skeleton label="Loading the client\u{2026}" /> }.into_any(),
        Load::Failed(e) if e.is_not_found() => {
            let detail = e
                .problem()
                .detail
                .unwrap_or_else(|| "This client does not exist, or was deleted.".into());
            view! { <NotFoundPage message=detail /> }.into_any()
        }
        Load::Failed(e) => {
            let again = fetch.clone();
            view! {
                <ProblemView problem=e.problem()>
                    <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| again(id.get_untracked())>
                        "Try again"
                    </button>
                    " "
                    <a class="ncc-btn ncc-btn--ghost" href=href(path::LIST)>"Back to the list"</a>
                </ProblemView>
            }
            .into_any()
        }
        Load::Ready(client) => render(*client, replace),
    }
}
