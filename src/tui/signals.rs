//! Which signals the terminal UI catches, and what each means for the terminal: every signal
//! that would end the process and can be caught ends it only after the terminal is put back;
//! SIGTSTP gives the terminal back before stopping; SIGCONT takes it again and repaints;
//! SIGWINCH is a resize.

use signal_hook::consts::signal::{
    SIGABRT, SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGSYS, SIGTERM, SIGTRAP,
    SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
};

/// What a caught signal asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Put the terminal back and end as the signal would have.
    End,
    /// Put the terminal back and stop; take it again when continued.
    Stop,
    /// Continued (after our stop or someone's SIGSTOP): take the terminal again, repaint.
    Continue,
    /// The window changed size.
    Resize,
}

/// The signals whose default action ends the process, that a handler may catch, and whose
/// handler returning is harmless. Left out, each for a reason:
/// - SIGKILL, SIGSTOP: cannot be caught.
/// - SIGSEGV, SIGILL, SIGFPE (signal-hook refuses them) and SIGBUS: faults. A handler that
///   returns runs the faulting instruction again, for ever; Rust's own faults are panics, which
///   the panic hook covers.
/// - SIGPIPE: ignored by every Rust program (std sets it so at start): a closed pipe is an
///   error from the write, the process does not end.
/// - SIGTTIN, SIGTTOU: stop a process that reads or writes the terminal from the background;
///   putting the terminal back from there would itself stop it.
/// - SIGCHLD, SIGURG, SIGWINCH, SIGCONT: ignored by default.
///
/// Taken, though some are rare: SIGABRT (a `kill -ABRT`; an `abort()` from inside ends the
/// process on its own re-raise, maybe before the terminal is back), SIGTRAP and SIGSYS (a
/// breakpoint or a seccomp trap continues past a returning handler, then the process ends as
/// it would have), SIGXCPU and SIGXFSZ (resource limits: the write past the size limit fails
/// instead, then the process ends), SIGVTALRM, SIGPROF and SIGALRM (timers nobody here sets),
/// SIGIO/SIGPOLL (no file is in async mode), SIGPWR and SIGSTKFLT (Linux), and the real-time
/// signals, whose default is to end the process.
pub fn ending() -> Vec<i32> {
    let mut signals = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGABRT, SIGTRAP, SIGSYS,
        SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        signals.extend([libc::SIGPWR, libc::SIGSTKFLT]);
        signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    }
    signals.retain(|s| !signal_hook::consts::FORBIDDEN.contains(s));
    signals
}

/// Every signal the UI catches.
pub fn caught() -> Vec<i32> {
    let mut signals = ending();
    signals.extend([SIGTSTP, SIGCONT, SIGWINCH]);
    signals
}

/// What `signal` asks of the loop.
pub fn meaning(signal: i32) -> Meaning {
    match signal {
        SIGTSTP => Meaning::Stop,
        SIGCONT => Meaning::Continue,
        SIGWINCH => Meaning::Resize,
        _ => Meaning::End,
    }
}

/// End the process the way `signal` would have (its default action, so a shell sees "killed by
/// signal n"), or with status 128 + n where that cannot be emulated.
pub fn end_as(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}

/// Stop the process as SIGTSTP would. Not by raising SIGTSTP, which the handler now catches:
/// SIGSTOP, which nothing catches. Unless no shell can continue it: a process group that is its
/// session leader's (no job control, as under `sh -c` in a terminal multiplexer) has no `fg`,
/// and the kernel itself drops SIGTSTP for it — so does this.
pub fn stop() -> std::io::Result<()> {
    use rustix::process::{getpgrp, getsid};
    if getsid(None).is_ok_and(|session| session == getpgrp()) {
        tracing::info!("not stopping: no shell here could continue this process");
        return Ok(());
    }
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ending_signal_is_caught_and_faults_and_stops_are_not() {
        use signal_hook::consts::signal::{SIGBUS, SIGPIPE, SIGTTIN, SIGTTOU};
        let ending = ending();
        for signal in [
            SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
        ] {
            assert!(ending.contains(&signal), "{signal}");
            assert_eq!(meaning(signal), Meaning::End);
        }
        for signal in [
            SIGBUS, SIGPIPE, SIGTTIN, SIGTTOU, SIGTSTP, SIGCONT, SIGWINCH,
        ] {
            assert!(!ending.contains(&signal), "{signal}");
        }
        for signal in signal_hook::consts::FORBIDDEN {
            assert!(!caught().contains(signal), "{signal}");
        }
        assert_eq!(meaning(SIGTSTP), Meaning::Stop);
        assert_eq!(meaning(SIGCONT), Meaning::Continue);
        assert_eq!(meaning(SIGWINCH), Meaning::Resize);
    }
}
