//! The pages after the list (detail, edit, create), each in a wasm chunk of
//! its own fetched on the first visit (crate::chunks).

use crate::chunks::{split_fn, ChunkError};
use crate::components::{ProblemView, RetryOrBack, Splash};
use crate::pages::{ClientDetailPage, CreateClientPage, EditClientPage};
use leptos::prelude::*;
use nexus_domain::ProblemDetails;

/// Builds one page's view. In a split build it points into the chunk.
pub type PageView = fn() -> AnyView;

split_fn!(
    client_detail,
    fn detail_page() -> PageView {
        || view! { <ClientDetailPage /> }.into_any()
    }
);
split_fn!(
    client_edit,
    fn edit_page() -> PageView {
        || view! { <EditClientPage /> }.into_any()
    }
);
split_fn!(
    client_create,
    fn create_page() -> PageView {
        || view! { <CreateClientPage /> }.into_any()
    }
);
/// `/clients/:id`, its code fetched on the first visit.
#[component]
pub fn SplitDetailPage() -> impl IntoView {
    chunk_view(LocalResource::new(detail_page))
}

/// `/clients/:id/edit`, its code fetched on the first visit.
#[component]
pub fn SplitEditPage() -> impl IntoView {
    chunk_view(LocalResource::new(edit_page))
}

/// `/clients/new`, its code fetched on the first visit.
#[component]
pub fn SplitCreatePage() -> impl IntoView {
    chunk_view(LocalResource::new(create_page))
}

/// The page once its chunk is in; a status while it loads; the reason and
/// "Try again" when it could not load (a later try fetches afresh).
fn chunk_view(chunk: LocalResource<Result<PageView, ChunkError>>) -> impl IntoView {
    let t = crate::i18n::t();
    move || match chunk.get() {
        None => view! { <Splash label=t.shell.loading_page /> }.into_any(),
        Some(Ok(page)) => page(),
        Some(Err(ChunkError)) => {
            let problem = ProblemDetails {
                title: Some(t.shell.page_load_failed.into()),
                detail: Some(t.shell.page_load_failed_detail.into()),
                ..ProblemDetails::default()
            };
            view! {
                <h1 class="ncc-visually-hidden">{t.shell.page_load_failed}</h1>
                <ProblemView problem=problem>
                    <RetryOrBack retry=Callback::new(move |_| chunk.refetch()) back=t.shell.back_to_list />
                </ProblemView>
            }
            .into_any()
        }
    }
}
