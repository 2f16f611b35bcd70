//! Files that are not what they seem (issue 13, items 1, 2 and 9): FIFOs, devices and links to
//! them in a corpus folder or in the config's place, a file swapped for a FIFO while the corpus
//! loads, files over the size limit, and one folder reached by several spellings. Each command
//! runs under a watchdog: one still running after 60 s is killed and the test fails (a hang is
//! what these inputs used to cause); reading `/dev/zero` is caught by a memory ceiling.
#![cfg(unix)]
// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use resolu::commands::{self, CorpusSource};
use resolu::corpus::load::{FileError, load_paths};
use resolu::fsread::FileKind;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// How long a command may run before it counts as hung (generous: the machine may be busy).
const WATCHDOG: Duration = Duration::from_secs(60);
/// A ceiling on the child's address space (KiB): reading `/dev/zero` for ever passes it in
/// seconds, an ordinary run stays far below.
const MEMORY_CEILING_KB: u64 = 4 << 20;

/// The five English samples, copied into `dir/NAME`.
fn corpus_in(dir: &Path, name: &str) -> PathBuf {
    let corpus = dir.join(name);
    std::fs::create_dir_all(&corpus).unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/en");
    for entry in std::fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
        }
    }
    corpus
}

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the file.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// `resolu ARGS` with everything of the user's in `home`, under a memory ceiling, its stdin
/// empty.
fn resolu(home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -v {MEMORY_CEILING_KB}; exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("resolu"))
        .args(args)
        .current_dir(home)
        .env_remove("RESOLU_CORPUS")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null());
    cmd
}

/// Run `cmd` to its end, or kill it after [`WATCHDOG`] and fail. Output goes to files, so a full
/// pipe never stalls the child.
fn run(mut cmd: Command) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = (dir.path().join("out"), dir.path().join("err"));
    cmd.stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap());
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{cmd:?} still running after {WATCHDOG:?}: killed; stderr so far:\n{}",
                std::fs::read_to_string(&err).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The number in "resolu: N documents read" on `check`'s stderr.
fn documents_read(stderr: &str) -> usize {
    let line = stderr
        .lines()
        .find(|l| l.contains("documents read") || l.contains("document read"))
        .unwrap_or_else(|| panic!("no count in {stderr}"));
    line.split_whitespace()
        .find_map(|w| w.parse().ok())
        .unwrap()
}

#[test]
fn a_fifo_in_a_corpus_folder_is_skipped_with_a_warning_and_the_rest_loads() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path(), "corpus");
    mkfifo(&corpus.join("fifo.txt"));
    let corpus = corpus.to_str().unwrap();
    for cache in [&[][..], &["--no-cache"][..]] {
        for command in [&["list"][..], &["export", "--format", "csv"], &["check"]] {
            let mut args = command.to_vec();
            args.extend_from_slice(cache);
            args.push(corpus);
            let output = run(resolu(home.path(), &args));
            let stderr = text(&output.stderr);
            assert!(
                stderr.contains("fifo.txt: a FIFO (named pipe), not a regular file: skipped"),
                "{args:?}: {stderr}"
            );
            assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
            if command == ["list"] {
                assert_eq!(text(&output.stdout).lines().count(), 5, "{stderr}");
            }
            if command == ["check"] {
                assert_eq!(documents_read(&stderr), 5, "{stderr}");
            }
        }
    }
}

#[test]
fn links_to_blocking_or_endless_devices_are_skipped_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path(), "corpus");
    // A FIFO with no writer blocks a reader for ever, as /dev/kmsg does: the portable stand-in.
    let fifo = home.path().join("pipe");
    mkfifo(&fifo);
    std::os::unix::fs::symlink(&fifo, corpus.join("x.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", corpus.join("zero.md")).unwrap();
    let mut expected = vec![
        "x.txt: a FIFO (named pipe), not a regular file: skipped",
        "zero.md: a character device, not a regular file: skipped",
    ];
    let kmsg = Path::new("/dev/kmsg");
    if std::fs::File::open(kmsg).is_ok() {
        std::os::unix::fs::symlink(kmsg, corpus.join("kmsg.txt")).unwrap();
        expected.push("kmsg.txt: a character device, not a regular file: skipped");
    }
    let corpus = corpus.to_str().unwrap();
    for cache in [None, Some("--no-cache")] {
        let mut args = vec!["export", "--format", "json", corpus];
        args.extend(cache);
        let output = run(resolu(home.path(), &args));
        let stderr = text(&output.stderr);
        for warning in &expected {
            assert!(stderr.contains(warning), "{warning}: {stderr}");
        }
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        let exported: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(!exported.as_array().unwrap().is_empty(), "{exported}");
    }
}

#[test]
fn a_fifo_or_device_given_as_a_path_is_named_for_what_it_is() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path(), "corpus");
    let fifo = home.path().join("f.txt");
    mkfifo(&fifo);
    for cache in [None, Some("--no-cache")] {
        let mut args = vec![
            "check",
            fifo.to_str().unwrap(),
            "/dev/null",
            corpus.to_str().unwrap(),
        ];
        args.extend(cache);
        let output = run(resolu(home.path(), &args));
        let stderr = text(&output.stderr);
        let stdout = text(&output.stdout);
        assert!(!stdout.contains("no such file"), "{stdout}");
        assert!(
            stdout.contains("f.txt: file: a FIFO (named pipe), not a regular file: skipped"),
            "{stdout}"
        );
        assert!(
            stdout.contains("/dev/null: file: a character device, not a regular file: skipped"),
            "{stdout}"
        );
        assert_eq!(documents_read(&stderr), 5, "{stderr}");
    }
    // `check --explain` reads one file the same way.
    let output = run(resolu(
        home.path(),
        &["check", "--explain", fifo.to_str().unwrap()],
    ));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("f.txt: a FIFO (named pipe), not a regular file: skipped"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1), "{stderr}");
}

#[test]
fn a_config_that_is_a_fifo_or_dev_zero_gives_a_warning_and_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("config/resolu");
    std::fs::create_dir_all(&folder).unwrap();
    let config = folder.join("config.toml");
    for (make, warning) in [
        (
            (|c: &Path| mkfifo(c)) as fn(&Path),
            "config.toml: a FIFO (named pipe), not a regular file",
        ),
        (
            |c: &Path| std::os::unix::fs::symlink("/dev/zero", c).unwrap(),
            "config.toml: a character device, not a regular file",
        ),
    ] {
        let _ = std::fs::remove_file(&config);
        make(&config);
        let output = run(resolu(home.path(), &["list"]));
        let stderr = text(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains(warning), "{stderr}");
        assert!(stderr.contains("using the defaults"), "{stderr}");
        // The built-in samples: the default config's corpus.
        assert_eq!(text(&output.stdout).lines().count(), 10, "{stderr}");
    }
    // Over 1 MB: not read either (a config is a few kB).
    std::fs::remove_file(&config).unwrap();
    std::fs::write(&config, "# padding\n".repeat(110_000)).unwrap();
    let output = run(resolu(home.path(), &["list"]));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("more than the 1048576-byte limit"),
        "{stderr}"
    );
    assert!(output.status.success(), "{stderr}");
}

/// `max_file_mb = MB` in the config of `home`.
fn set_limit(home: &Path, mb: &str) {
    let folder = home.join("config/resolu");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), format!("max_file_mb = {mb}\n")).unwrap();
}

#[test]
fn a_file_over_the_size_limit_is_skipped_with_a_warning_naming_it() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path(), "corpus");
    // One sample made 600 kB with trailing blank lines: still a resolution, over a 0.5 MB limit.
    let big = corpus.join("A_RES_80_1.en.txt");
    let mut bytes = std::fs::read(&big).unwrap();
    bytes.resize(600_000, b'\n');
    std::fs::write(&big, bytes).unwrap();
    let corpus = corpus.to_str().unwrap();
    let warning = "A_RES_80_1.en.txt: file: 0.6 MB, larger than the 0.5 MB limit \
                   (`max_file_mb` in the config): skipped";
    let check = |cache: Option<&str>| {
        let mut args = vec!["check", corpus];
        args.extend(cache);
        let output = run(resolu(home.path(), &args));
        (text(&output.stdout), text(&output.stderr))
    };
    for cache in [Some("--no-cache"), None] {
        set_limit(home.path(), "0.5");
        let (stdout, stderr) = check(cache);
        assert!(stdout.contains(warning), "{stdout}");
        assert_eq!(documents_read(&stderr), 4, "{stderr}");
        // The limit raised: the file is read (a refusal is never taken from the cache).
        set_limit(home.path(), "1");
        let (stdout, stderr) = check(cache);
        assert!(!stdout.contains("limit"), "{stdout}");
        assert_eq!(documents_read(&stderr), 5, "{stderr}");
        // And lowered again: the file cached as read is refused now.
        set_limit(home.path(), "0.5");
        let (stdout, stderr) = check(cache);
        assert!(stdout.contains(warning), "{stdout}");
        assert_eq!(documents_read(&stderr), 4, "{stderr}");
    }
}

/// Run `load` `times` times on a thread of its own while another thread swaps `file` between
/// the document it was and a FIFO as fast as it can; every load must end (the watchdog fails
/// the test otherwise). Returns how many loads met the FIFO.
fn race_against_a_fifo(
    file: &Path,
    times: usize,
    load: impl Fn() -> (usize, Vec<(String, FileError)>) + Send + 'static,
) -> usize {
    let original = std::fs::read(file).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let swaps = Arc::new(AtomicUsize::new(0));
    let swapper = {
        let (stop, swaps, file) = (stop.clone(), swaps.clone(), file.to_path_buf());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::remove_file(&file);
                mkfifo(&file);
                std::thread::yield_now();
                let _ = std::fs::remove_file(&file);
                if std::fs::write(&file, &original).is_err() {
                    break; // the test failed and its folder is gone
                }
                swaps.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let (sent, received) = mpsc::channel();
    std::thread::spawn(move || {
        for _ in 0..times {
            sent.send(load()).unwrap();
        }
    });
    let mut met_fifo = 0;
    for round in 0..times {
        let (resolutions, problems) = received
            .recv_timeout(WATCHDOG)
            .unwrap_or_else(|_| panic!("load {round} still running after {WATCHDOG:?}: it hangs"));
        // The file was a document, a FIFO or gone (so not even found) at the moment it was
        // looked at: never anything but those, and the other four always load.
        assert!(resolutions == 5 || resolutions == 4, "{problems:?}");
        assert!(resolutions + problems.len() <= 5, "{problems:?}");
        for (path, error) in &problems {
            assert!(path.ends_with("A_RES_80_21.en.txt"), "{path}");
            assert!(
                matches!(
                    error,
                    FileError::NotRegular(FileKind::Fifo)
                        | FileError::Missing
                        | FileError::Empty
                        | FileError::NotAResolution
                        | FileError::Unreadable(_)
                ),
                "{error:?}"
            );
            met_fifo += usize::from(*error == FileError::NotRegular(FileKind::Fifo));
        }
    }
    stop.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
    assert!(swaps.load(Ordering::Relaxed) > 0);
    met_fifo
}

#[test]
fn a_file_swapped_for_a_fifo_while_the_corpus_loads_never_hangs_the_load() {
    let home = tempfile::tempdir().unwrap();
    let corpus = corpus_in(home.path(), "corpus");
    let file = corpus.join("A_RES_80_21.en.txt");
    let paths = vec![corpus.clone()];
    let plain = race_against_a_fifo(&file, 200, move || {
        let loaded = load_paths(&paths);
        let problems = loaded
            .problems
            .into_iter()
            .map(|p| (p.path, p.error))
            .collect();
        (loaded.resolutions.len(), problems)
    });
    // Through the cache, as every command and the terminal UI load.
    let cache = home.path().join("cache");
    let source = CorpusSource::Paths(vec![corpus.clone()]);
    let cached = race_against_a_fifo(&file, 200, move || {
        let (loaded, _) = commands::read_reporting(&source, Some(&cache), 1 << 20, &|_, _| {});
        let problems = loaded
            .problems
            .into_iter()
            .map(|p| (p.path, p.error))
            .collect();
        (loaded.resolutions.len(), problems)
    });
    eprintln!("loads that met the FIFO: {plain} of 200 without the cache, {cached} of 200 with");
}

#[test]
fn one_folder_reached_by_several_spellings_loads_each_document_once() {
    let home = tempfile::tempdir().unwrap();
    let d = corpus_in(home.path(), "d");
    // Inside the folder: a symlink to one of its files and a hard link to another.
    std::os::unix::fs::symlink("A_RES_80_1.en.txt", d.join("zz-link.txt")).unwrap();
    std::fs::hard_link(d.join("A_RES_80_2.en.md"), d.join("zz-hard.md")).unwrap();
    std::os::unix::fs::symlink(&d, home.path().join("dl")).unwrap();
    let absolute = d.to_str().unwrap().to_string();
    let spellings: Vec<Vec<&str>> = vec![
        vec!["d"],
        vec!["d", "d"],
        vec!["d", "d/"],
        vec!["d", "./d"],
        vec!["d", "d/../d"],
        vec!["d", &absolute],
        vec!["d", "dl"],
        vec!["dl/", "d/A_RES_80_1.en.txt"],
        vec!["d/zz-hard.md", "d"],
    ];
    for paths in &spellings {
        for cache in [None, Some("--no-cache")] {
            let mut args = vec!["check"];
            args.extend(paths);
            args.extend(cache);
            let output = run(resolu(home.path(), &args));
            let stderr = text(&output.stderr);
            let stdout = text(&output.stdout);
            assert_eq!(documents_read(&stderr), 5, "{args:?}: {stderr}{stdout}");
            assert!(!stdout.contains("also in"), "{args:?}: {stdout}");
            assert!(output.status.success(), "{args:?}: {stderr}");
        }
        // The terminal UI's loader (through the cache), in the same process.
        let given: Vec<PathBuf> = paths.iter().map(|p| home.path().join(p)).collect();
        let (corpus, _) = commands::read_reporting(
            &CorpusSource::Paths(given),
            Some(&home.path().join("cache-ui")),
            1 << 20,
            &|_, _| {},
        );
        assert_eq!(corpus.resolutions.len(), 5, "{paths:?}");
    }
}
