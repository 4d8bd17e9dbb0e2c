//! The pages after the list (detail, edit, create), each in a wasm chunk of
//! its own fetched on the first visit (crate::chunks).

use crate::chunks::{split_fn, ChunkError};
use crate::components::chunk_view;
use crate::pages::{ClientDetailPage, CreateClientPage, EditClientPage};
use leptos::prelude::*;

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
    page_from_chunk(LocalResource::new(detail_page))
}

/// `/clients/:id/edit`, its code fetched on the first visit.
#[component]
pub fn SplitEditPage() -> impl IntoView {
    page_from_chunk(LocalResource::new(edit_page))
}

/// `/clients/new`, its code fetched on the first visit.
#[component]
pub fn SplitCreatePage() -> impl IntoView {
    page_from_chunk(LocalResource::new(create_page))
}

/// A page whose view comes from `chunk`: the page's loading and failure
/// texts, and the way back to the list.
fn page_from_chunk(chunk: LocalResource<Result<PageView, ChunkError>>) -> impl IntoView {
    let t = crate::i18n::t();
    chunk_view(
        chunk,
        |page: PageView| page(),
        t.shell.loading_page,
        t.shell.page_load_failed,
        true,
    )
}
