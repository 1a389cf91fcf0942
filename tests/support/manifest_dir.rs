//! Shared by the native test crates (`#[path]`-included): where the crate under test lives.

/// The crate's directory when the test runs (cargo and nextest set it), not when it was compiled: a test
/// binary reused from a build in another checkout (a shared target directory) reads this checkout's files.
pub fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(Into::into)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}
