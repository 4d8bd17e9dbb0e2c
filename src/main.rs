//! Standalone entry: Trunk builds this binary; it mounts the console into
//! `#nexus-clients-console` of index.html.

fn main() {
    nexus_clients_console::start_standalone();
}
