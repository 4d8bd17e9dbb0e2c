//! The binary's start-up: what it says on stderr, and what it refuses.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Starts the stand-in with `args` (in memory, any free port).
fn start(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nexus-devserver"))
        .args(["--memory", "--port", "0"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Waits (at most 60 s) for the "listening on" line, then stops the server
/// and returns everything it wrote on stderr.
fn stderr_once_listening(mut child: Child) -> String {
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("listening on") {
                let _ = tx.send(line);
                return;
            }
        }
    });
    let listening = rx.recv_timeout(Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    assert!(
        listening.is_ok(),
        "the server never listened; stderr: {err}"
    );
    err
}

/// Waits (at most 60 s) for the process to end by itself; a server that is
/// still running then is stopped, and the test fails.
fn exit_within_60s(mut child: Child) -> std::process::Output {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while child.try_wait().ok().flatten().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output();
            panic!("still running after 60 s: {out:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("the output")
}

#[test]
fn a_non_loopback_host_is_warned_about() {
    let err = stderr_once_listening(start(&["--host", "0.0.0.0"]));
    assert!(err.contains("WARNING"), "{err}");
    assert!(err.contains("0.0.0.0"), "{err}");
    assert!(err.contains("no real security"), "{err}");
}

#[test]
fn a_loopback_host_is_not_warned_about() {
    let err = stderr_once_listening(start(&["--host", "127.0.0.1"]));
    assert!(!err.contains("WARNING"), "{err}");
}

#[test]
fn a_bad_base_path_stops_the_server_with_the_reason() {
    for (bad, named) in [("/a#b", "'#'"), ("//host", "'//'"), ("/a/../b", "'..'")] {
        let out = exit_within_60s(start(&["--base-path", bad]));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(
            err.contains("--base-path") && err.contains(named),
            "{bad}: {err}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("listening"));
    }
}
