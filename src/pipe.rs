//! Writers for the process's own stdout and stderr: buffered, and deaf to a closed pipe.
//!
//! `plan check … | head` closes stdout early. That is the reader's choice, so the
//! command must run to its end and exit with the status the files deserve (1 when they
//! have errors), not 0 because a write failed. [`Lenient`] records the closed pipe and
//! drops every later byte; anything else (a full disk) is still an error.

use std::io::{self, Write};

/// A writer that turns a broken pipe into silence.
#[derive(Debug)]
pub struct Lenient<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Lenient<W> {
    pub fn new(inner: W) -> Self {
        Self { inner, closed: false }
    }

    /// Whether the reader went away.
    pub fn closed(&self) -> bool {
        self.closed
    }
}

impl<W: Write> Write for Lenient<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// A buffered, pipe-lenient writer: the shape of the process's stdout and stderr.
pub fn buffered<W: Write>(inner: W) -> io::BufWriter<Lenient<W>> {
    io::BufWriter::with_capacity(64 * 1024, Lenient::new(inner))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_is_recorded_and_later_bytes_are_dropped() {
        let mut w = buffered(Closed);
        w.write_all(&vec![b'x'; 100_000]).unwrap();
        w.flush().unwrap();
        assert!(w.get_ref().closed());
    }
}
