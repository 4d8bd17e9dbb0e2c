//! A view whose code comes in a wasm chunk (crate::chunks): a status while
//! the chunk loads, the view once it is in, and the reason with "Try again"
//! when it could not load.

use crate::chunks::ChunkError;
use crate::components::{ProblemView, RetryOrBack, Splash};
use leptos::prelude::*;
use nexus_domain::ProblemDetails;

/// What a chunk's code builds, once it is in; `loading` as the status while
/// it loads; when it could not load, `failed` as the title, the reason and
/// "Try again" (a later try fetches afresh), with the way back to the list
/// when `back` (a page; not the sign-in form, which has no list behind it,
/// nor a part of the list).
pub fn chunk_view<T: Clone + 'static>(
    chunk: LocalResource<Result<T, ChunkError>>,
    show: impl Fn(T) -> AnyView + Send + 'static,
    loading: &'static str,
    failed: &'static str,
    back: bool,
) -> impl IntoView {
    let t = crate::i18n::t();
    move || match chunk.get() {
        None => view! { <Splash label=loading /> }.into_any(),
        Some(Ok(built)) => show(built),
        Some(Err(ChunkError)) => {
            let problem = ProblemDetails {
                title: Some(failed.into()),
                detail: Some(t.shell.page_load_failed_detail.into()),
                ..ProblemDetails::default()
            };
            let retry = Callback::new(move |_| chunk.refetch());
            view! {
                // A page names itself; a part sits under its page's or
                // dialog's own heading.
                {back.then(|| view! { <h1 class="ncc-visually-hidden">{failed}</h1> })}
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
