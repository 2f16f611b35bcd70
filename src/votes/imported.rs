//! Imported voting records kept in the cache dir (`resolu import-votes`, the config's `votes`
//! paths), and the store the program works on: the texts' roll calls joined with them.

use super::store::VoteStore;
use super::texts::from_texts;
use crate::corpus::model::Resolution;

/// Roll calls read, and what went wrong reading them (one sentence each, naming the file).
#[derive(Debug, Default)]
pub struct Imported {
    pub store: VoteStore,
    pub warnings: Vec<String>,
}

/// What the vote store needs to know of the configuration, implemented by `config::Config`:
/// `votes` sits below `config` (which sits above `app`, which holds a vote store), so it names
/// no config type. Empty until the importer needs settings (its paths, the cache folder).
pub trait VoteSettings {}

/// The voting records imported so far (none yet: `import-votes` is to come).
pub fn load<C: VoteSettings + ?Sized>(_config: &C) -> Imported {
    Imported {
        store: VoteStore::new(),
        warnings: Vec::new(),
    }
}

/// Every roll call: the corpus's texts' first, then the imported records.
pub fn all_votes<C: VoteSettings + ?Sized>(resolutions: &[Resolution], config: &C) -> Imported {
    let mut store = from_texts(resolutions);
    let imported = load(config);
    store.extend(imported.store);
    Imported {
        store,
        warnings: imported.warnings,
    }
}
