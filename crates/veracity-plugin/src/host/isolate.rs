//! Running a plugin in a child process, so that even an abort or a
//! segmentation fault in the plugin ends only the child.
//!
//! The child is the `veracity` binary in its hidden plugin-host mode
//! (`veracity plugin-host PATH`), which loads the plugin in-process with
//! [`LoadedPlugin::load`](super::LoadedPlugin::load) and runs [`serve`].
//! Parent and child exchange frames on the child's standard input and
//! output; a frame is an 8-byte little-endian length followed by that many
//! bytes.
//!
//! 1. The child sends a hello frame: `{"abi_version": 1, "manifest": {...}}`
//!    once the plugin has loaded, or `{"error": "..."}` if it has not (and
//!    then exits).
//! 2. The parent sends a request frame (a JSON plugin request); the child
//!    answers with a frame holding the plugin's response bytes exactly as the
//!    plugin returned them, written straight from the plugin's buffer (the
//!    parent checks them), or an empty frame if the plugin returned the null
//!    buffer. Repeat.
//! 3. The parent closes the child's standard input; the child exits.
//!
//! The parent enforces its response size limit while reading: a frame over
//! it is read off the pipe in small pieces and thrown away, so the call
//! fails, the parent never holds the response, and the next call works.
//! With a timeout, a child that has not sent its hello or an answer within
//! it is killed, and the call fails saying so: a plugin stuck in a loop
//! cannot hang a batch. A child that exits with a status (the plugin called
//! `exit`; the `veracity` plugin host exits with 3 then) is reported as the
//! plugin ending its process, one killed by a signal as a crash.

use super::{ErrorKind, HostError, LoadedPlugin, name_from_path};
use serde_json::{Value, json};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// The largest frame either side accepts (1 GiB).
const MAX_FRAME: u64 = 1 << 30;

/// Writes one frame.
pub fn write_frame(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)?;
    out.flush()
}

/// Reads one frame; `None` at a clean end of input. A frame larger than
/// 1 GiB is an error.
pub fn read_frame(input: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    match read_frame_within(input, MAX_FRAME)? {
        None => Ok(None),
        Some(Frame::Bytes(bytes)) => Ok(Some(bytes)),
        Some(Frame::TooLarge(len)) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("a frame of {len} bytes is larger than the limit of {MAX_FRAME}"),
        )),
    }
}

/// A frame read with a size limit.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    /// The frame's bytes.
    Bytes(Vec<u8>),
    /// A frame of this many bytes, more than the limit: read and thrown
    /// away, never held in memory, so the next frame can be read.
    TooLarge(u64),
}

/// Reads one frame of at most `limit` bytes; `None` at a clean end of input.
pub fn read_frame_within(input: &mut impl Read, limit: u64) -> std::io::Result<Option<Frame>> {
    let mut header = [0u8; 8];
    let mut filled = 0;
    while filled < header.len() {
        match input.read(&mut header[filled..])? {
            0 if filled == 0 => return Ok(None),
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => filled += n,
        }
    }
    let len = u64::from_le_bytes(header);
    if len > limit {
        let skipped = std::io::copy(&mut Read::take(&mut *input, len), &mut std::io::sink())?;
        if skipped < len {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        return Ok(Some(Frame::TooLarge(len)));
    }
    let len =
        usize::try_from(len).map_err(|_| std::io::Error::from(std::io::ErrorKind::OutOfMemory))?;
    // Grow while reading rather than trusting the announced size up front.
    let mut bytes = Vec::with_capacity(len.min(1 << 20));
    Read::take(&mut *input, len as u64).read_to_end(&mut bytes)?;
    if bytes.len() < len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(Frame::Bytes(bytes)))
}

/// The child's side: loads the plugin at `path`, says hello on `output`,
/// then answers requests from `input` until it ends. Returns the load error,
/// if any, after reporting it in the hello frame; an I/O error means the
/// parent went away.
pub fn serve(
    path: &Path,
    input: impl Read,
    output: impl Write,
) -> std::io::Result<Result<(), HostError>> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    let plugin = match LoadedPlugin::load(path) {
        Ok(plugin) => plugin,
        Err(e) => {
            write_frame(
                &mut output,
                json!({"error": e.to_string()}).to_string().as_bytes(),
            )?;
            return Ok(Err(e));
        }
    };
    let hello = json!({"abi_version": plugin.abi_version(), "manifest": plugin.manifest()});
    write_frame(&mut output, hello.to_string().as_bytes())?;
    while let Some(request) = read_frame(&mut input)? {
        // The response goes out straight from the plugin's buffer, whatever
        // its size: the parent enforces its limit while reading the frame.
        match plugin.call_in_place(&request, u64::MAX, |bytes| write_frame(&mut output, bytes)) {
            Ok(written) => written?,
            Err(_) => write_frame(&mut output, &[])?,
        }
    }
    Ok(Ok(()))
}

/// The parent's handle on a child process.
pub(crate) struct Child {
    /// Shared with the watchdog, which kills it on a timeout.
    process: Arc<Mutex<std::process::Child>>,
    stdin: Option<BufWriter<ChildStdin>>,
    stdout: BufReader<ChildStdout>,
    /// Set once the child has died: how.
    dead: Option<Failure>,
    path: PathBuf,
    timeout: Option<Duration>,
}

/// Why the child did not answer.
#[derive(Debug, Clone)]
pub(crate) enum Failure {
    /// It took longer than the timeout and was killed.
    TimedOut(Duration),
    /// It exited with this status: the plugin called `exit` (or `_exit`).
    Exited(i32),
    /// It was killed by a signal or broke the protocol: what happened.
    Crashed(String),
}

impl Failure {
    /// The host error for this failure during `during`.
    pub(crate) fn into_kind(self, during: &'static str) -> ErrorKind {
        match self {
            Failure::TimedOut(limit) => ErrorKind::TimedOut { during, limit },
            Failure::Exited(status) => ErrorKind::Exited { during, status },
            Failure::Crashed(why) => ErrorKind::Crashed(why),
        }
    }
}

/// Kills a child that has not answered in time; [`Watchdog::stop`] calls it
/// off and says whether it fired.
struct Watchdog {
    cancel: mpsc::Sender<()>,
    fired: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Watchdog {
    fn start(process: &Arc<Mutex<std::process::Child>>, timeout: Duration) -> Watchdog {
        let (cancel, cancelled) = mpsc::channel::<()>();
        let fired = Arc::new(AtomicBool::new(false));
        let (process, flag) = (Arc::clone(process), Arc::clone(&fired));
        let thread = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = cancelled.recv_timeout(timeout) {
                flag.store(true, Ordering::SeqCst);
                let _ = process
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .kill();
            }
        });
        Watchdog {
            cancel,
            fired,
            thread,
        }
    }

    fn stop(self) -> bool {
        let _ = self.cancel.send(());
        let _ = self.thread.join();
        self.fired.load(Ordering::SeqCst)
    }
}

impl Child {
    /// Starts `command PATH` and reads its hello: the child, the plugin's ABI
    /// version and its manifest bytes.
    pub(crate) fn spawn(
        path: &Path,
        mut command: Command,
        timeout: Option<Duration>,
    ) -> Result<(Child, u32, Vec<u8>), HostError> {
        let name = name_from_path(path);
        let error = |kind: ErrorKind| HostError::new(&name, path, kind);
        let crashed = |e: String| error(ErrorKind::Crashed(e));
        let mut process = command
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| crashed(format!("cannot start the isolated plugin host: {e}")))?;
        let (Some(stdin), Some(stdout)) = (process.stdin.take(), process.stdout.take()) else {
            unreachable!("both pipes were requested")
        };
        let mut child = Child {
            process: Arc::new(Mutex::new(process)),
            stdin: Some(BufWriter::new(stdin)),
            stdout: BufReader::new(stdout),
            dead: None,
            path: path.to_path_buf(),
            timeout,
        };
        let hello = match child.receive(|_| Ok(()), MAX_FRAME) {
            Ok(Some(Frame::Bytes(hello))) => hello,
            Ok(Some(Frame::TooLarge(len))) => {
                return Err(crashed(format!(
                    "its isolated plugin host sent a hello of {len} bytes"
                )));
            }
            Ok(None) => return Err(error(child.died().into_kind("loading"))),
            Err(failure) => return Err(error(failure.into_kind("loading"))),
        };
        let hello: Value = serde_json::from_slice(&hello)
            .map_err(|e| crashed(format!("the isolated plugin host sent a bad hello ({e})")))?;
        if let Some(message) = hello.get("error").and_then(Value::as_str) {
            return Err(HostError::new(
                &name,
                path,
                ErrorKind::Remote(message.to_owned()),
            ));
        }
        let abi_version = hello
            .get("abi_version")
            .and_then(Value::as_u64)
            .and_then(|v| u32::try_from(v).ok());
        let (Some(abi_version), Some(manifest)) = (abi_version, hello.get("manifest")) else {
            return Err(crashed(
                "the isolated plugin host sent a hello without ABI version or manifest".into(),
            ));
        };
        let manifest = serde_json::to_vec(manifest).unwrap_or_default();
        Ok((child, abi_version, manifest))
    }

    /// Sends a request; the response (`Frame::Bytes` empty for a null
    /// buffer, `Frame::TooLarge` for one over `limit` bytes), or why the
    /// child did not answer.
    pub(crate) fn call(&mut self, request: &[u8], limit: u64) -> Result<Frame, Failure> {
        if let Some(failure) = &self.dead {
            return Err(failure.clone());
        }
        match self.receive(|stdin| write_frame(stdin, request), limit)? {
            Some(frame) => Ok(frame),
            None => Err(self.died()),
        }
    }

    /// Runs `send` on the child's input, then reads one frame of at most
    /// `limit` bytes, under the watchdog when there is a timeout: the frame,
    /// `None` when the child broke the protocol, or the timeout.
    fn receive(
        &mut self,
        send: impl FnOnce(&mut BufWriter<ChildStdin>) -> std::io::Result<()>,
        limit: u64,
    ) -> Result<Option<Frame>, Failure> {
        let watchdog = self.timeout.map(|t| Watchdog::start(&self.process, t));
        let sent = match self.stdin.as_mut() {
            Some(stdin) => send(stdin),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        let received = sent.and_then(|()| read_frame_within(&mut self.stdout, limit));
        if watchdog.is_some_and(Watchdog::stop) {
            self.died();
            let failure = Failure::TimedOut(self.timeout.unwrap_or_default());
            self.dead = Some(failure.clone());
            return Err(failure);
        }
        Ok(received.ok().flatten())
    }

    /// Waits for a child that broke the protocol and says how it ended.
    fn died(&mut self) -> Failure {
        self.stdin = None;
        let status = self
            .process
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .wait();
        let failure = match status {
            Ok(status) => match exit_code(status) {
                Some(code) => Failure::Exited(code),
                None => Failure::Crashed(format!(
                    "its isolated plugin host (veracity plugin-host {}) {}",
                    self.path.display(),
                    describe_exit(status)
                )),
            },
            Err(e) => Failure::Crashed(format!(
                "its isolated plugin host (veracity plugin-host {}) cannot be waited for: {e}",
                self.path.display()
            )),
        };
        self.dead = Some(failure.clone());
        failure
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        // Closing its input asks the child to exit.
        self.stdin = None;
        if self.dead.is_none() {
            let _ = self
                .process
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .wait();
        }
    }
}

/// The status of a child that exited on its own (not killed by a signal).
fn exit_code(status: ExitStatus) -> Option<i32> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if status.signal().is_some() {
            return None;
        }
    }
    status.code()
}

/// "was killed by signal 6 (SIGABRT)" or "exited with status 3".
fn describe_exit(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                4 => " (SIGILL)",
                6 => " (SIGABRT)",
                7 => " (SIGBUS)",
                8 => " (SIGFPE)",
                9 => " (SIGKILL)",
                11 => " (SIGSEGV)",
                15 => " (SIGTERM)",
                _ => "",
            };
            return format!("was killed by signal {signal}{name}");
        }
    }
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => format!("ended ({status})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        let mut buf = Vec::new();
        write_frame(&mut buf, b"hello").unwrap();
        write_frame(&mut buf, b"").unwrap();
        let mut input = &buf[..];
        assert_eq!(read_frame(&mut input).unwrap(), Some(b"hello".to_vec()));
        assert_eq!(read_frame(&mut input).unwrap(), Some(Vec::new()));
        assert_eq!(read_frame(&mut input).unwrap(), None);
    }

    #[test]
    fn truncated_and_huge_frames_are_errors() {
        let mut input = &[1u8, 0, 0][..];
        assert!(read_frame(&mut input).is_err());
        let mut input = &[5u8, 0, 0, 0, 0, 0, 0, 0, b'a'][..];
        assert!(read_frame(&mut input).is_err());
        let huge = u64::MAX.to_le_bytes();
        assert!(read_frame(&mut &huge[..]).is_err());
    }

    #[test]
    fn a_frame_over_the_limit_is_skipped_without_losing_the_next() {
        let mut buf = Vec::new();
        write_frame(&mut buf, &[b'x'; 5000]).unwrap();
        write_frame(&mut buf, b"next").unwrap();
        let mut input = &buf[..];
        assert_eq!(
            read_frame_within(&mut input, 100).unwrap(),
            Some(Frame::TooLarge(5000))
        );
        assert_eq!(
            read_frame_within(&mut input, 100).unwrap(),
            Some(Frame::Bytes(b"next".to_vec()))
        );
        assert_eq!(read_frame_within(&mut input, 100).unwrap(), None);
        // A frame over the limit that ends early is a broken stream.
        let mut cut = 5000u64.to_le_bytes().to_vec();
        cut.extend_from_slice(b"only a little");
        assert!(read_frame_within(&mut &cut[..], 100).is_err());
        // An announced size is not allocated up front.
        let mut lying = (1u64 << 40).to_le_bytes().to_vec();
        lying.extend_from_slice(b"short");
        assert!(read_frame_within(&mut &lying[..], u64::MAX).is_err());
    }
}
