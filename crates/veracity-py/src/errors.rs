//! The package's exceptions, and veracity's errors as them. Messages are
//! the CLI's, word for word: both come from the same `Display`.

use pyo3::PyErr;
use pyo3::create_exception;
use pyo3::exceptions::PyException;

create_exception!(
    veracity,
    VeracityError,
    PyException,
    "Base class of the errors veracity raises."
);
create_exception!(
    veracity,
    ParseError,
    VeracityError,
    "An input could not be turned into documents (empty, binary, too large, malformed, \
     or a document that does not match the schema). The message names the input."
);
create_exception!(
    veracity,
    CheckError,
    VeracityError,
    "A check could not run: an unknown engine or scale, nothing to check, or an engine \
     that failed on a claim."
);

/// An input's parse error, its message naming the input.
pub fn parse_error(error: &veracity::parse::ParseError) -> PyErr {
    ParseError::new_err(error.to_string())
}

/// Why a check could not run.
pub fn check_error(error: &veracity::Error) -> PyErr {
    CheckError::new_err(error.to_string())
}
