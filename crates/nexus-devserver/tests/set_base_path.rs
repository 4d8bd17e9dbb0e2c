//! `scripts/set-base-path.sh` applies the one base-path rule of
//! `nexus_domain::base_path` (it cannot call Rust, so it has a regex): run on
//! a temporary copy of a dist directory, it must refuse what
//! `BasePath::parse` refuses and write what it writes.

use nexus_domain::BasePath;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const INDEX: &str = "<html><head><base href=\"/\" /></head><body></body></html>\n";

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/set-base-path.sh")
}

/// A fresh dist directory holding only an index.html with `<base href="/" />`.
fn dist(tag: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "ncc-set-base-path-{}-{tag}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("index.html"), INDEX).expect("index.html");
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn run(dir: &Path, base: &str) -> Output {
    Command::new("bash")
        .arg(script())
        .arg(dir)
        .arg(base)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("bash runs")
}

#[test]
fn the_script_refuses_the_bad_inputs_and_leaves_index_html_alone() {
    for (i, (bad, named)) in [
        ("#", "'#'"),
        ("&", "'&'"),
        ("\\", "'\\'"),
        ("//host", "'//'"),
        ("/a/../b", "'..'"),
        ("/a b", "a space"),
        ("/a?b", "'?'"),
        ("/a%2F", "'%'"),
        ("/./a", "'.'"),
        ("/a\"b", "'\"'"),
        ("/a\nb", "0x0A"),
    ]
    .into_iter()
    .enumerate()
    {
        let dir = dist(i);
        let out = run(&dir, bad);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {err}");
        assert!(err.contains(named), "{bad:?}: {err}");
        assert!(err.contains("base_path.rs"), "{bad:?}: {err}");
        let index = std::fs::read_to_string(dir.join("index.html")).expect("index.html");
        assert_eq!(index, INDEX, "{bad:?} rewrote index.html");
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[test]
fn the_script_and_the_domain_agree() {
    let inputs = [
        "",
        "/",
        "admin",
        "/admin/clients",
        "admin/clients/",
        "/a-b.c_d~e/v1.2/",
        "/.well-known/x",
        "/...",
        "#",
        "&",
        "\\",
        "//host",
        "///",
        "/a//b",
        "/a/../b",
        "..",
        "/a/.",
        "./a",
        "/a b",
        " /a",
        "/a\tb",
        "/caf\u{e9}",
        "/a:b",
        "/a@b",
        "/a;b",
        "/a'b",
        "/a<b>",
        "/a|b",
        "/a$b",
        "/a`b`",
        "/a*",
        "/a[b]",
    ];
    for (i, raw) in inputs.into_iter().enumerate() {
        let dir = dist(100 + i);
        let out = run(&dir, raw);
        let index = std::fs::read_to_string(dir.join("index.html")).expect("index.html");
        let _ = std::fs::remove_dir_all(&dir);
        let err = String::from_utf8_lossy(&out.stderr);
        match BasePath::parse(raw) {
            Ok(base) => {
                assert!(
                    out.status.success(),
                    "{raw:?}: the domain accepts it, the script says {err}"
                );
                assert_eq!(
                    index,
                    INDEX.replace("href=\"/\"", &format!("href=\"{base}\"")),
                    "{raw:?}"
                );
            }
            Err(e) => {
                assert_eq!(
                    out.status.code(),
                    Some(2),
                    "{raw:?}: the domain refuses it ({e}), the script wrote {index}"
                );
                assert_eq!(index, INDEX, "{raw:?}");
            }
        }
    }
}
