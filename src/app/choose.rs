//! Choosing a country (in the picker, the breakdown, the ranking): its history in the vote
//! pane and `c:CODE` in the query. Apart from `country`, which the query's round trip calls
//! back into, so that neither needs the other both ways.

use super::action::Command;
use super::country::refresh_votes;
use super::query::query_changed;
use super::state::{App, LineEdit, Pane};
use super::views::History;
use crate::votes::CountryId;

/// Open `id`'s history in the vote pane and put `c:CODE` in the query (in place of a `c:`
/// there).
pub(super) fn choose_country(app: &mut App, id: CountryId) -> Option<Command> {
    let only_no = app.votes.history.as_ref().is_some_and(|h| h.only_no);
    app.votes.agreement = None;
    app.votes.history = Some(History {
        only_no,
        ..History::new(id)
    });
    app.focus = Pane::Votes;
    let country = id.country();
    app.message = Some(format!("{} ({}): its votes", country.en, country.code));
    let command = set_query_country(app, id);
    refresh_votes(app);
    command
}

/// The query with `c:CODE` for `id` in place of its `c:` words (a country name of several
/// unquoted words loses only its first word's `c:`).
fn set_query_country(app: &mut App, id: CountryId) -> Option<Command> {
    let token = format!("c:{}", id.code().to_ascii_lowercase());
    let is_country = |word: &str| {
        let lower = word.to_lowercase();
        ["c:", "country:", "pays:"]
            .iter()
            .any(|p| lower.starts_with(p))
    };
    let mut words: Vec<&str> = app
        .query
        .input
        .text()
        .split_whitespace()
        .filter(|w| !is_country(w))
        .collect();
    words.push(&token);
    let text = words.join(" ");
    if text == app.query.input.text() {
        return None;
    }
    app.query.input = LineEdit::new(&text);
    query_changed(app)
}
