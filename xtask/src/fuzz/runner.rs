//! One target's run, in a worker process: generate input after input, run
//! each under a watchdog (a hang is saved and reported), catch panics (the
//! input is saved), and watch the peak resident memory. A hang is measured
//! in the CPU time of the thread running the input, so that a run on a
//! loaded machine does not report inputs that only waited for a core. Before each input
//! the worker writes its index to stdout, so that the parent can rebuild
//! and save an input that killed the process (a stack overflow aborts; it
//! cannot be caught).

use super::mutate::{self, Limits};
use super::rng::Rng;
use super::seeds::Seeds;
use super::targets;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Exit status of a worker whose input ran past the abort limit.
pub const EXIT_STALLED: i32 = 3;

/// The index the worker writes before its summary.
pub const SUMMARY_MARK: u64 = u64::MAX;

/// The index the worker writes before a hang report (a length, then the
/// line), so that hangs reach the parent even if a later input kills the
/// worker.
pub const HANG_MARK: u64 = u64::MAX - 1;

/// An input that has used this many times its limit of CPU stops the target.
pub const ABORT_FACTOR: u32 = 10;

/// An input still running after this many times its limit of wall time
/// stops the target even if it uses no CPU: it waits on something that
/// never comes. Far above [`ABORT_FACTOR`], so that a loaded machine does
/// not stop a busy input.
pub const STALL_FACTOR: u32 = 100;

/// What one worker runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The target's name.
    pub target: String,
    /// The run's seed.
    pub seed: u64,
    /// The end of the run: inputs `start..inputs` are run.
    pub inputs: u64,
    /// The first input's index (after a restart).
    pub start: u64,
    /// The time one input may take.
    pub per_input: Duration,
    /// The bound on peak resident memory, in MB.
    pub max_rss_mb: u64,
    /// The generator's limits.
    pub limits: Limits,
    /// Where failing inputs are saved.
    pub failures: PathBuf,
}

/// What a worker reports.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Inputs run to the end.
    pub inputs: u64,
    /// Median time per input, nanoseconds.
    pub median_ns: u64,
    /// Longest time of an input, nanoseconds.
    pub max_ns: u64,
    /// Peak resident memory (VmHWM), kB; 0 where /proc is not available.
    pub peak_rss_kb: u64,
    /// One line per failure: what happened and where the input was saved.
    pub failures: Vec<String>,
}

/// The input currently running, shared with the watchdog.
struct Current {
    index: u64,
    started: Instant,
    input: Arc<Vec<u8>>,
    running: bool,
    /// Set by the watchdog when the input's CPU time passed the limit.
    hang_reported: bool,
    /// The CPU time the input has used, as last measured by the watchdog.
    cpu: Duration,
}

/// The CPU time (user and system) a thread has used, read from its
/// `/proc/PID/task/TID/stat`; `None` off Linux.
#[derive(Debug, Clone)]
struct ThreadClock {
    stat: PathBuf,
}

impl ThreadClock {
    /// The calling thread's clock.
    fn of_this_thread() -> Option<Self> {
        let task = std::fs::read_link("/proc/thread-self").ok()?;
        let clock = Self {
            stat: Path::new("/proc").join(task).join("stat"),
        };
        clock.now().map(|_| clock)
    }

    fn now(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(&self.stat).ok()?;
        // Fields after the command name (which may hold spaces, so it is
        // skipped up to its closing parenthesis): utime and stime are the
        // 14th and 15th fields, the 12th and 13th after it.
        let mut fields = stat.get(stat.rfind(')')? + 2..)?.split(' ');
        let utime: u64 = fields.nth(11)?.parse().ok()?;
        let stime: u64 = fields.next()?.parse().ok()?;
        // Clock ticks: USER_HZ is 100 on every Linux architecture.
        Some(Duration::from_millis((utime + stime) * 10))
    }
}

/// Builds input `index` of `config`'s target.
pub fn input(config: &Config, seeds: &Seeds, index: u64) -> Vec<u8> {
    let own = match config.target.as_str() {
        "html" => &seeds.html,
        "text" => &seeds.text,
        "json" => &seeds.json,
        "envelope" => &seeds.envelope,
        _ => &seeds.all,
    };
    let mut rng = Rng::for_input(config.seed, &config.target, index);
    mutate::generate(&mut rng, &config.target, own, &seeds.all, config.limits)
}

/// Saves a failing input as `<target>-<what>-<seed>-<index>.bin`.
pub fn save(config: &Config, what: &str, index: u64, input: &[u8]) -> String {
    let name = format!("{}-{what}-{}-{index}.bin", config.target, config.seed);
    let path = config.failures.join(name);
    let written =
        std::fs::create_dir_all(&config.failures).and_then(|()| std::fs::write(&path, input));
    match written {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}

static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Panics inside a target are recorded, not printed: the run reports them.
/// Returns the hook it replaced, for the end of the run.
fn install_panic_hook() -> Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Sync + Send + 'static> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a non-string panic payload".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        *PANIC_MESSAGE.lock().unwrap_or_else(PoisonError::into_inner) =
            Some(format!("{message}{place}"));
    }));
    previous
}

/// Runs the worker; `progress` receives each input's index before it runs.
pub fn run(config: &Config, seeds: &Seeds, progress: &mut impl Write) -> Summary {
    run_with(config, seeds, progress, &|input| {
        targets::run(&config.target, input)
    })
}

/// [`run`] with the target given as a function.
fn run_with(
    config: &Config,
    seeds: &Seeds,
    progress: &mut impl Write,
    target: &dyn Fn(&[u8]) -> Result<(), String>,
) -> Summary {
    let previous_hook = install_panic_hook();
    let current = Arc::new(Mutex::new(Current {
        index: 0,
        started: Instant::now(),
        input: Arc::new(Vec::new()),
        running: false,
        hang_reported: false,
        cpu: Duration::ZERO,
    }));
    let stop = Arc::new(AtomicUsize::new(0));
    let watchdog = spawn_watchdog(config, &current, &stop, ThreadClock::of_this_thread());

    let mut summary = Summary::default();
    let mut times =
        Vec::with_capacity((config.inputs - config.start.min(config.inputs)).min(1 << 24) as usize);
    let max_rss_kb = config.max_rss_mb * 1024;
    let mut last_note = Instant::now();
    for index in config.start..config.inputs {
        let bytes = Arc::new(input(config, seeds, index));
        {
            let mut c = current.lock().unwrap_or_else(PoisonError::into_inner);
            c.index = index;
            c.input = Arc::clone(&bytes);
            c.hang_reported = false;
            c.cpu = Duration::ZERO;
            c.running = true;
            c.started = Instant::now();
        }
        // The parent needs the index should this input kill the process.
        if progress
            .write_all(&index.to_le_bytes())
            .and_then(|()| progress.flush())
            .is_err()
        {
            break;
        }
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&bytes)));
        let elapsed = started.elapsed();
        let (hang, cpu) = {
            let mut c = current.lock().unwrap_or_else(PoisonError::into_inner);
            c.running = false;
            (c.hang_reported, c.cpu)
        };
        times.push(elapsed.as_nanos().min(u128::from(u64::MAX)) as u64);
        summary.inputs += 1;
        if hang {
            // The watchdog saved it while it ran; it is reported here, where
            // the whole time is known.
            let path = save(config, "hang", index, &bytes);
            let line = format!(
                "input #{index}: hang: {} ms of CPU ({} ms wall), over the limit of {} ms ({} bytes; saved to {path})",
                cpu.as_millis(),
                elapsed.as_millis(),
                config.per_input.as_millis(),
                bytes.len()
            );
            let mut record = HANG_MARK.to_le_bytes().to_vec();
            record.extend((line.len() as u64).to_le_bytes());
            record.extend(line.as_bytes());
            let _ = progress.write_all(&record).and_then(|()| progress.flush());
            summary.failures.push(line);
        }
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(broken)) => {
                let path = save(config, "broken", index, &bytes);
                summary
                    .failures
                    .push(format!("input #{index}: {broken} (saved to {path})"));
            }
            Err(_) => {
                let message = PANIC_MESSAGE
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take()
                    .unwrap_or_default();
                let path = save(config, "panic", index, &bytes);
                summary.failures.push(format!(
                    "input #{index}: panic: {message} (saved to {path})"
                ));
            }
        }
        // /proc is read after big or slow inputs (which are what grow
        // memory) and every 1024 inputs, not after each small one.
        if (bytes.len() > 256 << 10 || elapsed > Duration::from_millis(20) || index % 1024 == 0)
            && let Some(peak) = peak_rss_kb()
            && peak > max_rss_kb
        {
            let path = save(config, "memory", index, &bytes);
            summary.failures.push(format!(
                "input #{index}: peak resident memory {} MB, over the bound of {} MB (saved to {path}); target stopped",
                peak / 1024,
                config.max_rss_mb
            ));
            break;
        }
        if last_note.elapsed() > Duration::from_secs(60) {
            last_note = Instant::now();
            eprintln!(
                "  {}: {} of {} inputs",
                config.target,
                index + 1,
                config.inputs
            );
        }
    }
    stop.store(1, Ordering::Relaxed);
    let _ = watchdog.join();
    std::panic::set_hook(previous_hook);

    times.sort_unstable();
    summary.median_ns = times.get(times.len() / 2).copied().unwrap_or(0);
    summary.max_ns = times.last().copied().unwrap_or(0);
    summary.peak_rss_kb = peak_rss_kb().unwrap_or(0);
    summary
}

/// The watchdog: an input past its limit of CPU time is saved (and said on
/// stderr) while it runs; one at [`ABORT_FACTOR`] times the limit of CPU,
/// or [`STALL_FACTOR`] times it of wall time, ends the worker (with
/// [`EXIT_STALLED`]), since it may never finish.
///
/// An input's CPU time is counted from when the watchdog first saw it run:
/// at most one tick late, well inside the limit. Without a thread clock,
/// wall time is the measure.
fn spawn_watchdog(
    config: &Config,
    current: &Arc<Mutex<Current>>,
    stop: &Arc<AtomicUsize>,
    clock: Option<ThreadClock>,
) -> std::thread::JoinHandle<()> {
    let config = config.clone();
    let current = Arc::clone(current);
    let stop = Arc::clone(stop);
    let tick = (config.per_input / 4).clamp(Duration::from_millis(1), Duration::from_millis(50));
    std::thread::spawn(move || {
        // The input last seen, and the thread's CPU time then.
        let mut seen: Option<(u64, Duration)> = None;
        while stop.load(Ordering::Relaxed) == 0 {
            std::thread::sleep(tick);
            let mut c = current.lock().unwrap_or_else(PoisonError::into_inner);
            if !c.running {
                continue;
            }
            let elapsed = c.started.elapsed();
            let cpu_now = clock.as_ref().and_then(ThreadClock::now);
            if seen.is_none_or(|(index, _)| index != c.index) {
                seen = Some((c.index, cpu_now.unwrap_or_default()));
            }
            let used = match (cpu_now, seen) {
                (Some(now), Some((_, at_start))) => now.saturating_sub(at_start),
                _ => elapsed,
            };
            c.cpu = used;
            if used > config.per_input && !c.hang_reported {
                c.hang_reported = true;
                let path = save(&config, "hang", c.index, &c.input);
                eprintln!(
                    "  {}: input #{} has used over {} ms of CPU ({} bytes; saved to {path})",
                    config.target,
                    c.index,
                    config.per_input.as_millis(),
                    c.input.len()
                );
            }
            if used > config.per_input * ABORT_FACTOR || elapsed > config.per_input * STALL_FACTOR {
                eprintln!(
                    "  {}: input #{} still running after {} ms; the target stops here",
                    config.target,
                    c.index,
                    elapsed.as_millis()
                );
                std::process::exit(EXIT_STALLED);
            }
        }
    })
}

/// The peak resident set size of this process (VmHWM), in kB.
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The failures folder: `target/fuzz-failures` under the workspace root.
pub fn failures_dir(root: &Path) -> PathBuf {
    root.join("target").join("fuzz-failures")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(
        inputs: u64,
        per_input_ms: u64,
        max_rss_mb: u64,
    ) -> (tempfile::TempDir, Config, Seeds) {
        let dir = tempfile::tempdir().unwrap();
        let config = Config {
            target: "html".into(),
            seed: 5,
            inputs,
            start: 0,
            per_input: Duration::from_millis(per_input_ms),
            max_rss_mb,
            limits: Limits {
                max_depth: 10,
                max_len: 4096,
            },
            failures: dir.path().to_owned(),
        };
        let seed = b"<p>MARK said the mayor</p>".to_vec();
        let seeds = Seeds {
            html: vec![seed.clone()],
            all: vec![seed],
            ..Seeds::default()
        };
        (dir, config, seeds)
    }

    #[test]
    fn a_panic_is_caught_saved_and_reported() {
        let (_dir, config, seeds) = setup(40, 5000, 1 << 20);
        let mut progress = Vec::new();
        let summary = run_with(&config, &seeds, &mut progress, &|input| {
            if input.windows(4).any(|w| w == b"MARK") {
                panic!("found the mark");
            }
            Ok(())
        });
        assert_eq!(summary.inputs, 40);
        assert_eq!(progress.len(), 40 * 8, "one index per input");
        let panic = summary
            .failures
            .iter()
            .find(|f| f.contains("panic: found the mark"));
        let panic = panic.expect("a panic is reported");
        let index: u64 = panic["input #".len()..]
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let saved =
            std::fs::read(config.failures.join(format!("html-panic-5-{index}.bin"))).unwrap();
        assert_eq!(
            saved,
            input(&config, &seeds, index),
            "the saved input is the one that panicked"
        );
    }

    /// Uses `time` of CPU (however long that takes on a loaded machine).
    fn spin(time: Duration) {
        let clock = ThreadClock::of_this_thread().expect("this test needs Linux's /proc");
        let started = clock.now().unwrap_or_default();
        let mut x = 0u64;
        while clock.now().unwrap_or_default() - started < time {
            for _ in 0..10_000 {
                x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
            }
        }
    }

    #[test]
    fn a_broken_promise_and_a_hang_are_failures() {
        let (_dir, config, seeds) = setup(2, 40, 1 << 20);
        let summary = run_with(&config, &seeds, &mut Vec::new(), &|_| {
            spin(Duration::from_millis(150));
            Err("spans out of place".into())
        });
        // Each input used 150 ms of CPU, and so at least as much wall time.
        assert_eq!(
            summary
                .failures
                .iter()
                .filter(|f| f.contains("spans out of place"))
                .count(),
            2
        );
        assert_eq!(
            summary
                .failures
                .iter()
                .filter(|f| f.contains("over the limit of 40 ms"))
                .count(),
            2
        );
        assert!(summary.max_ns >= 150_000_000);
    }

    #[test]
    fn waiting_for_a_core_is_not_a_hang() {
        assert!(
            ThreadClock::of_this_thread().is_some(),
            "this test needs Linux's /proc"
        );
        // A sleeping input stands for one that waits on a loaded machine:
        // wall time passes, CPU time does not.
        let (_dir, config, seeds) = setup(2, 40, 1 << 20);
        let summary = run_with(&config, &seeds, &mut Vec::new(), &|_| {
            std::thread::sleep(Duration::from_millis(150));
            Ok(())
        });
        assert!(summary.failures.is_empty(), "{:?}", summary.failures);
        assert!(summary.max_ns >= 150_000_000);
    }

    #[test]
    fn memory_over_the_bound_stops_the_target() {
        let (_dir, config, seeds) = setup(100, 5000, 1);
        let summary = run_with(&config, &seeds, &mut Vec::new(), &|_| Ok(()));
        assert!(peak_rss_kb().is_some(), "this test needs Linux's /proc");
        assert_eq!(summary.inputs, 1);
        assert!(
            summary.failures[0].contains("over the bound of 1 MB"),
            "{:?}",
            summary.failures
        );
    }
}
