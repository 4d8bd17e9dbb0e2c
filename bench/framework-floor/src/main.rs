// A floor for bytes: Leptos 0.8 csr + router, two routes, one signal, one fetch-free list.
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes, A},
    path,
};
#[component]
fn List() -> impl IntoView {
    let (q, set_q) = signal(String::new());
    let rows = move || {
        (0..100)
            .filter(|i| i.to_string().contains(&q.get()))
            .map(|i| view! { <tr><td>{i}</td></tr> })
            .collect_view()
    };
    view! { <input on:input:target=move |ev| set_q.set(ev.target().value()) /> <table><tbody>{rows}</tbody></table> <A href="/x">"x"</A> }
}
fn main() {
    mount_to_body(
        || view! { <Router><Routes fallback=|| "not found"><Route path=path!("/") view=List /><Route path=path!("/x") view=|| "x" /></Routes></Router> },
    );
}
