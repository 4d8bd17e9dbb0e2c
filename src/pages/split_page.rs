//! Pages whose code comes in a wasm chunk of its own, fetched on the first
//! visit, so the first view (the list) loads only what it shows.
//!
//! Release wasm builds only (`nexus_split`, set by build.rs):
//! hooks/post-build.mjs cuts the wasm at these functions with
//! wasm-split. Debug builds, tests and the host render the pages directly.
//! A chunk that does not arrive (offline, a CDN error) is an error the
//! reader can retry, never a panic: the split points are `fallible`.

use crate::components::{ProblemView, RetryOrBack, Splash};
use crate::pages::{ClientDetailPage, CreateClientPage, EditClientPage};
use leptos::prelude::*;
use nexus_domain::ProblemDetails;

/// Builds one page's view. In a split build it points into the chunk.
pub type PageView = fn() -> AnyView;

/// A page's chunk could not be fetched or started.
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

#[cfg(nexus_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// Declares `$name`, an async fn that loads `$page`'s chunk and returns its
/// view builder. In a split build `$chunk` names the wasm chunk.
macro_rules! split_point {
    ($name:ident, $chunk:ident, $page:ident) => {
        #[cfg(nexus_split)]
        #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
        fn $name() -> Result<PageView, ChunkError> {
            Ok(|| view! { <$page /> }.into_any())
        }
        #[cfg(not(nexus_split))]
        async fn $name() -> Result<PageView, ChunkError> {
            Ok(|| view! { <$page /> }.into_any())
        }
    };
}

split_point!(detail_page, client_detail, ClientDetailPage);
split_point!(edit_page, client_edit, EditClientPage);
split_point!(create_page, client_create, CreateClientPage);

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
