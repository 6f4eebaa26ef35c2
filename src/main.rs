//! The `plan` binary: everything lives in the library; this only hands over the process.

/// jemalloc, not the system allocator: a check makes and frees millions of small strings
/// and maps, which glibc's malloc served at a fifth of the instructions spent beyond
/// parsing, and on two threads its arenas gave memory back and faulted it in again for
/// each plan set (twice the system time: one core to two gave 1.69x, now 1.87x). mimalloc
/// was as fast but held 50 MiB on the 8x corpus where jemalloc holds 32 (docs/performance.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    plan::cli::main()
}
