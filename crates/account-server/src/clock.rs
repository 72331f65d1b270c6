//! The server's clock: wall time, so region changes complete in real time
//! and a state file's transition times stay meaningful across restarts.

use std::time::{SystemTime, UNIX_EPOCH};

use account_engine::{Clock, Millis};

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Millis {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| {
                Millis::try_from(elapsed.as_millis()).unwrap_or(Millis::MAX)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_wall_clock_in_milliseconds() {
        let before = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let now = SystemClock.now();
        let after = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        assert!((before.as_millis() as Millis..=after.as_millis() as Millis).contains(&now));
    }
}
