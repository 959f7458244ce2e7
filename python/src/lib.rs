//! silica from Python: the extension module `silica._silica`, which the pure-Python package
//! `silica` (python/silica/) wraps with sentence-transformers' and the adapters' signatures.
//!
//! A front end like the CLI: it turns Python arguments into the use cases' requests
//! (`silica::app`) and their results into numpy arrays or JSON text, nothing more. Embedding
//! and reading run with the GIL released.

use pyo3::prelude::*;

// The allocator `silica bench` measures with (src/main.rs): the Rust side's buffers in this
// module come from mimalloc, Python's own objects from Python's allocator as always.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;
mod errors;
mod index;
mod model;
mod threads;

#[pymodule]
fn _silica(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SilicaError", m.py().get_type::<errors::SilicaError>())?;
    m.add("DEFAULT_MODEL", silica::model::DEFAULT_MODEL)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<model::Model>()?;
    m.add_class::<index::Index>()?;
    m.add_function(wrap_pyfunction!(corpus::passages_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::themes_report, m)?)?;
    m.add_function(wrap_pyfunction!(corpus::index_themes_report, m)?)?;
    m.add_function(wrap_pyfunction!(threads::threads, m)?)?;
    m.add_function(wrap_pyfunction!(model::default_cache_path, m)?)?;
    Ok(())
}
