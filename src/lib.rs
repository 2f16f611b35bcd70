//! resolu: explore a local corpus of United Nations resolutions.

pub mod corpus;
pub mod index;
