//! Dates to ISO 8601, in the two shapes pages carry them: [`printed`] reads
//! the forms prose and bylines print ("Oct. 5, 2016 09:15 AM EST"),
//! [`machine`] the machine-readable values of meta tags and JSON-LD
//! ("2016-10-05T09:15:00-05:00", RFC 2822). Both share the calendar check
//! and the month names.

pub(crate) mod machine;
pub(crate) mod printed;

pub(crate) use printed::{month, valid};
