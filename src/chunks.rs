//! Code that comes in a wasm chunk of its own, fetched the first time it is
//! needed, so the first view (the list) loads only what it shows.
//!
//! Release wasm builds only (`nexus_split`, set by build.rs):
//! hooks/post-build.mjs cuts the wasm at the functions [`split_fn!`]
//! declares, with wasm-split. Debug builds, tests and the host call them
//! directly. A chunk that does not arrive (offline, a CDN error) is a
//! [`ChunkError`] the caller shows and lets the reader retry, never a
//! panic: the split points are `fallible`.

/// A chunk could not be fetched or started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(nexus_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// `split_fn!(chunk, fn name(args) -> T { body })` declares
/// `async fn name(args) -> Result<T, ChunkError>`, whose body (and all the
/// code only it reaches) lives in the wasm chunk `chunk`. Arguments and the
/// result cross a C-ABI call: pass owned values, not generics.
/// `split_fn!(chunk, preload pre, fn name…)` also declares `async fn pre()`,
/// which fetches the chunk without running anything; its result says only
/// whether that worked (`.is_err()`; a failure is not kept, so a later call
/// tries again).
macro_rules! split_fn {
    ($chunk:ident, preload $pre:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(nexus_split)]
        #[leptos::wasm_split::wasm_split($chunk, fallible, preload($pre), wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkError> {
            Ok($body)
        }
        #[cfg(not(nexus_split))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkError> {
            Ok($body)
        }
        #[cfg(not(nexus_split))]
        $vis async fn $pre() -> Result<(), $crate::chunks::ChunkError> {
            Ok(())
        }
    };
    ($chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(nexus_split)]
        #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkError> {
            Ok($body)
        }
        #[cfg(not(nexus_split))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::chunks::ChunkError> {
            Ok($body)
        }
    };
}
pub(crate) use split_fn;
