//! silica's errors as one Python exception, worded as the CLI words them: the chain of
//! contexts on one line ("seeds/x.jsonl: line 3: ...").

use pyo3::prelude::*;

pyo3::create_exception!(
    silica,
    SilicaError,
    pyo3::exceptions::PyException,
    "What silica could not do, and why (the file and line where a file is at fault)."
);

/// Turns a use case's error into [`SilicaError`].
pub trait OrRaise<T> {
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for anyhow::Result<T> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|err| SilicaError::new_err(format!("{err:#}")))
    }
}

/// A [`SilicaError`] with this message.
pub fn raise(message: impl Into<String>) -> PyErr {
    SilicaError::new_err(message.into())
}
