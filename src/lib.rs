//! resolu: explore a local corpus of United Nations resolutions.

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod index;
