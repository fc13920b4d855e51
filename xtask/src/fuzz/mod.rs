//! `cargo xtask fuzz`: generated inputs through the parser's public entry
//! points and the plugin envelope, on stable Rust (see docs/fuzzing.md).
//!
//! The parent process runs each target in a worker process (this same
//! binary with `--worker`) and reads the index of every input from the
//! worker's stdout before it runs, so an input that kills the worker (a
//! stack overflow aborts the process) is rebuilt from its index, saved and
//! reported, and the target goes on from the next input.

mod mutate;
mod rng;
mod runner;
mod seeds;
mod targets;

use anyhow::{Context, Result, bail};
use clap::Args;
use runner::{Config, Summary};
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Options of `cargo xtask fuzz`.
#[derive(Args, Debug, Clone)]
pub struct FuzzArgs {
    /// The target: sniff, text, html, json, envelope, or all.
    #[arg(long, default_value = "all")]
    target: String,
    /// Generated inputs per target: the run is inputs `--from`..`--inputs`.
    #[arg(long, default_value_t = 1_000_000)]
    inputs: u64,
    /// The seed of the generator (the same seed gives the same inputs).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Time one input may take before it is a hang, in milliseconds.
    #[arg(long, default_value_t = 5000)]
    per_input_ms: u64,
    /// Bound on the worker's peak resident memory (VmHWM), in MB.
    #[arg(long, default_value_t = 1024)]
    max_rss_mb: u64,
    /// The deepest nesting the deep-nesting mutation builds.
    #[arg(long, default_value_t = 100_000)]
    max_depth: usize,
    /// The longest generated input, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    max_len: usize,
    /// Inputs that kill or stall a worker before the target is given up.
    #[arg(long, default_value_t = 3)]
    max_crashes: usize,
    /// Run one saved input (a file from target/fuzz-failures) through
    /// --target and print what happens.
    #[arg(long)]
    replay: Option<PathBuf>,
    /// Internal: run as the worker of one target.
    #[arg(long, hide = true)]
    worker: bool,
    /// The first input's index: a long run can be made in parts
    /// (`--from 250000 --inputs 500000` runs the second quarter of a
    /// million), each input being the same as in one whole run.
    #[arg(long = "from", default_value_t = 0)]
    start: u64,
}

impl FuzzArgs {
    fn config(&self, target: &str) -> Config {
        Config {
            target: target.to_owned(),
            seed: self.seed,
            inputs: self.inputs,
            start: self.start,
            per_input: Duration::from_millis(self.per_input_ms.max(1)),
            max_rss_mb: self.max_rss_mb,
            limits: mutate::Limits {
                max_depth: self.max_depth.max(1),
                max_len: self.max_len.max(1),
            },
            failures: runner::failures_dir(&crate::workspace_root()),
        }
    }
}

/// Runs `cargo xtask fuzz`; true when no target failed.
pub fn run(args: &FuzzArgs) -> Result<bool> {
    let targets: Vec<&str> = if args.target == "all" {
        targets::TARGETS.to_vec()
    } else if let Some(t) = targets::TARGETS.iter().find(|t| **t == args.target) {
        vec![*t]
    } else {
        bail!(
            "no fuzz target {:?}; use one of {} or all",
            args.target,
            targets::TARGETS.join(", ")
        );
    };
    if let Some(path) = &args.replay {
        return replay(&targets, path);
    }
    if args.worker {
        return worker(args, targets[0]);
    }
    if cfg!(debug_assertions) {
        // Millions of inputs need an optimised parser.
        return crate::bench::rerun_in_release();
    }
    let root = crate::workspace_root();
    // Fail on bad seeds here, not in every worker.
    let seeds = seeds::load(&root)?;
    println!(
        "fuzz: inputs {}..{} per target, seed {}, {} ms of CPU per input, {} MB peak memory, depth up to {}",
        args.start, args.inputs, args.seed, args.per_input_ms, args.max_rss_mb, args.max_depth
    );
    println!(
        "{:<9} {:>9} {:>12} {:>12} {:>10} {:>9}",
        "target", "inputs", "median µs", "max ms", "peak MB", "failures"
    );
    let mut ok = true;
    for target in targets {
        let result = fuzz_target(args, target, &seeds)?;
        // A target whose last worker died has no times to show.
        let figure = |value: u64, scale: f64| match value {
            0 => "-".to_owned(),
            v => format!("{:.1}", v as f64 / scale),
        };
        println!(
            "{:<9} {:>9} {:>12} {:>12} {:>10} {:>9}",
            target,
            result.inputs,
            figure(result.median_ns, 1e3),
            figure(result.max_ns, 1e6),
            figure(result.peak_rss_kb, 1024.0),
            result.failures.len()
        );
        for failure in &result.failures {
            println!("  {target}: {failure}");
        }
        ok &= result.failures.is_empty();
    }
    if !ok {
        println!(
            "failing inputs are in {}; rerun one with `cargo xtask fuzz --target T --replay FILE`",
            runner::failures_dir(&root).display()
        );
    }
    Ok(ok)
}

/// Runs one target in worker processes, restarting after an input that
/// killed or stalled one. Times and memory are the last worker's (one that
/// dies reports nothing).
fn fuzz_target(args: &FuzzArgs, target: &str, seeds: &seeds::Seeds) -> Result<Summary> {
    let exe = std::env::current_exe().context("finding the xtask binary")?;
    let mut total = Summary::default();
    let mut start = args.start;
    let mut crashes = 0;
    while start < args.inputs {
        let mut child = Command::new(&exe)
            .args(["fuzz", "--worker", "--target", target])
            .args(["--inputs", &args.inputs.to_string()])
            .args(["--from", &start.to_string()])
            .args(["--seed", &args.seed.to_string()])
            .args(["--per-input-ms", &args.per_input_ms.to_string()])
            .args(["--max-rss-mb", &args.max_rss_mb.to_string()])
            .args(["--max-depth", &args.max_depth.to_string()])
            .args(["--max-len", &args.max_len.to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .with_context(|| format!("starting the fuzz worker {}", exe.display()))?;
        let stdout = child.stdout.take().context("the worker's stdout")?;
        let (last, summary, hangs) = read_worker(stdout);
        let status = child.wait().context("waiting for the fuzz worker")?;
        match summary {
            Some(summary) => {
                total.median_ns = summary.median_ns;
                total.inputs += summary.inputs;
                total.max_ns = total.max_ns.max(summary.max_ns);
                total.peak_rss_kb = total.peak_rss_kb.max(summary.peak_rss_kb);
                total.failures.extend(summary.failures);
                add_new(&mut total.failures, hangs);
                break;
            }
            None => {
                let Some(index) = last else {
                    bail!("the {target} fuzz worker ended before its first input ({status})");
                };
                total.inputs += index - start;
                add_new(&mut total.failures, hangs);
                let config = args.config(target);
                if status.code() == Some(runner::EXIT_STALLED) {
                    total.failures.push(format!(
                        "input #{index}: ran past {} times the limit of CPU (or {} times it of wall time); the worker was stopped",
                        runner::ABORT_FACTOR,
                        runner::STALL_FACTOR
                    ));
                } else {
                    let bytes = runner::input(&config, seeds, index);
                    let path = runner::save(&config, "crash", index, &bytes);
                    total.failures.push(format!(
                        "input #{index}: killed the worker ({status}; {} bytes; saved to {path})",
                        bytes.len()
                    ));
                }
                crashes += 1;
                if crashes >= args.max_crashes {
                    total.failures.push(format!(
                        "target given up after {crashes} inputs that killed or stalled it (--max-crashes)"
                    ));
                    break;
                }
                start = index + 1;
            }
        }
    }
    Ok(total)
}

/// Appends the lines not already there.
fn add_new(failures: &mut Vec<String>, lines: Vec<String>) {
    for line in lines {
        if !failures.contains(&line) {
            failures.push(line);
        }
    }
}

/// What a worker said: the last input index, its summary (if it lived to
/// write one) and its hang reports.
type WorkerOutput = (Option<u64>, Option<Summary>, Vec<String>);

/// Reads a worker's stdout: input indexes and hang reports, then the mark
/// and a JSON summary.
fn read_worker(stdout: impl Read) -> WorkerOutput {
    let mut reader = BufReader::new(stdout);
    let mut last = None;
    let mut hangs = Vec::new();
    let mut word = [0u8; 8];
    while reader.read_exact(&mut word).is_ok() {
        match u64::from_le_bytes(word) {
            runner::SUMMARY_MARK => {
                let mut json = Vec::new();
                if reader.read_to_end(&mut json).is_err() {
                    break;
                }
                return (last, serde_json::from_slice(&json).ok(), hangs);
            }
            runner::HANG_MARK => {
                if reader.read_exact(&mut word).is_err() {
                    break;
                }
                let mut line = vec![0u8; u64::from_le_bytes(word).min(1 << 16) as usize];
                if reader.read_exact(&mut line).is_err() {
                    break;
                }
                hangs.push(String::from_utf8_lossy(&line).into_owned());
            }
            index => last = Some(index),
        }
    }
    (last, None, hangs)
}

/// The worker: runs the target and writes its summary after the mark. It
/// runs on a spawned thread with the default stack, the stack the
/// `veracity` facade's parse workers get, so a page that overflows theirs
/// overflows this one.
fn worker(args: &FuzzArgs, target: &str) -> Result<bool> {
    let seeds = seeds::load(&crate::workspace_root())?;
    let config = args.config(target);
    let thread = std::thread::spawn(move || -> Result<bool> {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        let summary = runner::run(&config, &seeds, &mut out);
        let mut bytes = runner::SUMMARY_MARK.to_le_bytes().to_vec();
        bytes.extend(serde_json::to_vec(&summary)?);
        out.write_all(&bytes)?;
        out.flush()?;
        Ok(summary.failures.is_empty())
    });
    match thread.join() {
        Ok(result) => result,
        Err(_) => bail!("the fuzz worker's thread panicked outside a target"),
    }
}

/// Runs saved inputs through the targets once, in this process.
fn replay(targets: &[&str], path: &std::path::Path) -> Result<bool> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut ok = true;
    for target in targets {
        let started = std::time::Instant::now();
        let outcome = std::panic::catch_unwind(|| targets::run(target, &bytes));
        let ms = started.elapsed().as_secs_f64() * 1e3;
        match outcome {
            Ok(Ok(())) => println!("{target}: ok in {ms:.1} ms"),
            Ok(Err(broken)) => {
                ok = false;
                println!("{target}: failed in {ms:.1} ms: {broken}");
            }
            Err(_) => {
                ok = false;
                println!("{target}: panicked after {ms:.1} ms (message above)");
            }
        }
    }
    Ok(ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_protocol_reads_indexes_then_the_summary() {
        let mut bytes = Vec::new();
        for i in [7u64, 8, 9] {
            bytes.extend(i.to_le_bytes());
        }
        bytes.extend(runner::HANG_MARK.to_le_bytes());
        bytes.extend(4u64.to_le_bytes());
        bytes.extend(b"slow");
        let (last, summary, hangs) = read_worker(&bytes[..]);
        assert_eq!(hangs, ["slow"]);
        assert_eq!(
            (last, summary.is_none()),
            (Some(9), true),
            "a worker that died"
        );
        bytes.extend(runner::SUMMARY_MARK.to_le_bytes());
        bytes.extend(
            br#"{"inputs":3,"median_ns":10,"max_ns":20,"peak_rss_kb":1000,"failures":["x"]}"#,
        );
        let (last, summary, _) = read_worker(&bytes[..]);
        assert_eq!(last, Some(9));
        let summary = summary.unwrap();
        assert_eq!((summary.inputs, summary.failures.len()), (3, 1));
    }
}
