//! Embedding in a host page: `mount(element, options)` from JavaScript.
//! (Filled in with the custom element by the delivery work; see issue 4.)
