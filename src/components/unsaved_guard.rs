use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const MESSAGE: &str = "You have unsaved changes. Leave this page and discard them?";

/// While `dirty` is true: asks before following a link out of the page
/// (capture phase, ahead of the router) and before closing or reloading the
/// tab (`beforeunload`). The router has no navigation blocker of its own.
pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_click =
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            if !dirty.get_untracked() || ev.default_prevented() || ev.button() != 0 {
                return;
            }
            // composedPath sees through a shadow root (embedded mode).
            let path = ev.composed_path();
            // A link, or a control marked `data-leaves-page` (sign out).
            let is_link = (0..path.length()).any(|i| {
                path.get(i).dyn_into::<web_sys::Element>().is_ok_and(|el| {
                    el.has_attribute("data-leaves-page")
                        || el
                            .dyn_ref::<web_sys::HtmlAnchorElement>()
                            .is_some_and(|a| a.has_attribute("href"))
                })
            });
            if !is_link {
                return;
            }
            let leave = web_sys::window()
                .and_then(|w| w.confirm_with_message(MESSAGE).ok())
                .unwrap_or(true);
            if !leave {
                ev.prevent_default();
                ev.stop_immediate_propagation();
            }
        });
    let on_unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if dirty.get_untracked() {
                ev.prevent_default();
                ev.set_return_value(MESSAGE);
            }
        },
    );
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ =
        window.add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
    let handles = SendWrapper::new((window, on_click, on_unload));
    on_cleanup(move || {
        let (window, on_click, on_unload) = handles.take();
        let _ = window.remove_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        let _ = window.remove_event_listener_with_callback(
            "beforeunload",
            on_unload.as_ref().unchecked_ref(),
        );
    });
}
