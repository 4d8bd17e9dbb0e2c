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
    chunk_view(
        LocalResource::new(detail_page),
        |page: PageView| page(),
        true,
    )
}

/// `/clients/:id/edit`, its code fetched on the first visit.
#[component]
pub fn SplitEditPage() -> impl IntoView {
    chunk_view(LocalResource::new(edit_page), |page: PageView| page(), true)
}

/// `/clients/new`, its code fetched on the first visit.
#[component]
pub fn SplitCreatePage() -> impl IntoView {
    chunk_view(
        LocalResource::new(create_page),
        |page: PageView| page(),
        true,
    )
}

/// What a chunk's code builds, once it is in; a status while it loads; the
/// reason and "Try again" when it could not load (a later try fetches
/// afresh), with the way back to the list when `back` (a page; not the
/// sign-in form, which has no list behind it).
pub(crate) fn chunk_view<T: Clone + 'static>(
    chunk: LocalResource<Result<T, ChunkError>>,
    show: impl Fn(T) -> AnyView + Send + 'static,
    back: bool,
) -> impl IntoView {
    let t = crate::i18n::t();
    move || match chunk.get() {
        None => view! { <Splash label=t.shell.loading_page /> }.into_any(),
        Some(Ok(built)) => show(built),
        Some(Err(ChunkError)) => {
            let problem = ProblemDetails {
                title: Some(t.shell.page_load_failed.into()),
                detail: Some(t.shell.page_load_failed_detail.into()),
                ..ProblemDetails::default()
            };
            let retry = Callback::new(move |_| chunk.refetch());
            view! {
                // A page names itself; the form sits under its page's or
                // dialog's own heading.
                {back.then(|| view! { <h1 class="ncc-visually-hidden">{t.shell.page_load_failed}</h1> })}
                <ProblemView problem=problem>
                    {if back {
                        view! { <RetryOrBack retry=retry back=t.shell.back_to_list /> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="ncc-btn ncc-btn--secondary" on:click=move |_| retry.run(())>
                                {t.form.try_again}
                            </button>
                        }
                        .into_any()
                    }}
                </ProblemView>
            }
            .into_any()
        }
    }
}
