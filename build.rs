//! Release wasm builds are split into chunks (src/pages/split_page.rs):
//! they get the `nexus_split` cfg and keep their relocations, which
//! wasm-split (hooks/post-build.mjs) needs to cut the module.
//! `NEXUS_NO_SPLIT=1` builds one module (to compare the two).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(nexus_split)");
    println!("cargo::rerun-if-env-changed=NEXUS_NO_SPLIT");
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let off = std::env::var("NEXUS_NO_SPLIT").is_ok_and(|v| !v.is_empty() && v != "0");
    if wasm && release && !off {
        println!("cargo::rustc-cfg=nexus_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
