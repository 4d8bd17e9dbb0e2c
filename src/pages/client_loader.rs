//! Loading the client a route names (`/clients/:id…`), shared by the detail
//! and edit views: skeleton while it loads, a not-found page for 404, the
//! problem with "Try again" for anything else.

use crate::api::{use_api, ApiError};
use crate::components::{ProblemView, RetryOrBack, Skeleton};
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use nexus_domain::NexusClient;

/// An answer, keyed by the client id it was for: the route may move on
/// (back, forward) before the answer comes, and an answer for client A must
/// never render under client B's route.
type Answer = (String, Result<NexusClient, ApiError>);

/// Loads the route's client and renders it with `render(client, replace)`;
/// `replace` swaps in a newer copy (after a rotate, say) without reloading,
/// when it is still the route's client. `on_id_change` runs whenever the
/// route moves to another client.
#[component]
pub fn ClientLoader(
    render: impl Fn(NexusClient, Callback<NexusClient>) -> AnyView + Send + Sync + 'static,
    #[prop(optional)] on_id_change: Option<Callback<()>>,
) -> impl IntoView {
    let t = crate::i18n::t();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let api = use_api();
    // Reloads whenever the route's id changes; "Try again" refetches.
    let load = LocalResource::new(move || {
        let client_id = id.get();
        async move {
            let r = api.get_client(&client_id).await;
            (client_id, r)
        }
    });
    Effect::new(move |_| {
        id.track();
        if let Some(cb) = on_id_change {
            cb.run(());
        }
    });
    let replace = Callback::new(move |c: NexusClient| {
        if let Some(for_id) = c.id.clone() {
            if id.try_get_untracked().as_deref() == Some(for_id.as_str()) {
                load.set(Some((for_id, Ok(c))));
            }
        }
    });
    move || {
        let route_id = id.get();
        // An answer for another id (the route moved on while it was on its
        // way) is nobody's: this route is still loading its own.
        match load.get().filter(|(for_id, _): &Answer| *for_id == route_id) {
            None => view! { <Skeleton label=t.form.loading_client /> }.into_any(),
            Some((_, Err(e))) if e.is_not_found() => {
                let detail = e
                    .problem(t)
                    .detail
                    .unwrap_or_else(|| t.form.no_such_client.into());
                view! { <NotFoundPage message=detail /> }.into_any()
            }
            Some((_, Err(e))) => {
                view! {
                    <ProblemView problem=e.problem(t)>
                        <RetryOrBack retry=Callback::new(move |_| load.refetch()) back=t.form.back_to_list />
                    </ProblemView>
                }
                .into_any()
            }
            Some((_, Ok(client))) => render(client, replace),
        }
    }
}
