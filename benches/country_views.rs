//! The terminal UI's country views, worked out on the UI thread by `update` whenever the filter,
//! the store or the country changes: a country's history and the agreement ranking over a store
//! the size of the General Assembly's roll calls 1946–2019 (about 20,000 whole-resolution votes ×
//! every country of the table, filled by a fixed pseudo-random sequence).

#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use criterion::{Criterion, criterion_group, criterion_main};
use resolu::app::action::SharedVotes;
use resolu::app::{Action, App, update};
use resolu::config::Config;
use resolu::corpus::load::load_embedded;
use resolu::corpus::model::Body;
use resolu::votes::{Cast, CountryId, Origin, RollCall, VoteStore, history, ranking};
use std::hint::black_box;
use std::sync::Arc;

const ROLL_CALLS: u32 = 20_000;

fn store() -> VoteStore {
    let mut store = VoteStore::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..ROLL_CALLS {
        let session = 1 + i / 300;
        let mut rc = RollCall::new(
            format!("A/RES/{session}/{}", i % 300 + 1),
            Origin::Undl,
            "b",
        );
        rc.session = Some(session.to_string());
        rc.body = Some(Body::Ga);
        rc.lists_every_member = true;
        let id = store.push(rc);
        for country in CountryId::all() {
            let cast = match next() % 10 {
                0..=5 => Cast::Yes,
                6 => Cast::No,
                7 => Cast::Abstain,
                8 => Cast::Absent,
                _ => continue,
            };
            store.set(id, country, cast);
        }
    }
    store
}

fn views(c: &mut Criterion) {
    let store = Arc::new(store());
    let usa = CountryId::of_code("USA").unwrap();
    let mut group = c.benchmark_group("country views");
    group.sample_size(10);
    let all = store.resolution_votes();
    group.bench_function("resolution_votes (20k roll calls)", |b| {
        b.iter(|| black_box(&store).resolution_votes())
    });
    group.bench_function("history of one country", |b| {
        b.iter(|| history(&store, usa, black_box(&all)))
    });
    group.bench_function("agreement ranking of one country", |b| {
        b.iter(|| ranking(&store, usa, black_box(&all)))
    });
    // What update does on the UI thread when the store arrives with a history and a ranking
    // open: both worked out again over the current filter.
    let config = Config::default();
    let mut app = App::new(Arc::new(load_embedded()), config.keys.clone(), false);
    update(
        &mut app,
        Action::VotesLoaded(SharedVotes(Arc::clone(&store)), Vec::new()),
    );
    for c in "Cusa".chars() {
        let action = if c == 'C' {
            Action::PickCountry
        } else {
            Action::Insert(c)
        };
        update(&mut app, action);
    }
    update(&mut app, Action::Accept);
    update(&mut app, Action::Agreement);
    assert!(app.votes.history.is_some() && app.votes.agreement.is_some());
    group.bench_function("update: history and ranking refreshed", |b| {
        b.iter(|| {
            update(
                &mut app,
                Action::VotesLoaded(SharedVotes(Arc::clone(&store)), Vec::new()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, views);
criterion_main!(benches);
