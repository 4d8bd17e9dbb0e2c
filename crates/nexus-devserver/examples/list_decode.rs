//! How long the console's first-render work on a 10,000-client list takes on
//! the host: decoding the body, the name index and the first query.
//! `cargo run --release -p nexus-devserver --example list_decode [N]`; under
//! `valgrind --tool=callgrind` its instruction counts repeat exactly, so two
//! versions of the decoder compare on a busy machine.
use nexus_domain::list::decode_client_list;
use nexus_domain::list_query::{apply, ListQuery, SearchIndex};
use std::time::Instant;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let body = serde_json::json!({ "items": nexus_devserver::demo_data::generated_clients(n), "total": n })
        .to_string();
    let rounds = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    for _ in 0..rounds {
        let t0 = Instant::now();
        let page = match decode_client_list(&body) {
            Ok(p) => p,
            Err(e) => panic!("decode failed: {e:?}"),
        };
        let t1 = Instant::now();
        let index = SearchIndex::new(&page.clients);
        let t2 = Instant::now();
        let view = apply(&page.clients, &index, &ListQuery::default(), None);
        let t3 = Instant::now();
        println!(
            "{} clients, {:.1} MB: decode {:.2} ms, index {:.2} ms, first query {:.2} ms ({} matches)",
            page.clients.len(),
            body.len() as f64 / 1e6,
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            (t3 - t2).as_secs_f64() * 1e3,
            view.matches.len()
        );
    }
}
