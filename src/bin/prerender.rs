//! Trunk's `post_build` hook: writes the prerendered frame into the staged
//! `index.html` (Trunk names the staging directory in TRUNK_STAGING_DIR), so
//! `dist/index.html` draws the page before any JavaScript or wasm arrives.

#[cfg(not(target_arch = "wasm32"))]
mod hook {
    use account_sandbox::frame::prerender::{into_page, PrerenderError};
    use std::path::PathBuf;

    #[derive(Debug, thiserror::Error)]
    pub enum HookError {
        #[error("TRUNK_STAGING_DIR is not set: run this as Trunk's post_build hook")]
        NoStagingDir,
        #[error("{}: {error}", path.display())]
        Io {
            path: PathBuf,
            error: std::io::Error,
        },
        #[error(transparent)]
        Page(#[from] PrerenderError),
    }

    pub fn run() -> Result<(), HookError> {
        let dir = std::env::var_os("TRUNK_STAGING_DIR").ok_or(HookError::NoStagingDir)?;
        let index = PathBuf::from(dir).join("index.html");
        let io = |path: &PathBuf| {
            let path = path.clone();
            move |error| HookError::Io { path, error }
        };
        let html = std::fs::read_to_string(&index).map_err(io(&index))?;
        let page = into_page(&html)?;
        std::fs::write(&index, page).map_err(io(&index))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match hook::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Built for wasm only by `cargo test --target wasm32-unknown-unknown --tests`,
/// which builds every binary; the frame is rendered at build time, natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
