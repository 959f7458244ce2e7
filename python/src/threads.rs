//! The CPU threads silica embeds with: one number for the process, set before the first
//! model loads, as the CLI sets `--threads` before any command runs (candle and rayon size
//! their thread pools once, at first use).

use crate::errors::{raise, OrRaise};
use pyo3::prelude::*;
use std::sync::Mutex;

/// The threads chosen, once chosen: `None` inside when the environment
/// (`RAYON_NUM_THREADS`/`CANDLE_NUM_THREADS`) decided.
static CHOSEN: Mutex<Option<Option<usize>>> = Mutex::new(None);

/// Sets the threads on first use (`asked`, else one per physical core unless the
/// environment says); later, refuses a different number than the one set.
pub fn ensure(asked: Option<usize>) -> PyResult<()> {
    let mut chosen = CHOSEN.lock().unwrap_or_else(|e| e.into_inner());
    match (*chosen, asked) {
        (Some(_), None) => Ok(()),
        (Some(Some(set)), Some(n)) if set == n => Ok(()),
        (Some(set), Some(n)) => Err(raise(format!(
            "threads={n}: this process already embeds with {} threads (they are set once, by \
             the first Model); ask for the same number or leave threads out",
            set.map_or_else(|| "the environment's".to_string(), |s| s.to_string())
        ))),
        (None, asked) => {
            if asked == Some(0) {
                return Err(raise("threads must be at least 1"));
            }
            let threads = asked.or_else(silica::embed::default_cpu_threads);
            if let Some(n) = threads {
                silica::embed::set_cpu_threads(n).or_raise()?;
            }
            *chosen = Some(threads);
            Ok(())
        }
    }
}

/// The number of threads silica's work runs on in this process (rayon's pool).
#[pyfunction]
pub fn threads() -> PyResult<usize> {
    ensure(None)?;
    Ok(rayon::current_num_threads())
}
