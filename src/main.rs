//! Standalone entry: Trunk builds this binary; it mounts the console into
//! `#nexus-clients-console` of index.html.

fn main() {
    nexus_clients_console::start_standalone();
}

/// `mount(element, options)` for a host page (called by embed.js). Exported
/// from the binary so the build keeps it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    options: wasm_bindgen::JsValue,
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    nexus_clients_console::embed::mount(element, options)
}
