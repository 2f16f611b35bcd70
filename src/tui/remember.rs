//! The thread that writes the state folder (query history, list width) for the loop.

use crate::remember::Store;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// What the loop hands the state thread to write.
pub(super) enum Remember {
    Query(String),
    ListWidth(Option<u16>),
}

/// The thread writing the state folder (query history, list width), so that a slow disk (a
/// network home folder) never stalls a keystroke. Writes are done in order, one at a time.
pub(super) struct Rememberer {
    sender: Sender<Remember>,
    done: Receiver<()>,
}

impl Rememberer {
    /// How long quitting waits for the writes still queued.
    const LAST_WRITES: Duration = Duration::from_secs(2);

    pub(super) fn spawn(store: Store) -> Option<Rememberer> {
        let (sender, requests) = mpsc::channel::<Remember>();
        let (finished, done) = mpsc::channel();
        let spawned = thread::Builder::new()
            .name("remember".into())
            .spawn(move || {
                for request in requests {
                    let failed = match request {
                        Remember::Query(query) => match store.add_query(&query) {
                            Ok(warnings) => {
                                for warning in &warnings {
                                    tracing::warn!("{warning}");
                                }
                                None
                            }
                            Err(why) => Some(format!("query history: {why}")),
                        },
                        Remember::ListWidth(width) => store
                            .set_list_width(width)
                            .err()
                            .map(|why| format!("list width: {why}")),
                    };
                    if let Some(why) = failed {
                        tracing::warn!("{why}");
                    }
                }
                let _ = finished.send(());
            });
        match spawned {
            Ok(_) => Some(Rememberer { sender, done }),
            Err(e) => {
                tracing::warn!("no history or list width will be kept: {e}");
                None
            }
        }
    }

    /// The queued writes done, or [`Rememberer::LAST_WRITES`] waited for them: a state
    /// folder that hangs never keeps resolu from quitting.
    pub(super) fn finish(self) {
        drop(self.sender);
        let _ = self.done.recv_timeout(Self::LAST_WRITES);
    }

    /// Queue a write (dropped when the thread has gone).
    pub(super) fn send(&self, request: Remember) {
        let _ = self.sender.send(request);
    }
}
