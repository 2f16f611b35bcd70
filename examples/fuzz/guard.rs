//! The wall-clock guard around each case: a watchdog thread that notices a case running past
//! the slow limit (saves its input while it still runs, so even a case that never ends leaves
//! it behind) or past the hang limit (saves it, prints the summary, exits with status 3); panics
//! caught and saved with their message, location and backtrace; broken invariants saved too.

use super::Options;
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What a run found.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub cases: u64,
    pub slow: u64,
    pub hangs: u64,
    pub panics: u64,
    /// Cases whose result broke an invariant the target checks.
    pub broken: u64,
    pub slowest: Duration,
    pub slowest_case: u64,
    pub elapsed: Duration,
}

impl Stats {
    /// One line: cases run, slow, hangs, panics, broken invariants, slowest case, elapsed.
    pub fn line(&self, target: &str) -> String {
        format!(
            "{target}: {} cases, {} slow, {} hangs, {} panics, {} broken invariants, \
             slowest {} ms (case {}), {:.1} s{}",
            self.cases,
            self.slow,
            self.hangs,
            self.panics,
            self.broken,
            self.slowest.as_millis(),
            self.slowest_case,
            self.elapsed.as_secs_f64(),
            peak_rss()
                .map(|kb| format!(", peak RSS {} MB", kb / 1024))
                .unwrap_or_default()
        )
    }

    /// Nothing but slow cases (which are reported, not failures).
    pub fn clean(&self) -> bool {
        self.hangs == 0 && self.panics == 0 && self.broken == 0
    }
}

/// The process's peak resident memory in kB (Linux), for the summary.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Current {
    case: u64,
    started: Instant,
    input: Arc<Vec<u8>>,
    /// The watchdog already saved it as slow.
    saved_slow: bool,
}

struct Shared {
    current: Option<Current>,
    stats: Stats,
    started: Instant,
}

/// Files saved per process at most (a finding that comes back every few cases would fill the
/// disk over a long run; the counts still count them).
const MAX_SAVED: usize = 500;
static SAVED: AtomicUsize = AtomicUsize::new(0);

/// Where findings go and how they are named.
#[derive(Clone)]
struct Findings {
    target: &'static str,
    seed: u64,
    out: PathBuf,
}

impl Findings {
    /// Write `KIND-CASE.bin` (the input) and `KIND-CASE.txt` (what happened, how to replay it).
    fn save(&self, kind: &str, case: u64, input: &[u8], what: &str) -> PathBuf {
        let bin = self.out.join(format!("{kind}-{case}.bin"));
        // A finding met again and again is counted, but saved only so many times.
        if SAVED.fetch_add(1, Ordering::Relaxed) >= MAX_SAVED {
            return bin;
        }
        let note = format!(
            "target: {}\nseed: {}\ncase: {case}\n{what}\nreplay: cargo run --release --example fuzz -- {} --replay {}\n",
            self.target,
            self.seed,
            self.target,
            bin.display()
        );
        let written = std::fs::create_dir_all(&self.out)
            .and_then(|()| std::fs::write(&bin, input))
            .and_then(|()| std::fs::write(bin.with_extension("txt"), note));
        if let Err(e) = written {
            eprintln!("fuzz: cannot save {}: {e}", bin.display());
        }
        bin
    }
}

pub struct Guard {
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    watchdog: Option<JoinHandle<()>>,
    findings: Findings,
    slow: Duration,
}

impl Guard {
    pub fn start(target: &'static str, options: &Options, out: &Path) -> Guard {
        install_panic_hook();
        let shared = Arc::new(Mutex::new(Shared {
            current: None,
            stats: Stats::default(),
            started: Instant::now(),
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let findings = Findings {
            target,
            seed: options.seed,
            out: out.to_path_buf(),
        };
        let watchdog = {
            let (shared, stop, findings) = (shared.clone(), stop.clone(), findings.clone());
            let (slow, hang) = (options.slow, options.hang);
            std::thread::spawn(move || watch(&shared, &stop, &findings, slow, hang))
        };
        Guard {
            shared,
            stop,
            watchdog: Some(watchdog),
            findings,
            slow: options.slow,
        }
    }

    /// Run case `case` on `input` under the guard, and count it.
    pub fn case(&self, case: u64, input: Vec<u8>, run: impl FnOnce(&[u8]) -> Result<(), String>) {
        let input = Arc::new(input);
        let started = Instant::now();
        lock(&self.shared).current = Some(Current {
            case,
            started,
            input: input.clone(),
            saved_slow: false,
        });
        take_panic_note();
        stages().clear();
        GUARDED.fetch_add(1, Ordering::Relaxed);
        let outcome = catch_unwind(AssertUnwindSafe(|| run(&input)));
        GUARDED.fetch_sub(1, Ordering::Relaxed);
        let elapsed = started.elapsed();
        let saved_slow = {
            let mut shared = lock(&self.shared);
            let current = shared.current.take();
            let stats = &mut shared.stats;
            stats.cases += 1;
            if elapsed > stats.slowest {
                stats.slowest = elapsed;
                stats.slowest_case = case;
            }
            if elapsed > self.slow {
                stats.slow += 1;
            }
            match &outcome {
                Ok(Ok(())) => {}
                Ok(Err(_)) => stats.broken += 1,
                Err(_) => stats.panics += 1,
            }
            current.is_some_and(|c| c.saved_slow)
        };
        let ms = elapsed.as_millis();
        if elapsed > self.slow {
            let times = stage_times(started + elapsed);
            let bin = self
                .findings
                .save("slow", case, &input, &format!("took {ms} ms ({times})"));
            if !saved_slow {
                eprintln!(
                    "fuzz {}: slow case {case}: {ms} ms ({times}), {} bytes, saved as {}",
                    self.findings.target,
                    input.len(),
                    bin.display()
                );
            } else {
                eprintln!(
                    "fuzz {}: slow case {case} ended after {ms} ms ({times})",
                    self.findings.target
                );
            }
        }
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(broken)) => {
                let bin = self.findings.save(
                    "invariant",
                    case,
                    &input,
                    &format!("broken invariant: {broken}"),
                );
                eprintln!(
                    "fuzz {}: case {case} broke an invariant: {broken} (saved as {})",
                    self.findings.target,
                    bin.display()
                );
            }
            Err(payload) => {
                let message = panic_message(payload.as_ref());
                let note = take_panic_note().unwrap_or_default();
                let bin =
                    self.findings
                        .save("panic", case, &input, &format!("panic: {message}\n{note}"));
                eprintln!(
                    "fuzz {}: case {case} panicked: {message} (saved as {})",
                    self.findings.target,
                    bin.display()
                );
            }
        }
    }

    pub fn stats(&self) -> Stats {
        let shared = lock(&self.shared);
        let mut stats = shared.stats.clone();
        stats.elapsed = shared.started.elapsed();
        stats
    }

    /// Stop the watchdog and give the counts.
    pub fn finish(mut self) -> Stats {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(watchdog) = self.watchdog.take() {
            let _ = watchdog.join();
        }
        self.stats()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A poisoned lock only means a case panicked while holding it, which the guard never does
/// (cases run outside it): take the data anyway.
fn lock(shared: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn watch(
    shared: &Mutex<Shared>,
    stop: &AtomicBool,
    findings: &Findings,
    slow: Duration,
    hang: Duration,
) {
    let tick = (slow / 4).clamp(Duration::from_millis(5), Duration::from_millis(100));
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(tick);
        let mut guard = lock(shared);
        let Some(current) = guard.current.as_mut() else {
            continue;
        };
        let running = current.started.elapsed();
        let now = stages().last().map_or("", |s| s.0);
        let (case, input) = (current.case, current.input.clone());
        if running > hang {
            guard.stats.hangs += 1;
            guard.stats.elapsed = guard.started.elapsed();
            let line = guard.stats.line(findings.target);
            let bin = findings.save(
                "hang",
                case,
                &input,
                &format!(
                    "still running after {} s, in stage {now}",
                    running.as_secs()
                ),
            );
            eprintln!(
                "fuzz {}: HANG: case {case} still running after {} s in stage {now} ({} bytes, saved as {})",
                findings.target,
                running.as_secs(),
                input.len(),
                bin.display()
            );
            eprintln!("{line}");
            std::process::exit(3);
        }
        if running > slow && !current.saved_slow {
            current.saved_slow = true;
            drop(guard);
            let bin = findings.save(
                "slow",
                case,
                &input,
                &format!(
                    "still running after {} ms, in stage {now}",
                    running.as_millis()
                ),
            );
            eprintln!(
                "fuzz {}: slow case {case}: still running after {} ms in stage {now}, {} bytes, saved as {}",
                findings.target,
                running.as_millis(),
                input.len(),
                bin.display()
            );
        }
    }
}

/// The text of a panic's payload.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(a panic without a message)".to_string())
}

/// The stages of the running case (`stage`), with when each began.
static STAGES: Mutex<Vec<(&'static str, Instant)>> = Mutex::new(Vec::new());

fn stages() -> std::sync::MutexGuard<'static, Vec<(&'static str, Instant)>> {
    STAGES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Mark the start of a stage of the running case (`parse`, `index`, `search` …): a slow case's
/// report says how long each took, a hang's which one never ended.
pub fn stage(name: &'static str) {
    stages().push((name, Instant::now()));
}

/// How long each stage of the case took, up to `end`: `parse 3 ms, search 2400 ms`.
pub fn stage_times(end: Instant) -> String {
    let stages = stages();
    let mut parts = Vec::new();
    for (i, (name, began)) in stages.iter().enumerate() {
        let until = stages.get(i + 1).map_or(end, |next| next.1);
        parts.push(format!(
            "{name} {} ms",
            until.duration_since(*began).as_millis()
        ));
    }
    parts.join(", ")
}

/// Guarded cases running now (panics outside them go to the usual hook).
static GUARDED: AtomicUsize = AtomicUsize::new(0);

static PANIC_NOTE: Mutex<Option<String>> = Mutex::new(None);

/// Panics are caught and saved, not printed: the hook keeps where it happened and the backtrace
/// (a panic in a rayon worker reaches `catch_unwind` with its payload only).
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDED.load(Ordering::Relaxed) == 0 {
                return previous(info);
            }
            let location = info.location().map(ToString::to_string).unwrap_or_default();
            let backtrace = std::backtrace::Backtrace::force_capture();
            let note = format!("at {location}\n{backtrace}");
            *PANIC_NOTE
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(note);
        }));
    });
}

/// Forget the stages of the last case (before running one outside the guard).
pub fn clear_stages() {
    stages().clear();
}

fn take_panic_note() -> Option<String> {
    PANIC_NOTE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
}
