//! The browser's wall clock, injected into the engine.

use account_engine::{Clock, Millis};

pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> Millis {
        js_sys::Date::now() as Millis
    }
}
