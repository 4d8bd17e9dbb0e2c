use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What a guarded page asks before it is left; `None` while nothing is at stake.
type Ask = Signal<Option<&'static str>>;

/// One console's leave guards: which page has a question, if any. Each
/// console has its own (put in context by [`provide_leave_guards`]), so an
/// unsaved edit in one console never makes another ask.
#[derive(Clone, Copy)]
struct LeaveGuards {
    state: StoredValue<GuardState>,
    /// The console's root: a click inside another console is not this
    /// console's to ask about.
    root: crate::dom::ConsoleRoot,
}

#[derive(Default)]
struct GuardState {
    /// The guarded page, if any: its guard's number, question and URL.
    active: Option<(u64, Ask, String)>,
    /// The last guard's number.
    last: u64,
    /// True while a popstate the user agreed to is handed on to the router.
    passing: bool,
}

/// Gives this console its leave guards, and (`history`: the console routes
/// in the page's address) the back/forward guard. Must run before the
/// router is created: listeners on `window` run in the order they were
/// added (capture or not), and the guard has to see popstate first to hold
/// it back. The listener goes when the console does (an embedded console is
/// unmounted by its host and must leave the host page's window as it found
/// it). A console routed in memory has no back and forward of its own.
pub fn provide_leave_guards(history: bool) {
    let guards = LeaveGuards {
        state: StoredValue::new(GuardState::default()),
        root: crate::dom::use_root(),
    };
    provide_context(guards);
    if !history {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_popstate = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some((_, ask, page_url)) = guards
            .state
            .try_with_value(|s| (!s.passing).then(|| s.active.clone()).flatten())
            .flatten()
        else {
            return;
        };
        let Some(message) = ask.try_get_untracked().flatten() else {
            return;
        };
        // The URL has already moved and popstate cannot be cancelled: hold
        // the event back from the router, ask, then restore or hand it on.
        ev.stop_immediate_propagation();
        let Some(w) = web_sys::window() else { return };
        if w.confirm_with_message(message).unwrap_or(true) {
            // Handed on once this listener has returned: dispatching from
            // inside it would call this very closure again, re-entrantly,
            // which wasm-bindgen refuses ("closure invoked recursively").
            wasm_bindgen_futures::spawn_local(async move {
                guards.state.try_update_value(|s| s.passing = true);
                if let (Some(w), Ok(again)) =
                    (web_sys::window(), web_sys::PopStateEvent::new("popstate"))
                {
                    let _ = w.dispatch_event(&again);
                }
                guards.state.try_update_value(|s| s.passing = false);
            });
        } else if let Ok(history) = w.history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page_url));
        }
    });
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    let handles = SendWrapper::new((window, on_popstate));
    on_cleanup(move || {
        let (window, on_popstate) = handles.take();
        let _ = window
            .remove_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    });
}

/// While `dirty` is true, asks before the page is left (see [`use_leave_guard`]).
pub fn use_unsaved_guard(dirty: Signal<bool>) {
    let question = crate::i18n::t().common.unsaved;
    use_leave_guard(Signal::derive(move || dirty.get().then_some(question)));
}

/// While `ask` holds a question: asks it before following a link out of the
/// page (capture phase, ahead of the router) and before closing or reloading
/// the tab (`beforeunload`, where the browser shows its own words). A link
/// marked `data-guard-exempt` is the page's own way on and is not asked about.
/// The router has no navigation blocker of its own. A click inside another
/// console on the page is that console's business: not asked about.
pub fn use_leave_guard(ask: Ask) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(guards) = use_context::<LeaveGuards>() else {
        return;
    };
    let root: Option<web_sys::Element> = guards.root.element().map(Into::into);
    let on_click =
        Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
            let Some(message) = ask.try_get_untracked().flatten() else {
                return;
            };
            if ev.default_prevented() || ev.button() != 0 {
                return;
            }
            // composedPath sees through a shadow root (embedded mode).
            let path = ev.composed_path();
            // A link, or a control marked `data-leaves-page` (sign out).
            let elements: Vec<web_sys::Element> = (0..path.length())
                .filter_map(|i| path.get(i).dyn_into::<web_sys::Element>().ok())
                .collect();
            if elements.iter().any(|el| {
                el.has_attribute("data-guard-exempt")
                    || (el.has_attribute(crate::dom::INSTANCE_ATTRIBUTE)
                        && root.as_ref() != Some(el))
            }) {
                return;
            }
            let is_link = elements.iter().any(|el| {
                el.has_attribute("data-leaves-page")
                    || el
                        .dyn_ref::<web_sys::HtmlAnchorElement>()
                        .is_some_and(|a| a.has_attribute("href"))
            });
            if !is_link {
                return;
            }
            let leave = web_sys::window()
                .and_then(|w| w.confirm_with_message(message).ok())
                .unwrap_or(true);
            if !leave {
                ev.prevent_default();
                ev.stop_immediate_propagation();
            }
        });
    // Back/forward: handled by the listener `provide_leave_guards` put in
    // place before the router's; it asks only while this page has a question.
    let page_url = window.location().href().unwrap_or_default();
    let number = guards
        .state
        .try_update_value(|s| {
            s.last = s.last.wrapping_add(1);
            s.active = Some((s.last, ask, page_url));
            s.last
        })
        .unwrap_or_default();
    let on_unload = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            if let Some(message) = ask.try_get_untracked().flatten() {
                ev.prevent_default();
                ev.set_return_value(message);
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
        // Only its own: the router builds the next page before it disposes
        // of this one, and the next page's guard is in place already.
        guards.state.try_update_value(|s| {
            if s.active.as_ref().is_some_and(|(n, ..)| *n == number) {
                s.active = None;
            }
        });
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
