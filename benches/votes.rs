//! Votes over the General Assembly's 1946–2019 roll calls (issue 12, BENCH.md): the ranking of
//! every State's agreement with the USA over all 6,202 roll calls (target ≤ 100 ms) and one
//! State's history with its shares per session (target ≤ 20 ms). On the real data
//! (`../shared/votes/unvotes/`) when present, else on a generated store of its size: 6,202 roll
//! calls × 200 States (`RESOLU_BENCH_GENERATED=1` asks for it even with the data there).

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use criterion::{Criterion, criterion_group, criterion_main};
use resolu::corpus::model::Body;
use resolu::votes::{
    Cast, CountryId, Origin, RollCall, RollCallId, VoteStore, agreement, history, ranking,
    shares_by_session,
};
use std::hint::black_box;

#[path = "../tests/unvotes/mod.rs"]
mod unvotes;

/// 6,202 roll calls over 74 sessions, 200 States voting yes ~70 %, abstain ~15 %, no ~10 %,
/// no row ~5 % (xorshift, fixed seed: the same store every run).
fn generated() -> VoteStore {
    let mut store = VoteStore::new();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let countries: Vec<CountryId> = CountryId::all().take(200).collect();
    for i in 0..6202u32 {
        let session = 1 + i * 74 / 6202;
        let mut rc = RollCall::new(format!("A/RES/{session}/{i}"), Origin::Voeten, "gen");
        rc.session = Some(session.to_string());
        rc.body = Some(Body::Ga);
        rc.date = chrono::NaiveDate::from_ymd_opt(1945 + i32::try_from(session).unwrap(), 12, 1);
        let id = store.push(rc);
        for &country in &countries {
            let cast = match next() % 100 {
                0..70 => Cast::Yes,
                70..85 => Cast::Abstain,
                85..95 => Cast::No,
                _ => continue,
            };
            store.set(id, country, cast);
        }
    }
    store
}

fn bench(c: &mut Criterion) {
    // RESOLU_BENCH_GENERATED=1: the generated store even when the real data is there.
    let real = std::env::var_os("RESOLU_BENCH_GENERATED")
        .is_none()
        .then(unvotes::data)
        .flatten();
    let (store, label) = match real {
        Some(dir) => (unvotes::read(&dir), "real"),
        None => (generated(), "generated"),
    };
    let all: Vec<RollCallId> = store.ids().collect();
    let usa = CountryId::of_code("USA").unwrap();
    let isr = CountryId::of_code("ISR").unwrap();
    eprintln!("votes bench: {label} store, {} roll calls", all.len());
    let mut group = c.benchmark_group(format!("votes_{label}"));
    group.bench_function("ranking_usa_all_roll_calls", |b| {
        b.iter(|| ranking(black_box(&store), usa, black_box(&all)));
    });
    group.bench_function("agreement_usa_isr", |b| {
        b.iter(|| agreement(black_box(&store), usa, isr, black_box(&all)));
    });
    group.bench_function("history_usa_with_shares", |b| {
        b.iter(|| {
            let rows = history(black_box(&store), usa, black_box(&all));
            shares_by_session(&store, &rows)
        });
    });
    group.bench_function("resolution_votes", |b| {
        b.iter(|| black_box(&store).resolution_votes());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
