//! Imported voting records kept in the cache dir (`resolu import-votes`, the config's `votes`
//! paths), and the store the program works on: the texts' roll calls joined with them.

use super::store::VoteStore;
use super::texts::from_texts;
use crate::config::Config;
use crate::corpus::model::Resolution;

/// Roll calls read, and what went wrong reading them (one sentence each, naming the file).
#[derive(Debug, Default)]
pub struct Imported {
    pub store: VoteStore,
    pub warnings: Vec<String>,
}

/// The voting records imported so far (none yet: `import-votes` is to come).
pub fn load(_config: &Config) -> Imported {
    Imported {
        store: VoteStore::new(),
        warnings: Vec::new(),
    }
}

/// Every roll call: the corpus's texts' first, then the imported records.
pub fn all_votes(resolutions: &[Resolution], config: &Config) -> Imported {
    let mut store = from_texts(resolutions);
    let imported = load(config);
    store.extend(imported.store);
    Imported {
        store,
        warnings: imported.warnings,
    }
}
