//! The engine's code a first visit does not run, split out of the main wasm
//! (scripts/split-wasm.sh) into two chunks fetched when wanted: `protocols`
//! (the Organizations JSON 1.1 and the IAM/STS Query dispatchers, and the
//! scenarios' builders, which call them) and `restore` (reading a snapshot,
//! which a returning visit needs before it shows its state). The first
//! paint runs the Account API alone; with the Organization tab these were
//! 237 KB of the 578 KB (gzip) main module (docs/size.md).
//!
//! A chunk is fetched by awaiting its [`Protocols::load`] or
//! [`Restore::load`]; the value proves it is here, so the calls on it are
//! synchronous, as the rest of the client is. Only the page's build splits
//! (the `split` feature); natively and in the wasm tests both are here from
//! the start.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

use account_engine::{ApiError, Engine, SnapshotError, WireResponse};
use send_wrapper::SendWrapper;
use thiserror::Error;

use crate::client::Sandbox;
use crate::training::scenarios::Scenario;

/// A chunk could not be fetched (offline, or a host that lost the file).
/// Nothing is cached: the next load tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the page's code for {0} could not be fetched; check the connection and reload the page")]
pub struct NotLoaded(&'static str);

impl NotLoaded {
    pub const PROTOCOLS: Self = Self("the Organizations, IAM and STS APIs");
    pub const RESTORE: Self = Self("reading a saved state");
}

/// The split functions and their loaders: the page's build (the `split`
/// feature, index.html) links them as imports the splitter resolves, so a
/// wasm that is not split (the wasm tests) runs the code in place.
#[cfg(feature = "split")]
mod split {
    use std::future::Future;

    use account_engine::{ApiError, Engine, SnapshotError, WireResponse};
    use futures::FutureExt;
    use leptos::wasm_split::wasm_split;

    use crate::client::Sandbox;
    use crate::training::scenarios::Scenario;

    /// Why the split loader failed is in the browser console.
    pub struct LoadFailed;

    impl From<leptos::wasm_split::SplitLoaderError> for LoadFailed {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            Self
        }
    }

    #[wasm_split(protocols, wasm_split_path = ::leptos::wasm_split, preload(load_organizations), fallible)]
    fn organizations_call(
        engine: &mut Engine,
        caller: &str,
        target: &str,
        body: &[u8],
    ) -> Result<WireResponse, LoadFailed> {
        Ok(engine.handle_organizations(caller, target, body))
    }

    #[wasm_split(protocols, wasm_split_path = ::leptos::wasm_split, preload(load_query), fallible)]
    fn query_call(
        engine: &mut Engine,
        caller: &str,
        body: &[u8],
    ) -> Result<WireResponse, LoadFailed> {
        Ok(engine.handle_query(caller, body))
    }

    #[wasm_split(protocols, wasm_split_path = ::leptos::wasm_split, preload(load_scenarios), fallible)]
    fn scenario_call(
        sandbox: &Sandbox,
        scenario: &Scenario,
    ) -> Result<Result<(), ApiError>, LoadFailed> {
        Ok(scenario.build(sandbox))
    }

    #[wasm_split(restore, wasm_split_path = ::leptos::wasm_split, preload(load_snapshots), fallible)]
    fn restore_call(
        engine: &mut Engine,
        json: &str,
    ) -> Result<Result<(), SnapshotError>, LoadFailed> {
        Ok(engine.restore(json))
    }

    /// Each split function has a loader of its own: loading a chunk
    /// completes all of its functions', so a call is ready when first
    /// polled.
    pub async fn load_protocols() -> Result<(), LoadFailed> {
        load_organizations().await?;
        load_query().await?;
        Ok(load_scenarios().await?)
    }

    pub async fn load_restore() -> Result<(), LoadFailed> {
        Ok(load_snapshots().await?)
    }

    fn here<T>(call: impl Future<Output = Result<T, LoadFailed>>) -> T {
        match call.now_or_never() {
            Some(Ok(value)) => value,
            _ => unreachable!("called through the proof that its chunk is loaded"),
        }
    }

    pub fn organizations(e: &mut Engine, caller: &str, target: &str, body: &[u8]) -> WireResponse {
        here(organizations_call(e, caller, target, body))
    }

    pub fn query(e: &mut Engine, caller: &str, body: &[u8]) -> WireResponse {
        here(query_call(e, caller, body))
    }

    pub fn build(sandbox: &Sandbox, scenario: Scenario) -> Result<(), ApiError> {
        here(scenario_call(sandbox, &scenario))
    }

    pub fn restore(e: &mut Engine, json: &str) -> Result<(), SnapshotError> {
        here(restore_call(e, json))
    }
}

/// Not split: everything is here from the start.
#[cfg(not(feature = "split"))]
mod split {
    use account_engine::{ApiError, Engine, SnapshotError, WireResponse};

    use crate::client::Sandbox;
    use crate::training::scenarios::Scenario;

    pub struct LoadFailed;

    pub async fn load_protocols() -> Result<(), LoadFailed> {
        Ok(())
    }

    pub async fn load_restore() -> Result<(), LoadFailed> {
        Ok(())
    }

    pub fn organizations(e: &mut Engine, caller: &str, target: &str, body: &[u8]) -> WireResponse {
        e.handle_organizations(caller, target, body)
    }

    pub fn query(e: &mut Engine, caller: &str, body: &[u8]) -> WireResponse {
        e.handle_query(caller, body)
    }

    pub fn build(sandbox: &Sandbox, scenario: Scenario) -> Result<(), ApiError> {
        scenario.build(sandbox)
    }

    pub fn restore(e: &mut Engine, json: &str) -> Result<(), SnapshotError> {
        e.restore(json)
    }
}

/// Whether a chunk is here: set once its load completed.
struct Flag(AtomicBool);

impl Flag {
    const fn new() -> Self {
        Self(AtomicBool::new(!cfg!(feature = "split")))
    }

    fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Loads the chunk unless it is here, marks it here once loaded, and
    /// answers with `proof`. The splitter's load is not `Send`, which
    /// Leptos's tasks and `lazy` views ask for; the page has one thread.
    fn load<T: 'static>(
        &'static self,
        load: impl Future<Output = Result<(), split::LoadFailed>> + 'static,
        failed: NotLoaded,
        proof: T,
    ) -> impl Future<Output = Result<T, NotLoaded>> + Send + 'static {
        SendWrapper::new(async move {
            if !self.get() {
                load.await.map_err(|_| failed)?;
                self.0.store(true, Ordering::Relaxed);
            }
            Ok(proof)
        })
    }
}

static PROTOCOLS: Flag = Flag::new();
static RESTORE: Flag = Flag::new();

/// Proof that the `protocols` chunk is here.
#[derive(Debug, Clone, Copy)]
pub struct Protocols(());

impl Protocols {
    /// Fetches the chunk, once; ready at once when it is here.
    pub fn load() -> impl Future<Output = Result<Self, NotLoaded>> + Send + 'static {
        PROTOCOLS.load(split::load_protocols(), NotLoaded::PROTOCOLS, Self(()))
    }

    /// The proof, if the chunk has been loaded.
    pub fn here() -> Option<Self> {
        PROTOCOLS.get().then_some(Self(()))
    }

    /// [`Engine::handle_organizations`].
    pub fn organizations(
        self,
        engine: &mut Engine,
        caller: &str,
        target: &str,
        body: &[u8],
    ) -> WireResponse {
        split::organizations(engine, caller, target, body)
    }

    /// [`Engine::handle_query`].
    pub fn query(self, engine: &mut Engine, caller: &str, body: &[u8]) -> WireResponse {
        split::query(engine, caller, body)
    }

    /// Resets the sandbox and builds `scenario` through the APIs.
    pub fn build_scenario(self, sandbox: &Sandbox, scenario: Scenario) -> Result<(), ApiError> {
        split::build(sandbox, scenario)
    }
}

/// Proof that the `restore` chunk is here.
#[derive(Debug, Clone, Copy)]
pub struct Restore(());

impl Restore {
    /// Fetches the chunk, once; ready at once when it is here.
    pub fn load() -> impl Future<Output = Result<Self, NotLoaded>> + Send + 'static {
        RESTORE.load(split::load_restore(), NotLoaded::RESTORE, Self(()))
    }

    /// [`Engine::restore`].
    pub fn restore(self, engine: &mut Engine, json: &str) -> Result<(), SnapshotError> {
        split::restore(engine, json)
    }
}
