//! `nexus-devserver` binary: parses the flags, opens the store, serves.

use nexus_devserver::config::{parse_args, USAGE};
use nexus_devserver::{app, AppState, Command};
use std::io::Write;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(c)) => c,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("nexus-devserver: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(warning) = nexus_devserver::loopback::bind_warning(&config.host) {
        eprintln!("{warning}");
    }
    let addr = format!("{}:{}", config.host, config.port);
    let host = config.host.clone();
    let state = match AppState::new(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("nexus-devserver: cannot open the store: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("nexus-devserver: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let shown_host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    let mut out = std::io::stdout();
    let _ = writeln!(
        out,
        "nexus-devserver listening on http://{shown_host}:{port}"
    );
    let _ = out.flush();
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("nexus-devserver: server error: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
