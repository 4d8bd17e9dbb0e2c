//! The pages after the list (detail, edit, create), each in a wasm chunk of
//! its own fetched on the first visit (crate::chunks).

use crate::chunks::split_fn;
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
    chunk_view(
        LocalResource::new(detail_page),
        |page: PageView| page(),
        crate::i18n::t().shell.loading_page,
        crate::i18n::t().shell.page_load_failed,
        true,
    )
}

/// `/clients/:id/edit`, its code fetched on the first visit.
#[component]
pub fn SplitEditPage() -> impl IntoView {
    chunk_view(
        LocalResource::new(edit_page),
        |page: PageView| page(),
        crate::i18n::t().shell.loading_page,
        crate::i18n::t().shell.page_load_failed,
        true,
    )
}

/// `/clients/new`, its code fetched on the first visit.
#[component]
pub fn SplitCreatePage() -> impl IntoView {
    chunk_view(
        LocalResource::new(create_page),
        |page: PageView| page(),
        crate::i18n::t().shell.loading_page,
        crate::i18n::t().shell.page_load_failed,
        true,
    )
}
