//! Throughput of `find` on news text.
fn main() {}
