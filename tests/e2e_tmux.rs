//! The real binary in a real terminal (tmux): type a query and read the screen, quit with `q`;
//! hang up and terminate it and check the terminal modes are put back and the process is gone.
//! Skipped, with a note, where tmux is not installed. Polls with short sleeps and a deadline:
//! the binary is an outside process.

// Test and tool code: a failure is meant to stop it, and clippy's pedantic group is for src/.
#![allow(
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A watchdog, not a timing: generous, since the tests run in parallel (the signal, paste and
/// burst tests of issue 13 made the slow-load one pass 20 s on 2 shared cores).
const DEADLINE: Duration = Duration::from_secs(60);

fn binary() -> PathBuf {
    // RESOLU_E2E_BIN lets a developer point the test at another build of the UI.
    std::env::var_os("RESOLU_E2E_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_resolu")))
}

fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("note: tmux is not installed; skipping the end-to-end terminal test");
    }
    found
}

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

static SERVERS: AtomicUsize = AtomicUsize::new(0);

impl Tmux {
    /// Start `command` (run by `sh -c`) in a 120×40 window that stays after it exits.
    fn start(command: &str) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("resolu-e2e-{}-{n}", std::process::id());
        let tmux = Tmux { socket, dir };
        let home = tmux.dir.path().display().to_string();
        let env = |name: &str, value: &str| ["-e".to_string(), format!("{name}={value}")];
        let mut args: Vec<String> = vec!["-f".into(), "/dev/null".into(), "new-session".into()];
        args.extend(["-d", "-s", "main", "-x", "120", "-y", "40"].map(String::from));
        // A clean home: no user config, logs in the temporary folder.
        args.extend(env("HOME", &home));
        args.extend(env("XDG_CONFIG_HOME", &format!("{home}/config")));
        args.extend(env("XDG_CACHE_HOME", &format!("{home}/cache")));
        args.extend(env("XDG_STATE_HOME", &format!("{home}/state")));
        args.extend(env("RESOLU_CORPUS", ""));
        args.extend(["sh".into(), "-c".into(), command.into()]);
        let started = tmux.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(
            started.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&started.stderr)
        );
        tmux.run(&["set-option", "-t", "main", "remain-on-exit", "on"]);
        tmux
    }

    /// The UI on the sample corpus, once its first frame is drawn.
    fn start_ui() -> Tmux {
        let tmux = Tmux::start(&format!("cd \"$HOME\" && {}", quoted(&binary())));
        tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// What resolu logged (its log files in the state folder), for a failure's message.
    fn log(&self) -> String {
        let mut text = String::new();
        if let Ok(entries) = std::fs::read_dir(self.path("state/resolu")) {
            for entry in entries.flatten() {
                text += &std::fs::read_to_string(entry.path()).unwrap_or_default();
            }
        }
        text
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        self.run(&args);
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    fn show(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "main", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// [`Tmux::show`] once it reads `want`, or what it reads after 5 s: tmux reads the pane's
    /// output on its own time, so the last bytes a process wrote before it ended (the restore)
    /// may not be read yet when the shell has already written the status file.
    fn show_settled(&self, format: &str, want: &str) -> String {
        let start = Instant::now();
        loop {
            let value = self.show(format);
            if value == want || start.elapsed() > Duration::from_secs(5) {
                return value;
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Wait until `ready` holds for the screen; fail with the screen otherwise.
    fn wait_for_screen(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_file(&self, name: &str) -> String {
        let path = self.path(name);
        let start = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && text.ends_with('\n')
            {
                return text.trim().to_string();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {name}:\n{}",
                self.screen()
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// `get` until `done` holds of its value or the deadline passes; the last value.
fn poll<T>(get: impl Fn() -> T, done: impl Fn(&T) -> bool) -> T {
    let start = Instant::now();
    loop {
        let value = get();
        if done(&value) || start.elapsed() >= DEADLINE {
            return value;
        }
        sleep(Duration::from_millis(50));
    }
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn type_a_query_read_the_screen_and_quit() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {}; echo $? > status",
        quoted(&binary())
    ));
    let start = tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    assert!(start.contains("A/HRC/RES/44/18"), "{start}");
    assert_eq!(
        tmux.show_settled("#{alternate_on}", "1"),
        "1",
        "the UI draws on the alternate screen"
    );
    tmux.send(&["/"]);
    tmux.type_text("vaccins");
    let screen = tmux.wait_for_screen("the results", |s| {
        s.contains("Results — ") && s.contains("paragraphs in") && s.contains("vaccins")
    });
    assert!(screen.contains("/ vaccins"), "{screen}");
    // Enter leaves the query bar; Esc never quits. One key at a time, as a person types: ESC
    // and a key in one write is Alt and that key.
    tmux.send(&["Enter"]);
    tmux.send(&["Escape"]);
    tmux.wait_for_screen("the query cleared", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["Escape"]);
    sleep(Duration::from_millis(300));
    assert!(
        !tmux.path("status").exists(),
        "Esc quit:\n{}",
        tmux.screen()
    );
    assert!(tmux.screen().contains("Resolutions 10/10"));
    tmux.send(&["q"]);
    // The shell records the binary's own exit status once it has ended.
    let status = tmux.wait_for_file("status");
    assert_eq!(status, "0");
    assert_eq!(
        tmux.show_settled("#{alternate_on}", "0"),
        "0",
        "the alternate screen was left"
    );
}

/// Run the UI under a shell that records the tty modes before and after, send `signal`, and
/// check the modes are back, the alternate screen left, and the process gone.
fn restores_the_terminal_on(signal: &str, expected_status: i32) {
    let script = format!(
        "cd \"$HOME\" && stty -g > before; sh -c 'echo $$ > pid; exec \"$0\"' {}; \
         echo $? > status; stty -g > after; sleep 60",
        quoted(&binary())
    );
    let tmux = Tmux::start(&script);
    let pid = tmux.wait_for_file("pid");
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    let killed = Command::new("kill")
        .args([&format!("-{signal}"), &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = tmux.wait_for_file("status");
    assert_eq!(
        status,
        expected_status.to_string(),
        "exit status after SIG{signal}"
    );
    let after = tmux.wait_for_file("after");
    let before = tmux.wait_for_file("before");
    assert_eq!(before, after, "tty modes after SIG{signal}");
    assert_eq!(
        tmux.show_settled("#{alternate_on}", "0"),
        "0",
        "alternate screen left after SIG{signal}"
    );
    assert_eq!(
        tmux.show_settled("#{cursor_flag}", "1"),
        "1",
        "cursor shown after SIG{signal}"
    );
    let alive = Command::new("kill").args(["-0", &pid]).output().unwrap();
    assert!(
        !alive.status.success(),
        "the process is still running after SIG{signal}"
    );
}

#[test]
fn sighup_and_sigterm_restore_the_terminal() {
    if !have_tmux() {
        return;
    }
    restores_the_terminal_on("HUP", 128 + 1);
    restores_the_terminal_on("TERM", 128 + 15);
}

// One test per signal the attack found leaving the terminal raw (issue 13, item 7).
#[test]
fn sigquit_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    restores_the_terminal_on("QUIT", 128 + 3);
}

#[test]
fn sigusr1_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    restores_the_terminal_on("USR1", 128 + 10);
}

#[test]
fn sigusr2_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    restores_the_terminal_on("USR2", 128 + 12);
}

#[test]
fn sigalrm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    restores_the_terminal_on("ALRM", 128 + 14);
}

#[test]
fn the_rarer_ending_signals_restore_the_terminal_too() {
    if !have_tmux() {
        return;
    }
    // SIGVTALRM, SIGPROF, SIGXCPU, SIGPWR, SIGSYS and the first real-time signal (Linux numbers).
    for (signal, number) in [
        ("VTALRM", 26),
        ("PROF", 27),
        ("XCPU", 24),
        ("PWR", 30),
        ("SYS", 31),
        ("RTMIN", 34),
    ] {
        restores_the_terminal_on(signal, 128 + number);
    }
}

/// Start the UI as a job of an interactive shell; its process id.
fn ui_in_a_shell(tmux: &Tmux) -> String {
    tmux.wait_for_screen("the prompt", |s| s.contains("shell$"));
    tmux.type_text(&format!(
        "sh -c 'echo $$ > pid; exec \"$0\"' {}",
        quoted(&binary())
    ));
    tmux.send(&["Enter"]);
    let pid = tmux.wait_for_file("pid");
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    pid
}

#[test]
fn sigtstp_from_outside_gives_the_shell_back_and_fg_repaints_the_whole_screen() {
    if !have_tmux() || Command::new("bash").arg("--version").output().is_err() {
        return;
    }
    let tmux = Tmux::start("cd \"$HOME\" && PS1='shell$ ' exec bash --norc --noprofile -i");
    let pid = ui_in_a_shell(&tmux);
    assert!(
        Command::new("kill")
            .args(["-TSTP", &pid])
            .status()
            .unwrap()
            .success()
    );
    let stopped = tmux.wait_for_screen("the shell", |s| {
        s.contains("Stopped") && s.trim_end().ends_with("shell$")
    });
    assert_eq!(tmux.show_settled("#{alternate_on}", "0"), "0", "{stopped}");
    assert_eq!(tmux.show_settled("#{cursor_flag}", "1"), "1", "{stopped}");
    // Back on a fresh alternate screen: only a whole repaint shows the frame again.
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for_screen("the UI again", |s| {
        s.contains("Resolutions 10/10") && s.contains("A/HRC/RES/44/18")
    });
    assert_eq!(tmux.show_settled("#{alternate_on}", "1"), "1", "{screen}");
    // Still answering keys, in raw mode: `q` alone quits.
    tmux.send(&["q"]);
    tmux.wait_for_screen("the prompt after quitting", |s| {
        s.trim_end().ends_with("shell$")
    });
}

#[test]
fn sigtstp_with_no_shell_to_continue_it_does_not_stop_the_ui() {
    if !have_tmux() {
        return;
    }
    // Under `sh -c`, no job control: nothing could `fg` a stopped process, and the kernel drops
    // SIGTSTP for such a process group. resolu must not stop itself for ever with SIGSTOP.
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && sh -c 'echo $$ > pid; exec \"$0\"' {}; echo $? > status",
        quoted(&binary())
    ));
    let pid = tmux.wait_for_file("pid");
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    assert!(
        Command::new("kill")
            .args(["-TSTP", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_for_screen("the UI still there", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["q"]);
    assert_eq!(tmux.wait_for_file("status"), "0");
}

#[test]
fn sigcont_after_an_outside_sigstop_repaints() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && sh -c 'echo $$ > pid; exec \"$0\"' {}; echo $? > status",
        quoted(&binary())
    ));
    let pid = tmux.wait_for_file("pid");
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    assert!(
        Command::new("kill")
            .args(["-STOP", &pid])
            .status()
            .unwrap()
            .success()
    );
    // While it is stopped, someone writes on its screen.
    let tty = tmux.show("#{pane_tty}");
    std::fs::write(&tty, "\x1b[2J\x1b[HGARBAGE-WHILE-STOPPED").unwrap();
    tmux.wait_for_screen("the garbage", |s| s.contains("GARBAGE-WHILE"));
    assert!(
        Command::new("kill")
            .args(["-CONT", &pid])
            .status()
            .unwrap()
            .success()
    );
    tmux.wait_for_screen("the repaint", |s| {
        !s.contains("GARBAGE-WHILE") && s.contains("Resolutions 10/10")
    });
    tmux.send(&["q"]);
    assert_eq!(tmux.wait_for_file("status"), "0");
}

#[test]
fn a_resize_redraws_at_the_new_size() {
    if !have_tmux() {
        return;
    }
    // Resizes come from SIGWINCH now that resolu reads the terminal itself.
    let tmux = Tmux::start_ui();
    let wide = |s: &str| s.lines().any(|l| l.trim_end().chars().count() > 140);
    assert!(!wide(&tmux.screen()));
    let resized = tmux.run(&["resize-window", "-t", "main", "-x", "150", "-y", "45"]);
    assert!(resized.status.success(), "{resized:?}");
    tmux.wait_for_screen("a frame 150 columns wide", |s| {
        wide(s) && s.contains("Resolutions 10/10")
    });
    tmux.send(&["q"]);
}

#[test]
fn the_country_picker_opens_with_its_key_and_shows_a_history() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start_ui();
    tmux.send(&["C"]);
    tmux.wait_for_screen("the picker", |s| s.contains("Pick a country"));
    tmux.type_text("allemagne");
    tmux.wait_for_screen("Germany matched", |s| s.contains("DEU  Germany"));
    tmux.send(&["Enter"]);
    // The history, once the loader has handed over the vote store, and the query follows.
    let screen = tmux.wait_for_screen("Germany's history", |s| {
        s.contains("History DEU") && s.contains("voted no")
    });
    assert!(screen.contains("/ c:deu"), "{screen}");
    tmux.send(&["q"]);
}

/// Put `bytes` in a tmux buffer and paste it as they are (no brackets of tmux's own).
fn paste_raw(tmux: &Tmux, bytes: &str) {
    let set = tmux.run(&["set-buffer", "-b", "raw", bytes]);
    assert!(set.status.success(), "{set:?}");
    let pasted = tmux.run(&["paste-buffer", "-b", "raw", "-t", "main"]);
    assert!(pasted.status.success(), "{pasted:?}");
}

#[test]
fn an_unended_bracketed_paste_ends_and_the_keys_after_it_work() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {}; echo $? > status",
        quoted(&binary())
    ));
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    // `printf '\e[200~abc'` pasted: the end of the paste never comes. It ends by itself and is
    // pasted into the query bar.
    paste_raw(&tmux, "\x1b[200~abc");
    tmux.wait_for_screen("the paste in the query bar", |s| s.contains("/ abc"));
    tmux.send(&["Escape"]);
    tmux.wait_for_screen("the query bar left", |s| !s.contains(" QUERY "));
    tmux.send(&["q"]);
    assert_eq!(tmux.wait_for_file("status"), "0");
    assert_eq!(tmux.show_settled("#{alternate_on}", "0"), "0");
}

#[test]
fn ctrl_c_quits_from_inside_an_unended_paste() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {} 2> stderr.txt; echo $? > status",
        quoted(&binary())
    ));
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    paste_raw(&tmux, "\x1b[200~abc");
    tmux.send(&["C-c"]);
    let status = tmux.wait_for_file("status");
    let stderr = std::fs::read_to_string(tmux.path("stderr.txt")).unwrap_or_default();
    let log = tmux.log();
    assert_eq!(status, "0", "stderr: {stderr}\nlog: {log}");
    assert_eq!(tmux.show_settled("#{alternate_on}", "0"), "0");
}

#[test]
fn an_unbracketed_burst_of_5000_characters_arrives_whole() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {}; echo $? > status",
        quoted(&binary())
    ));
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["/"]);
    tmux.wait_for_screen("the query bar", |s| s.contains(" QUERY "));
    // One word: 4,990 letters and a mark at the end, in one write far larger than one read.
    let burst = format!("{}ENDOFBURST", "x".repeat(4990));
    tmux.type_text(&burst);
    // Its end shows with no key after it: nothing stalls part-way waiting for more input.
    tmux.wait_for_screen("the end of the burst", |s| s.contains("xxENDOFBURST"));
    tmux.send(&["Enter"]);
    tmux.send(&["Escape"]);
    tmux.wait_for_screen("the query bar left", |s| !s.contains(" QUERY "));
    tmux.send(&["q"]);
    assert_eq!(tmux.wait_for_file("status"), "0");
    // Every character arrived: the remembered query is the burst, whole.
    let history = std::fs::read_to_string(tmux.path("state/resolu/history.txt")).unwrap();
    assert_eq!(history.trim_end(), burst);
}

#[test]
fn mouse_capture_reports_buttons_and_the_wheel_not_every_motion() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start_ui();
    assert_eq!(
        tmux.show("#{mouse_any_flag}"),
        "0",
        "no mouse capture by default"
    );
    // `m` turns the mouse on: clicks and the wheel (standard tracking, SGR form), and no
    // any-motion tracking, which would make every movement an event and a frame.
    tmux.send(&["m"]);
    // tmux: `standard` is ?1000, `button` ?1002 (drag), `all` ?1003 (every motion).
    let flags = poll(
        || {
            tmux.show(
                "#{mouse_standard_flag} #{mouse_sgr_flag} #{mouse_button_flag} #{mouse_all_flag}",
            )
        },
        |flags| flags.starts_with('1'),
    );
    assert_eq!(flags, "1 1 0 0");
    tmux.send(&["m"]);
    tmux.wait_for_screen("the mouse off", |_| {
        tmux.show("#{mouse_standard_flag}") == "0"
    });
    tmux.send(&["q"]);
}

#[test]
fn ctrl_z_suspends_to_the_shell_fg_resumes_and_ctrl_l_repaints() {
    if !have_tmux() || Command::new("bash").arg("--version").output().is_err() {
        return;
    }
    // An interactive shell, for job control.
    let tmux = Tmux::start("cd \"$HOME\" && PS1='shell$ ' exec bash --norc --noprofile -i");
    tmux.wait_for_screen("the prompt", |s| s.contains("shell$"));
    tmux.type_text(&quoted(&binary()));
    tmux.send(&["Enter"]);
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["C-z"]);
    let stopped = tmux.wait_for_screen("the shell", |s| s.contains("Stopped"));
    assert_eq!(tmux.show_settled("#{alternate_on}", "0"), "0", "{stopped}");
    // `fg` is read by the shell, not by resolu as `f`, `g`, Enter.
    tmux.type_text("fg");
    tmux.send(&["Enter"]);
    tmux.wait_for_screen("the UI again", |s| s.contains("Resolutions 10/10"));
    assert_eq!(tmux.show_settled("#{alternate_on}", "1"), "1");
    // Text another program writes on the terminal goes with Ctrl-L.
    let tty = tmux.show("#{pane_tty}");
    std::fs::write(&tty, "GARBAGE-WRITTEN-BY-ANOTHER-PROGRAM").unwrap();
    tmux.wait_for_screen("the garbage", |s| s.contains("GARBAGE-WRITTEN"));
    tmux.send(&["C-l"]);
    tmux.wait_for_screen("the repaint", |s| {
        !s.contains("GARBAGE-WRITTEN") && s.contains("Resolutions 10/10")
    });
    tmux.send(&["q"]);
    tmux.wait_for_screen("the prompt after quitting", |s| {
        s.trim_end().ends_with("shell$")
    });
}

#[test]
fn y_copies_into_tmux_with_its_default_options() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start_ui();
    // Open the selected resolution, copy its first paragraph.
    tmux.send(&["Enter"]);
    tmux.send(&["y"]);
    let screen = tmux.wait_for_screen("the copy reported", |s| s.contains("tmux buffer"));
    assert!(screen.contains("Copied A/RES/80/17, PP 1"), "{screen}");
    let buffer = poll(
        || String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned(),
        |buffer| !buffer.is_empty(),
    );
    assert!(
        buffer.starts_with("A/RES/80/17, PP 1: "),
        "tmux buffer: {buffer:?}"
    );
    tmux.send(&["q"]);
}

#[test]
fn a_paste_without_bracketed_paste_stays_text_in_the_query_bar() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start_ui();
    tmux.send(&["/"]);
    // One write, as a terminal delivers a paste when bracketed paste is off: the newline in the
    // middle must not end the query and run `s` (sort) and `m` (mouse) as commands.
    tmux.type_text("vaccins\rsm");
    let screen = tmux.wait_for_screen("the pasted query", |s| s.contains("vaccins sm"));
    assert_eq!(tmux.show("#{mouse_any_flag}"), "0", "{screen}");
    assert!(!screen.contains("Sorted by"), "{screen}");
    tmux.send(&["Escape", "Escape", "q"]);
}

#[test]
fn a_query_and_the_list_width_are_remembered_for_the_next_run() {
    if !have_tmux() {
        return;
    }
    let bin = quoted(&binary());
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {bin}; echo done > first; {bin}; echo $? > status"
    ));
    tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["/"]);
    tmux.type_text("vaccins");
    tmux.wait_for_screen("the results", |s| s.contains("paragraphs in"));
    tmux.send(&["Enter"]);
    tmux.send(&["Escape"]);
    tmux.send(&["Escape"]);
    tmux.wait_for_screen("the query cleared", |s| s.contains("Resolutions 10/10"));
    tmux.send(&["+"]);
    tmux.wait_for_screen("the list widened", |s| s.contains("42 columns wide"));
    tmux.send(&["q"]);
    tmux.wait_for_file("first");
    // In the temporary home's state folder, never the user's.
    let history = std::fs::read_to_string(tmux.path("state/resolu/history.txt")).unwrap();
    assert_eq!(history, "vaccins\n");
    let state = std::fs::read_to_string(tmux.path("state/resolu/state.toml")).unwrap();
    assert!(state.contains("list_width = 42"), "{state}");
    let screen = tmux.wait_for_screen("the second run", |s| s.contains("Resolutions 10/10"));
    // The list is 42 columns wide again: its top right corner is the 42nd character.
    let top = screen.lines().find(|l| l.contains("Resolutions")).unwrap();
    assert_eq!(top.chars().position(|c| c == '┓'), Some(41), "{screen}");
    tmux.send(&["/", "C-p"]);
    // Recalled, then answered (the second run's index may still be on its way: "searching…").
    tmux.wait_for_screen("the recalled query answered", |s| {
        s.contains("/ vaccins") && s.contains("paragraphs in")
    });
    tmux.send(&["Escape"]);
    tmux.wait_for_screen("the query bar left", |s| !s.contains(" QUERY "));
    tmux.send(&["q"]);
    assert_eq!(tmux.wait_for_file("status"), "0");
}

#[test]
fn a_mistyped_subcommand_or_a_missing_path_never_opens_the_ui() {
    if !have_tmux() {
        return;
    }
    // The alternate screen's state is written after each command: the UI would have switched
    // it on, and a message printed to the normal screen stays readable.
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {bin} lsit; echo $? > typo; {bin} ./no-such-folder; echo $? > missing; \
         sleep 30",
        bin = quoted(&binary())
    ));
    assert_eq!(tmux.wait_for_file("typo"), "2");
    assert_eq!(tmux.wait_for_file("missing"), "1");
    let screen = tmux.wait_for_screen("both messages", |s| {
        s.contains("did you mean `resolu list`?") && s.contains("no-such-folder")
    });
    assert!(screen.contains("no such file or folder"), "{screen}");
    assert_eq!(tmux.show_settled("#{alternate_on}", "0"), "0", "{screen}");
    assert!(
        !screen.contains("Resolutions"),
        "no UI was drawn:\n{screen}"
    );
}

#[test]
fn config_warnings_show_once_in_the_status_line() {
    if !have_tmux() {
        return;
    }
    let tmux = Tmux::start(&format!(
        "mkdir -p \"$XDG_CONFIG_HOME/resolu\" && printf 'frobnicate = 1\\n' > \
         \"$XDG_CONFIG_HOME/resolu/config.toml\" && cd \"$HOME\" && {}",
        quoted(&binary())
    ));
    let screen = tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    assert!(
        screen.contains("config: 1 warning") && screen.contains("frobnicate"),
        "{screen}"
    );
    // Once: the next key clears it, and it does not come back.
    tmux.send(&["j"]);
    let screen = tmux.wait_for_screen("the warning gone", |s| !s.contains("frobnicate"));
    tmux.send(&["k"]);
    sleep(Duration::from_millis(200));
    assert!(!tmux.screen().contains("frobnicate"), "{screen}");
    tmux.send(&["q"]);
}

#[test]
fn a_config_that_is_a_fifo_opens_the_ui_with_the_defaults_and_a_warning() {
    if !have_tmux() {
        return;
    }
    // A FIFO with no writer: reading it used to block before the first frame, for ever.
    let tmux = Tmux::start(&format!(
        "mkdir -p \"$XDG_CONFIG_HOME/resolu\" && mkfifo \"$XDG_CONFIG_HOME/resolu/config.toml\" \
         && cd \"$HOME\" && {}",
        quoted(&binary())
    ));
    let screen = tmux.wait_for_screen("the first frame", |s| s.contains("Resolutions 10/10"));
    assert!(
        screen.contains("config: 1 warning") && screen.contains("FIFO"),
        "{screen}"
    );
    tmux.send(&["q"]);
}

/// The real General Assembly PDFs beside the project: a load slow enough (about 2 s) for the
/// progress bar.
fn slow_corpus() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ga-pdf");
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!(
            "note: {} is absent; skipping the progress bar test",
            path.display()
        );
        None
    }
}

#[test]
fn a_slow_load_shows_a_progress_bar_on_a_terminal_and_nothing_when_piped() {
    if !have_tmux() {
        return;
    }
    let Some(corpus) = slow_corpus() else { return };
    let tmux = Tmux::start(&format!(
        "cd \"$HOME\" && {bin} list {corpus} > listed; {bin} list {corpus} > /dev/null 2> piped; \
         echo done > finished; sleep 30",
        bin = quoted(&binary()),
        corpus = quoted(&corpus)
    ));
    let screen = tmux.wait_for_screen("the progress bar", |s| {
        s.contains("reading") && s.contains("/238 files")
    });
    assert!(
        !screen.contains("A/RES/80"),
        "the list went to the file:\n{screen}"
    );
    tmux.wait_for_file("finished");
    // Cleared once loaded; the list itself is whole.
    let after = tmux.screen();
    assert!(!after.contains("files"), "{after}");
    let listed = std::fs::read_to_string(tmux.path("listed")).unwrap();
    assert!(listed.lines().count() >= 200, "{listed}");
    // Stderr not a terminal: no bar.
    let piped = std::fs::read_to_string(tmux.path("piped")).unwrap();
    assert!(!piped.contains("reading"), "{piped}");
}
