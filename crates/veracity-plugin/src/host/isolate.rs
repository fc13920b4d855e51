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
//!    plugin returned them (the parent checks them), or an empty frame if
//!    the plugin returned the null buffer. Repeat.
//! 3. The parent closes the child's standard input; the child exits.
//!
//! With a timeout, a child that has not sent its hello or an answer within
//! it is killed, and the call fails saying so: a plugin stuck in a loop
//! cannot hang a batch.

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

/// Reads one frame; `None` at a clean end of input.
pub fn read_frame(input: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
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
    if len > MAX_FRAME {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("a frame of {len} bytes is larger than the limit of {MAX_FRAME}"),
        ));
    }
    let mut bytes = vec![0u8; len as usize];
    input.read_exact(&mut bytes)?;
    Ok(Some(bytes))
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
        match plugin.call_raw(&request) {
            Ok(response) => write_frame(&mut output, &response)?,
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
    /// Set once the child has died: why.
    dead: Option<String>,
    path: PathBuf,
    timeout: Option<Duration>,
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
        let crashed = |e: String| HostError::new(&name, path, ErrorKind::Crashed(e));
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
        let hello = match child.receive(|_| Ok(())) {
            Ok(Some(hello)) => hello,
            Ok(None) => return Err(crashed(child.died())),
            Err(why) => return Err(crashed(why)),
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

    /// Sends a request; the response bytes, `None` for a null buffer, or why
    /// the child died.
    pub(crate) fn call(&mut self, request: &[u8]) -> Result<Option<Vec<u8>>, String> {
        if let Some(why) = &self.dead {
            return Err(why.clone());
        }
        match self.receive(|stdin| write_frame(stdin, request))? {
            Some(bytes) if bytes.is_empty() => Ok(None),
            Some(bytes) => Ok(Some(bytes)),
            None => Err(self.died()),
        }
    }

    /// Runs `send` on the child's input, then reads one frame, under the
    /// watchdog when there is a timeout: the frame, `None` when the child
    /// broke the protocol, or why it was killed.
    fn receive(
        &mut self,
        send: impl FnOnce(&mut BufWriter<ChildStdin>) -> std::io::Result<()>,
    ) -> Result<Option<Vec<u8>>, String> {
        let watchdog = self.timeout.map(|t| Watchdog::start(&self.process, t));
        let sent = match self.stdin.as_mut() {
            Some(stdin) => send(stdin),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        let received = sent.and_then(|()| read_frame(&mut self.stdout));
        if watchdog.is_some_and(Watchdog::stop) {
            let limit = self.timeout.unwrap_or_default().as_secs_f64();
            self.died();
            let why = format!(
                "its isolated plugin host (veracity plugin-host {}) did not answer within {limit} s and was stopped; raise --plugin-timeout if the plugin is slow",
                self.path.display()
            );
            self.dead = Some(why.clone());
            return Err(why);
        }
        Ok(received.ok().flatten())
    }

    /// Waits for a child that broke the protocol and says how it ended.
    fn died(&mut self) -> String {
        self.stdin = None;
        let status = self
            .process
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .wait();
        let why = match status {
            Ok(status) => describe_exit(status),
            Err(e) => format!("cannot wait for it: {e}"),
        };
        let why = format!(
            "its isolated plugin host (veracity plugin-host {}) {why}",
            self.path.display()
        );
        self.dead = Some(why.clone());
        why
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
}
